import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, api, type Session } from '../api';
import { ErrorBox, Field, Notice } from '../ui';

const ACCOUNT_KEY = 'actionbridge.console.account';

type FieldName = 'account' | 'user' | 'password' | 'keyId' | 'secret';
type FieldErrors = Partial<Record<FieldName, string>>;

// The server's rules (server/console-sessions.ts), said as what each field takes.
const SAY: Record<FieldName, string> = {
  account: 'Enter the 12-digit account ID (digits only).',
  user: 'Enter your user name: up to 128 letters, digits and + = , . @ _ -.',
  password: 'Enter your password.',
  keyId: 'Enter the access key ID: 16 to 128 capital letters and digits.',
  secret: 'Enter the secret access key.',
};

/** What the form can tell before asking the server. */
function check(method: 'password' | 'key', v: Record<FieldName, string>): FieldErrors {
  const e: FieldErrors = {};
  if (method === 'password') {
    if (!/^\d{12}$/.test(v.account.trim())) e.account = SAY.account;
    if (!/^[\w+=,.@-]{1,128}$/.test(v.user.trim())) e.user = SAY.user;
    if (!v.password) e.password = SAY.password;
  } else {
    if (!/^[A-Z0-9]{16,128}$/.test(v.keyId.trim())) e.keyId = SAY.keyId;
    if (!v.secret) e.secret = SAY.secret;
  }
  return e;
}

/** The server's refusal, on the fields it is about (its message names AccountId, UserName, Password, AccessKeyId). */
function serverFieldErrors(err: unknown, method: 'password' | 'key'): FieldErrors {
  if (!(err instanceof ApiError)) return {};
  if (err.code === 'AccessDeniedException') {
    return method === 'password'
      ? { password: 'Not correct for this account and user name: type it again.' }
      : { secret: 'Not correct, or the key is not active.' };
  }
  if (err.code !== 'InvalidParameterValueException') return {};
  const e: FieldErrors = {};
  if (/AccountId/.test(err.message)) e.account = SAY.account;
  if (/UserName/.test(err.message)) e.user = SAY.user;
  if (/Password/.test(err.message)) e.password = SAY.password;
  if (/AccessKeyId/.test(err.message)) e.keyId = SAY.keyId;
  if (/SecretAccessKey/.test(err.message) && method === 'key') e.secret = SAY.secret;
  return e;
}

export function SignIn({ message, onSignedIn }: { message?: string; onSignedIn: (s: Session) => void }) {
  const [method, setMethod] = useState<'password' | 'key'>('password');
  const [account, setAccount] = useState(() => localStorage.getItem(ACCOUNT_KEY) ?? '');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [keyId, setKeyId] = useState('');
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<unknown>();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [focusErrors, setFocusErrors] = useState(0);
  useEffect(() => {
    if (focusErrors) document.querySelector<HTMLElement>('.signin [aria-invalid="true"]')?.focus();
  }, [focusErrors]);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    document.title = 'Sign in · ActionBridge';
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    const local = check(method, { account, user, password, keyId, secret });
    setFieldErrors(local);
    if (Object.keys(local).length) {
      setFocusErrors((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      const s =
        method === 'password'
          ? await api.signIn({ AccountId: account.trim(), UserName: user.trim(), Password: password })
          : await api.signIn({ AccessKeyId: keyId.trim(), SecretAccessKey: secret });
      if (method === 'password') localStorage.setItem(ACCOUNT_KEY, account.trim());
      onSignedIn({ ...s, SignedIn: true });
    } catch (err) {
      setError(err);
      setFieldErrors(serverFieldErrors(err, method));
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
              error={fieldErrors.account}
            />
            <Field label="User name" name="username" value={user} onChange={setUser} required autoComplete="username" error={fieldErrors.user} />
            <Field
              label="Password"
              name="password"
              type="password"
              value={password}
              onChange={setPassword}
              required
              autoComplete="current-password"
              error={fieldErrors.password}
            />
          </>
        ) : (
          <>
            <Field label="Access key ID" name="accessKeyId" value={keyId} onChange={setKeyId} required autoComplete="username" error={fieldErrors.keyId} />
            <Field
              label="Secret access key"
              name="secretAccessKey"
              type="password"
              value={secret}
              onChange={setSecret}
              required
              autoComplete="current-password"
              error={fieldErrors.secret}
            />
          </>
        )}
        <div id="signin-error">
          {error && !(error instanceof ApiError && error.code === 'InvalidParameterValueException') ? <ErrorBox error={error} title="Sign-in failed." /> : null}
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
