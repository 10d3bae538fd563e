import { useEffect, useState, type FormEvent } from 'react';
import { api, type Session } from '../api';
import { ErrorBox, Field, Notice } from '../ui';

const ACCOUNT_KEY = 'actionbridge.console.account';

export function SignIn({ message, onSignedIn }: { message?: string; onSignedIn: (s: Session) => void }) {
  const [method, setMethod] = useState<'password' | 'key'>('password');
  const [account, setAccount] = useState(() => localStorage.getItem(ACCOUNT_KEY) ?? '');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [keyId, setKeyId] = useState('');
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    document.title = 'Sign in · ActionBridge';
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const s =
        method === 'password'
          ? await api.signIn({ AccountId: account.trim(), UserName: user.trim(), Password: password })
          : await api.signIn({ AccessKeyId: keyId.trim(), SecretAccessKey: secret });
      if (method === 'password') localStorage.setItem(ACCOUNT_KEY, account.trim());
      onSignedIn({ ...s, SignedIn: true });
    } catch (err) {
      setError(err);
      setPassword('');
      setSecret('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" className="signin">
      <h1>Sign in to ActionBridge</h1>
      {message ? <Notice kind="warning">{message}</Notice> : null}
      <form onSubmit={submit} noValidate aria-describedby={error ? 'signin-error' : undefined}>
        <fieldset className="choice">
          <legend>Sign in with</legend>
          <label>
            <input type="radio" name="method" value="password" checked={method === 'password'} onChange={() => setMethod('password')} /> User name and password
          </label>
          <label>
            <input type="radio" name="method" value="key" checked={method === 'key'} onChange={() => setMethod('key')} /> Access key
          </label>
        </fieldset>
        {method === 'password' ? (
          <>
            <Field
              label="Account ID"
              name="account"
              value={account}
              onChange={setAccount}
              required
              inputMode="numeric"
              autoComplete="organization"
              hint="12 digits"
            />
            <Field label="User name" name="username" value={user} onChange={setUser} required autoComplete="username" />
            <Field label="Password" name="password" type="password" value={password} onChange={setPassword} required autoComplete="current-password" />
          </>
        ) : (
          <>
            <Field label="Access key ID" name="accessKeyId" value={keyId} onChange={setKeyId} required autoComplete="username" />
            <Field
              label="Secret access key"
              name="secretAccessKey"
              type="password"
              value={secret}
              onChange={setSecret}
              required
              autoComplete="current-password"
            />
          </>
        )}
        <div id="signin-error">
          <ErrorBox error={error} title="Sign-in failed." />
        </div>
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p className="hint">
        An administrator sets console passwords with <code>actionbridge users set-password</code>.
      </p>
    </main>
  );
}
