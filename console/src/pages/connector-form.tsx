// Create and edit a connector. The form offers the authentication methods the
// connector type allows; the server validates (the same rules and messages as the
// API) and its messages are shown next to the fields they name.
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { ApiError, call, type Meta, type Session } from '../api';
import { ErrorBox, Field, PageHeading, SelectField, go, href } from '../ui';

const AUTH_LABELS: Record<string, string> = {
  NONE: 'None',
  BASIC: 'User name and password (Basic)',
  API_KEY: 'API key',
  OAUTH2_CLIENT_CREDENTIALS: 'OAuth 2.0 client credentials',
  OAUTH2_AUTHORIZATION_CODE: 'OAuth 2.0 authorization code (each user signs in)',
  IAM: 'IAM role',
};

interface Form {
  id: string; name: string; description: string; type: string; vpc: string; authType: string;
  baseEndpoint: string; username: string; password: string; apiKey: string; email: string;
  clientId: string; clientSecret: string; tokenEndpoint: string; authorizationEndpoint: string; redirectUrl: string;
  roleArn: string;
  /** null: every action of the type's catalog. */
  enabledActions: string[] | null;
}

type Key = keyof Form;

const EMPTY: Form = {
  id: '', name: '', description: '', type: 'GENERIC_HTTP', vpc: '', authType: 'NONE',
  baseEndpoint: '', username: '', password: '', apiKey: '', email: '',
  clientId: '', clientSecret: '', tokenEndpoint: '', authorizationEndpoint: '', redirectUrl: '', roleArn: '', enabledActions: null,
};

const MEMBER_OF: Record<string, string> = {
  NONE: 'NoneConnectionMetadata', BASIC: 'BasicAuthConnectionMetadata', API_KEY: 'ApiKeyConnectionMetadata',
  OAUTH2_CLIENT_CREDENTIALS: 'ClientCredentialsGrantMetadata', OAUTH2_AUTHORIZATION_CODE: 'AuthorizationCodeGrantMetadata', IAM: 'IamConnectionMetadata',
};

function authConfig(f: Form): Record<string, unknown> {
  const opt = (v: string) => (v.trim() ? v.trim() : undefined);
  let md: Record<string, unknown>;
  switch (f.authType) {
    case 'BASIC': md = { BaseEndpoint: f.baseEndpoint.trim(), Username: f.username, Password: f.password }; break;
    case 'API_KEY': md = { BaseEndpoint: f.baseEndpoint.trim(), ApiKey: f.apiKey, Email: opt(f.email) }; break;
    case 'OAUTH2_CLIENT_CREDENTIALS': md = {
      BaseEndpoint: f.baseEndpoint.trim(), ClientCredentialsSource: 'PLAIN_CREDENTIALS',
      ClientCredentialsDetails: { ClientCredentialsGrantDetails: { ClientId: f.clientId, ClientSecret: f.clientSecret, TokenEndpoint: f.tokenEndpoint.trim() } },
    }; break;
    case 'OAUTH2_AUTHORIZATION_CODE': md = {
      BaseEndpoint: f.baseEndpoint.trim(), RedirectUrl: f.redirectUrl.trim(), AuthorizationCodeGrantCredentialsSource: 'PLAIN_CREDENTIALS',
      AuthorizationCodeGrantCredentialsDetails: { AuthorizationCodeGrantDetails: {
        ClientId: f.clientId, ClientSecret: f.clientSecret, TokenEndpoint: f.tokenEndpoint.trim(), AuthorizationEndpoint: f.authorizationEndpoint.trim(),
      } },
    }; break;
    case 'IAM': md = { RoleArn: f.roleArn.trim() }; break;
    default: md = { BaseEndpoint: f.baseEndpoint.trim() };
  }
  return { AuthenticationType: f.authType, AuthenticationMetadata: { [MEMBER_OF[f.authType] ?? 'NoneConnectionMetadata']: md } };
}

/** The form field a member path of a validation message names. */
function fieldOf(path: string): Key | undefined {
  const direct: Record<string, Key> = {
    actionConnectorId: 'id', name: 'name', description: 'description', type: 'type', vpcConnectionArn: 'vpc',
    'authenticationConfig.authenticationType': 'authType',
  };
  if (direct[path]) return direct[path];
  if (path.startsWith('enabledActions')) return 'enabledActions';
  if (!path.startsWith('authenticationConfig.authenticationMetadata.')) return undefined;
  const leaf = path.slice(path.lastIndexOf('.') + 1);
  const leaves: Record<string, Key> = {
    baseEndpoint: 'baseEndpoint', username: 'username', password: 'password', apiKey: 'apiKey', email: 'email',
    clientId: 'clientId', clientSecret: 'clientSecret', tokenEndpoint: 'tokenEndpoint', authorizationEndpoint: 'authorizationEndpoint',
    redirectUrl: 'redirectUrl', roleArn: 'roleArn',
  };
  return leaves[leaf];
}

/** The Read* shape Describe returns, back into the form (secrets are never returned: they stay empty). */
function fromConnector(c: any): Form {
  const cfg = c.AuthenticationConfig ?? {};
  const md: any = Object.values(cfg.AuthenticationMetadata ?? {})[0] ?? {};
  const code = md.ReadAuthorizationCodeGrantCredentialsDetails?.ReadAuthorizationCodeGrantDetails ?? {};
  const client = md.ReadClientCredentialsDetails?.ReadClientCredentialsGrantDetails ?? {};
  return {
    ...EMPTY,
    id: c.ActionConnectorId, name: c.Name ?? '', description: c.Description ?? '', type: c.Type, vpc: c.VpcConnectionArn ?? '',
    authType: cfg.AuthenticationType ?? 'NONE', baseEndpoint: md.BaseEndpoint ?? '', username: md.Username ?? '', email: md.Email ?? '',
    clientId: code.ClientId ?? client.ClientId ?? '', tokenEndpoint: code.TokenEndpoint ?? client.TokenEndpoint ?? '',
    authorizationEndpoint: code.AuthorizationEndpoint ?? '', redirectUrl: md.RedirectUrl ?? '', roleArn: md.RoleArn ?? '',
    enabledActions: Array.isArray(c.EnabledActions) ? c.EnabledActions : null,
  };
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 64);

export function ConnectorForm({ meta, id }: { session: Session; meta: Meta; id?: string }) {
  const editing = id !== undefined;
  const [f, setF] = useState<Form>(() => ({ ...EMPTY, redirectUrl: meta.RedirectUrl ?? '' }));
  const [idTouched, setIdTouched] = useState(false);
  const [loadError, setLoadError] = useState<unknown>();
  const [loaded, setLoaded] = useState(!editing);
  const [errors, setErrors] = useState<Partial<Record<Key, string>>>({});
  const [general, setGeneral] = useState<{ error?: unknown; problems: string[] }>({ problems: [] });
  const [busy, setBusy] = useState(false);
  // After a refused save: the first field in error takes the focus (or the summary).
  const [focusErrors, setFocusErrors] = useState(0);
  useEffect(() => {
    if (!focusErrors) return;
    const first = document.querySelector<HTMLElement>('.connector-form [aria-invalid="true"]') ?? document.getElementById('form-errors');
    first?.focus();
  }, [focusErrors]);

  useEffect(() => {
    if (!editing) return;
    call('DescribeActionConnector', { ActionConnectorId: id }).then((r) => { setF(fromConnector(r.ActionConnector)); setLoaded(true); }, setLoadError);
  }, [id]);

  const typeInfo = meta.ConnectorTypes.find((t) => t.Type === f.type);
  const allowed = typeInfo && typeInfo.AuthenticationTypes.length ? typeInfo.AuthenticationTypes : Object.keys(AUTH_LABELS);
  const catalog = typeInfo?.Actions ?? [];
  const set = (k: Key) => (v: string) => setF((x) => ({ ...x, [k]: v }));

  // A type that does not allow the chosen method switches to its first one.
  useEffect(() => {
    if (!allowed.includes(f.authType)) setF((x) => ({ ...x, authType: allowed[0]! }));
  }, [f.type]);

  const enabled = useMemo(() => new Set(f.enabledActions ?? catalog.map((a) => a.ActionId)), [f.enabledActions, catalog]);
  const toggleAction = (actionId: string, on: boolean) => {
    const next = new Set(enabled);
    if (on) next.add(actionId); else next.delete(actionId);
    setF((x) => ({ ...x, enabledActions: catalog.map((a) => a.ActionId).filter((a) => next.has(a)) }));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setGeneral({ problems: [] });
    const input: Record<string, unknown> = {
      ActionConnectorId: f.id.trim(), Name: f.name, AuthenticationConfig: authConfig(f),
      ...(f.description ? { Description: f.description } : {}),
      ...(f.vpc.trim() ? { VpcConnectionArn: f.vpc.trim() } : {}),
    };
    if (!editing) input.Type = f.type;
    // Sent when chosen (create) and always on edit, so that an update keeps the choice.
    if (catalog.length && (editing || f.enabledActions !== null)) input.EnabledActions = catalog.map((a) => a.ActionId).filter((a) => enabled.has(a));
    try {
      await call(editing ? 'UpdateActionConnector' : 'CreateActionConnector', input);
      go('connectors', f.id.trim());
    } catch (err) {
      const byField: Partial<Record<Key, string>> = {};
      const rest: string[] = [];
      if (err instanceof ApiError && err.code === 'InvalidParameterValueException') {
        for (const p of err.problems) {
          const k = p.path ? fieldOf(p.path) : undefined;
          if (k) byField[k] = byField[k] ? `${byField[k]} ${p.rule}` : p.rule;
          else rest.push(p.text);
        }
      } else if (err instanceof ApiError && err.code === 'ResourceExistsException') {
        byField.id = err.message;
      }
      setErrors(byField);
      setGeneral({ error: err, problems: rest });
      setFocusErrors((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const title = editing ? `Edit ${f.name || id}` : 'Create connector';
  if (loadError) return <><PageHeading title={title}>{title}</PageHeading><ErrorBox error={loadError} /></>;
  if (!loaded) return <p role="status">Loading…</p>;

  const secretHint = editing ? 'Enter it again: the API replaces the whole authentication configuration and never returns secrets.' : undefined;
  const endpointHint = 'An https:// URL; the connector\'s requests stay under it.';
  const a = f.authType;
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p><a href={editing ? href('connectors', id!) : href('connectors')}>{editing ? 'Back to the connector' : 'Back to connectors'}</a></p>
      <form className="connector-form" onSubmit={submit} noValidate>
        <div id="form-errors" tabIndex={-1}>
          {general.error ? (
            <div className="alert alert-error" role="alert">
              <strong>The connector was not {editing ? 'saved' : 'created'}.</strong>{' '}
              {general.problems.length || Object.keys(errors).length
                ? <span>{Object.keys(errors).length ? 'Check the fields marked below.' : ''}</span>
                : <span>{(general.error as Error).message}</span>}
              {general.problems.length ? <ul>{general.problems.map((p) => <li key={p}>{p}</li>)}</ul> : null}
            </div>
          ) : null}
        </div>
        <fieldset>
          <legend>Connector</legend>
          <Field label="Name" name="name" value={f.name} required error={errors.name}
            onChange={(v) => setF((x) => ({ ...x, name: v, id: !editing && !idTouched ? slug(v) : x.id }))} />
          <Field label="Connector ID" name="id" value={f.id} required disabled={editing} error={errors.id}
            hint="Letters, digits, - and _; it cannot change later and must not start with quicksuite-."
            onChange={(v) => { setIdTouched(true); set('id')(v); }} />
          <Field label="Description" name="description" value={f.description} onChange={set('description')} error={errors.description} multiline />
          <SelectField label="Type" name="type" value={f.type} onChange={set('type')} disabled={editing} required error={errors.type}
            options={meta.ConnectorTypes.map((t) => ({ value: t.Type, label: t.Type }))} />
          <Field label="VPC connection ARN" name="vpc" value={f.vpc} onChange={set('vpc')} error={errors.vpc}
            hint="Optional: the egress profile the connector's requests use." list={meta.VpcConnectionArns.length ? 'vpc-arns' : undefined} />
          {meta.VpcConnectionArns.length ? <datalist id="vpc-arns">{meta.VpcConnectionArns.map((v) => <option key={v} value={v} />)}</datalist> : null}
        </fieldset>
        <fieldset>
          <legend>Authentication</legend>
          <SelectField label="Method" name="authType" value={a} onChange={set('authType')} required error={errors.authType}
            hint={`${f.type} allows: ${allowed.map((x) => AUTH_LABELS[x] ?? x).join('; ')}.`}
            options={allowed.map((x) => ({ value: x, label: AUTH_LABELS[x] ?? x }))} />
          {a !== 'IAM' ? <Field label="Base endpoint" name="baseEndpoint" type="url" inputMode="url" value={f.baseEndpoint} onChange={set('baseEndpoint')} required error={errors.baseEndpoint} hint={endpointHint} placeholder="https://api.example.com" /> : null}
          {a === 'BASIC' ? <>
            <Field label="User name" name="username" value={f.username} onChange={set('username')} required error={errors.username} />
            <Field label="Password" name="password" type="password" autoComplete="new-password" value={f.password} onChange={set('password')} required error={errors.password} hint={secretHint} />
          </> : null}
          {a === 'API_KEY' ? <>
            <Field label="API key" name="apiKey" type="password" autoComplete="new-password" value={f.apiKey} onChange={set('apiKey')} required error={errors.apiKey} hint={secretHint} />
            <Field label="Email" name="email" type="email" inputMode="email" value={f.email} onChange={set('email')} error={errors.email} hint="Only for types that send email and key together (Atlassian, Zendesk)." />
          </> : null}
          {a === 'OAUTH2_CLIENT_CREDENTIALS' || a === 'OAUTH2_AUTHORIZATION_CODE' ? <>
            <Field label="Client ID" name="clientId" value={f.clientId} onChange={set('clientId')} required error={errors.clientId} />
            <Field label="Client secret" name="clientSecret" type="password" autoComplete="new-password" value={f.clientSecret} onChange={set('clientSecret')} required error={errors.clientSecret} hint={secretHint} />
            <Field label="Token endpoint" name="tokenEndpoint" type="url" inputMode="url" value={f.tokenEndpoint} onChange={set('tokenEndpoint')} required error={errors.tokenEndpoint} />
          </> : null}
          {a === 'OAUTH2_AUTHORIZATION_CODE' ? <>
            <Field label="Authorization endpoint" name="authorizationEndpoint" type="url" inputMode="url" value={f.authorizationEndpoint} onChange={set('authorizationEndpoint')} required error={errors.authorizationEndpoint}
              hint="Scopes and other parameters may go in its query, e.g. ?scope=read%20offline_access." />
            <Field label="Redirect URL" name="redirectUrl" type="url" inputMode="url" value={f.redirectUrl} onChange={set('redirectUrl')} required error={errors.redirectUrl}
              hint={meta.RedirectUrl ? `This server's callback: ${meta.RedirectUrl}` : 'The https URL of this server\'s /oauth/callback, as registered with the vendor.'} />
          </> : null}
          {a === 'IAM' ? <Field label="Role ARN" name="roleArn" value={f.roleArn} onChange={set('roleArn')} required error={errors.roleArn} placeholder="arn:aws:iam::123456789012:role/name" /> : null}
        </fieldset>
        {catalog.length ? (
          <fieldset className="checks" aria-describedby={errors.enabledActions ? 'enabled-error' : undefined}>
            <legend>Enabled actions</legend>
            {catalog.map((act) => (
              <label key={act.ActionId}>
                <input type="checkbox" checked={enabled.has(act.ActionId)} onChange={(e) => toggleAction(act.ActionId, e.target.checked)} />
                {' '}{act.Name} <code>{act.ActionId}</code>
              </label>
            ))}
            {errors.enabledActions ? <div className="error" id="enabled-error">{errors.enabledActions}</div> : null}
          </fieldset>
        ) : null}
        <div className="buttons">
          <button type="submit" disabled={busy}>{busy ? 'Saving…' : editing ? 'Save changes' : 'Create connector'}</button>
          <a className="button secondary" href={editing ? href('connectors', id!) : href('connectors')}>Cancel</a>
        </div>
      </form>
    </>
  );
}
