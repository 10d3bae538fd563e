// Create and edit a connector. The form offers the authentication methods the
// connector type allows; the server validates (the same rules and messages as the
// API) and its messages are shown next to the fields they name.
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { ApiError, api, call, type ConnectorTypeInfo, type Meta, type Output, type Session, type Wire } from '../api';
import { ErrorBox, Field, Notice, PageHeading, SecretField, SelectField, flash, go, href } from '../ui';
// The model's types and the server's AuthenticationConfig description: the form builds the
// write shape and reads the Read shape the API defines, one metadata member per type.
import type { ActionConnector, AuthConfig, AuthenticationMetadata, ConnectionAuthType } from '../../../src/protocol/generated/model';
import { METADATA_MEMBER } from '../../../src/domain/auth-config';
import { AUTH_NAMES, humanize, ruleSentence, typeName } from '../labels';

const AUTH_LABELS = AUTH_NAMES as Record<ConnectionAuthType, string>;

const AUTH_TYPES = Object.keys(AUTH_LABELS) as ConnectionAuthType[];

const isAuthType = (v: string): v is ConnectionAuthType => (AUTH_TYPES as string[]).includes(v);

interface Form {
  id: string;
  name: string;
  description: string;
  type: string;
  vpc: string;
  authType: ConnectionAuthType;
  baseEndpoint: string;
  username: string;
  password: string;
  apiKey: string;
  email: string;
  clientId: string;
  clientSecret: string;
  tokenEndpoint: string;
  authorizationEndpoint: string;
  redirectUrl: string;
  /** OAUTH2_AUTHORIZATION_CODE on GENERIC_HTTP without a client: discovered at the MCP server (no client fields). */
  discover: boolean;
  roleArn: string;
  /** null: every action of the type's catalog. */
  enabledActions: string[] | null;
}

type Key = keyof Form;

const EMPTY: Form = {
  id: '',
  name: '',
  description: '',
  type: 'GENERIC_HTTP',
  vpc: '',
  authType: 'NONE',
  baseEndpoint: '',
  username: '',
  password: '',
  apiKey: '',
  email: '',
  clientId: '',
  clientSecret: '',
  tokenEndpoint: '',
  authorizationEndpoint: '',
  redirectUrl: '',
  discover: false,
  roleArn: '',
  enabledActions: null,
};

/** Whether the form stores no client: an authorization-code GENERIC_HTTP connector whose client is discovered at its MCP server. */
const discovers = (f: Form): boolean => f.authType === 'OAUTH2_AUTHORIZATION_CODE' && f.type === 'GENERIC_HTTP' && f.discover;

/** The AuthenticationConfig (the model's write shape) the form describes: one metadata member, METADATA_MEMBER[type]. */
function authConfig(f: Form, keep: boolean): AuthConfig {
  const opt = (v: string) => (v.trim() ? v.trim() : undefined);
  const AuthenticationType = f.authType;
  const BaseEndpoint = f.baseEndpoint.trim();
  const md: AuthenticationMetadata = {};
  switch (f.authType) {
    case 'NONE':
      md[METADATA_MEMBER.NONE] = { BaseEndpoint };
      break;
    case 'BASIC':
      md[METADATA_MEMBER.BASIC] = { BaseEndpoint, Username: f.username, ...(keep ? {} : { Password: f.password }) } as never;
      break;
    case 'API_KEY': {
      const email = opt(f.email);
      md[METADATA_MEMBER.API_KEY] = { BaseEndpoint, ...(keep ? {} : { ApiKey: f.apiKey }), ...(email !== undefined ? { Email: email } : {}) } as never;
      break;
    }
    case 'OAUTH2_CLIENT_CREDENTIALS':
      md[METADATA_MEMBER.OAUTH2_CLIENT_CREDENTIALS] = {
        BaseEndpoint,
        ClientCredentialsSource: 'PLAIN_CREDENTIALS',
        ClientCredentialsDetails: {
          // A kept secret is left out (KeepCurrentSecret): the write shape requires it, the console API does not.
          ClientCredentialsGrantDetails: {
            ClientId: f.clientId,
            ...(keep ? {} : { ClientSecret: f.clientSecret }),
            TokenEndpoint: f.tokenEndpoint.trim(),
          } as never,
        },
      };
      break;
    case 'OAUTH2_AUTHORIZATION_CODE':
      if (discovers(f)) {
        // No client: the MCP server's authorization server and a client are discovered when it is attached.
        md[METADATA_MEMBER.OAUTH2_AUTHORIZATION_CODE] = { BaseEndpoint, RedirectUrl: f.redirectUrl.trim() };
        break;
      }
      md[METADATA_MEMBER.OAUTH2_AUTHORIZATION_CODE] = {
        BaseEndpoint,
        RedirectUrl: f.redirectUrl.trim(),
        AuthorizationCodeGrantCredentialsSource: 'PLAIN_CREDENTIALS',
        AuthorizationCodeGrantCredentialsDetails: {
          AuthorizationCodeGrantDetails: {
            ClientId: f.clientId,
            ...(keep ? {} : { ClientSecret: f.clientSecret }),
            TokenEndpoint: f.tokenEndpoint.trim(),
            AuthorizationEndpoint: f.authorizationEndpoint.trim(),
          } as never,
        },
      };
      break;
    case 'IAM':
      md[METADATA_MEMBER.IAM] = { RoleArn: f.roleArn.trim() };
      break;
  }
  return { AuthenticationType, AuthenticationMetadata: md };
}

/** The form field holding the secret of an authentication method (none for NONE and IAM). */
const SECRET_FIELD: Partial<Record<ConnectionAuthType, 'password' | 'apiKey' | 'clientSecret'>> = {
  BASIC: 'password',
  API_KEY: 'apiKey',
  OAUTH2_CLIENT_CREDENTIALS: 'clientSecret',
  OAUTH2_AUTHORIZATION_CODE: 'clientSecret',
};

/** The form field a member path of a validation message names. */
function fieldOf(path: string): Key | undefined {
  const direct: Record<string, Key> = {
    actionConnectorId: 'id',
    name: 'name',
    description: 'description',
    type: 'type',
    vpcConnectionArn: 'vpc',
    'authenticationConfig.authenticationType': 'authType',
  };
  if (direct[path]) return direct[path];
  if (path.startsWith('enabledActions')) return 'enabledActions';
  if (!path.startsWith('authenticationConfig.authenticationMetadata.')) return undefined;
  const leaf = path.slice(path.lastIndexOf('.') + 1);
  const leaves: Record<string, Key> = {
    baseEndpoint: 'baseEndpoint',
    username: 'username',
    password: 'password',
    apiKey: 'apiKey',
    email: 'email',
    clientId: 'clientId',
    clientSecret: 'clientSecret',
    tokenEndpoint: 'tokenEndpoint',
    authorizationEndpoint: 'authorizationEndpoint',
    redirectUrl: 'redirectUrl',
    roleArn: 'roleArn',
  };
  return leaves[leaf];
}

/** The Read* shape Describe returns, back into the form (secrets are never returned: they stay empty). */
function fromConnector(c: Wire<ActionConnector>): Form {
  const cfg = c.AuthenticationConfig;
  const md = cfg?.AuthenticationMetadata ?? {};
  const base: Form = {
    ...EMPTY,
    id: c.ActionConnectorId,
    name: c.Name ?? '',
    description: c.Description ?? '',
    type: c.Type,
    vpc: c.VpcConnectionArn ?? '',
    authType: cfg && isAuthType(cfg.AuthenticationType) ? cfg.AuthenticationType : 'NONE',
    enabledActions: Array.isArray(c.EnabledActions) ? c.EnabledActions : null,
  };
  switch (base.authType) {
    case 'NONE':
      return { ...base, baseEndpoint: md.NoneConnectionMetadata?.BaseEndpoint ?? '' };
    case 'BASIC': {
      const m = md.BasicAuthConnectionMetadata;
      return { ...base, baseEndpoint: m?.BaseEndpoint ?? '', username: m?.Username ?? '' };
    }
    case 'API_KEY': {
      const m = md.ApiKeyConnectionMetadata;
      return { ...base, baseEndpoint: m?.BaseEndpoint ?? '', email: m?.Email ?? '' };
    }
    case 'OAUTH2_CLIENT_CREDENTIALS': {
      const m = md.ClientCredentialsGrantMetadata;
      const d = m?.ReadClientCredentialsDetails?.ReadClientCredentialsGrantDetails;
      return { ...base, baseEndpoint: m?.BaseEndpoint ?? '', clientId: d?.ClientId ?? '', tokenEndpoint: d?.TokenEndpoint ?? '' };
    }
    case 'OAUTH2_AUTHORIZATION_CODE': {
      const m = md.AuthorizationCodeGrantMetadata;
      const d = m?.ReadAuthorizationCodeGrantCredentialsDetails?.ReadAuthorizationCodeGrantDetails;
      return {
        ...base,
        baseEndpoint: m?.BaseEndpoint ?? '',
        redirectUrl: m?.RedirectUrl ?? '',
        discover: d === undefined,
        clientId: d?.ClientId ?? '',
        tokenEndpoint: d?.TokenEndpoint ?? '',
        authorizationEndpoint: d?.AuthorizationEndpoint ?? '',
      };
    }
    case 'IAM':
      return { ...base, roleArn: md.IamConnectionMetadata?.RoleArn ?? '' };
  }
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);

/** The vendor's OAuth endpoints; for authorization code, the type's scopes in the authorization endpoint's query. */
function withOAuthPreset(x: Form, p: NonNullable<ConnectorTypeInfo['Preset']>): Form {
  if (!p.OAuth) return x;
  let authorization = p.OAuth.AuthorizationEndpoint ?? x.authorizationEndpoint;
  if (p.OAuth.AuthorizationEndpoint && p.Scopes.length) authorization += `?scope=${p.Scopes.map(encodeURIComponent).join('%20')}`;
  return { ...x, tokenEndpoint: p.OAuth.TokenEndpoint, authorizationEndpoint: authorization };
}

/** Initials for a vendor's tile: the capitals of its first two words ("Jira Cloud" → JC). */
const initials = (name: string) =>
  name
    .replace(/[()]/g, '')
    .split(/\s+/)
    .filter((w) => /^[A-Za-z]/.test(w))
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');

/** The searchable type picker: one radio per type, as tiles with the vendor's initials. */
function TypePicker({ types, value, onChange, error }: { types: ConnectorTypeInfo[]; value: string; onChange: (v: string) => void; error?: string }) {
  const [q, setQ] = useState('');
  const all = useMemo(
    () =>
      types.map((t) => ({ type: t.Type, name: typeName(t.Type), vendor: t.Preset?.Vendor ?? typeName(t.Type) })).sort((x, y) => x.name.localeCompare(y.name)),
    [types],
  );
  // The chosen tile in view (a restored draft's type may be far down the list).
  const tiles = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const chosen = tiles.current?.querySelector<HTMLElement>('.type-tile.chosen');
    if (chosen && tiles.current) tiles.current.scrollTop = chosen.offsetTop - 8;
  }, []);
  const needle = q.trim().toLowerCase();
  const shown = needle ? all.filter((t) => `${t.name} ${t.vendor} ${t.type}`.toLowerCase().includes(needle)) : all;
  return (
    <fieldset className="type-picker" aria-describedby={error ? 'type-error' : undefined}>
      <legend>Type</legend>
      <label htmlFor="type-search">Search types</label>
      <input id="type-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Jira, Microsoft, SAP…" autoComplete="off" />
      <p className="hint" role="status">
        {shown.length === all.length ? `${all.length} types` : `${shown.length} of ${all.length} types match`}
      </p>
      <div className="type-tiles" ref={tiles}>
        {shown.map((t) => (
          <label key={t.type} className={`type-tile${t.type === value ? ' chosen' : ''}`} title={t.type}>
            <input type="radio" name="type" value={t.type} checked={t.type === value} onChange={() => onChange(t.type)} />
            <span className="type-logo" aria-hidden="true">
              {initials(t.name)}
            </span>
            <span className="type-name">{t.name}</span>
          </label>
        ))}
      </div>
      {error ? (
        <div className="error" id="type-error">
          {error}
        </div>
      ) : null}
    </fieldset>
  );
}

/** Copies a text to the clipboard and says so; where the browser refuses, selects it to copy by hand. */
function CopyButton({ text, label }: { text: string; label: string }) {
  const [said, setSaid] = useState('');
  const box = useRef<HTMLOutputElement>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setSaid('Copied.');
    } catch {
      if (box.current) getSelection()?.selectAllChildren(box.current);
      setSaid('Selected: press Ctrl+C (⌘C) to copy.');
    }
  };
  return (
    <div className="copy">
      <output ref={box} className="copy-text">
        {text}
      </output>
      <button type="button" className="secondary" onClick={copy} disabled={!text}>
        {label}
      </button>
      <span role="status">{said}</span>
    </div>
  );
}

/** Fields never written to a draft: what the user types as a secret stays only in the page. */
const SECRET_KEYS: readonly Key[] = ['password', 'apiKey', 'clientSecret'];
/** The form without its secrets, as a draft keeps it. */
const withoutSecrets = (f: Form): Form => ({ ...f, password: '', apiKey: '', clientSecret: '' });
/** Where the draft of this form lives in sessionStorage (this tab only): per user and connector. */
const draftKey = (session: Session, id: string | undefined) => `actionbridge.draft:${session.UserArn}:${id ?? '(new)'}`;
function readDraft(key: string): Form | undefined {
  try {
    const raw = sessionStorage.getItem(key);
    if (!raw) return undefined;
    const d = JSON.parse(raw) as Partial<Form>;
    for (const k of SECRET_KEYS) delete d[k];
    return { ...EMPTY, ...d };
  } catch {
    return undefined;
  }
}
function writeDraft(key: string, f: Form | undefined): void {
  try {
    if (f) sessionStorage.setItem(key, JSON.stringify(withoutSecrets(f)));
    else sessionStorage.removeItem(key);
  } catch {
    /* storage full or refused: the draft is a convenience */
  }
}

export function ConnectorForm({ session, meta, id }: { session: Session; meta: Meta; id?: string }) {
  const editing = id !== undefined;
  const draftAt = draftKey(session, id);
  // What the form started from (empty, or the stored connector): a draft is kept only when the form differs from it.
  const baseline = useRef<string>('');
  const [restored, setRestored] = useState(false);
  const [f, setF] = useState<Form>(() => {
    const start = { ...EMPTY, redirectUrl: meta.RedirectUrl ?? '' };
    baseline.current = JSON.stringify(start);
    if (editing) return start;
    const draft = readDraft(draftAt);
    return draft ?? start;
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on mount: says whether a draft was restored
  useEffect(() => {
    if (!editing && readDraft(draftAt)) setRestored(true);
  }, []);
  const [idTouched, setIdTouched] = useState(false);
  const [loadError, setLoadError] = useState<unknown>();
  const [loaded, setLoaded] = useState(!editing);
  // The method the stored connector uses: its secret is set (and kept unless replaced).
  const [storedAuth, setStoredAuth] = useState<ConnectionAuthType | undefined>();
  const [errors, setErrors] = useState<Partial<Record<Key, string>>>({});
  const [general, setGeneral] = useState<{ error?: unknown; problems: string[] }>({ problems: [] });
  const [busy, setBusy] = useState(false);
  const [testOnSave, setTestOnSave] = useState(true);
  // After a create with "test": the connector and its test, shown in place of the form.
  const [created, setCreated] = useState<{ id: string; test?: Output<'TestActionConnector'>; error?: unknown }>();
  // After a refused save: the first field in error takes the focus (or the summary).
  const [focusErrors, setFocusErrors] = useState(0);
  useEffect(() => {
    if (!focusErrors) return;
    const first = document.querySelector<HTMLElement>('.connector-form [aria-invalid="true"]') ?? document.getElementById('form-errors');
    first?.focus();
  }, [focusErrors]);

  // Whether the user may edit it at all (the server's permission rule): else the form is not offered.
  const [mayEdit, setMayEdit] = useState<boolean | undefined>(editing ? undefined : true);
  useEffect(() => {
    if (!editing) return;
    api.access(id).then((a) => setMayEdit(a.CallerActions.includes('quicksight:UpdateActionConnector')), setLoadError);
    call('DescribeActionConnector', { ActionConnectorId: id })
      .then((r) => {
        if (!r.ActionConnector) throw new Error('The server described no connector.');
        const loadedForm = fromConnector(r.ActionConnector);
        baseline.current = JSON.stringify(loadedForm);
        const draft = readDraft(draftAt);
        if (draft) setRestored(true);
        setF(draft ? { ...draft, id: loadedForm.id, type: loadedForm.type } : loadedForm);
        setStoredAuth(loadedForm.authType);
        setLoaded(true);
      })
      .catch(setLoadError);
  }, [editing, id, draftAt]);

  // The draft follows the form (without secrets), so that a session that ends mid-form loses nothing after signing in again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the form's content is what changes
  useEffect(() => {
    if (!loaded) return;
    writeDraft(draftAt, JSON.stringify(f) === baseline.current ? undefined : f);
  }, [f, loaded]);
  const discardDraft = () => {
    writeDraft(draftAt, undefined);
    setRestored(false);
    setF(JSON.parse(baseline.current) as Form);
  };

  const typeInfo = meta.ConnectorTypes.find((t) => t.Type === f.type);
  const preset = typeInfo?.Preset;
  const known = (typeInfo?.AuthenticationTypes ?? []).filter(isAuthType);
  const allowed = known.length ? known : AUTH_TYPES;
  const catalog = typeInfo?.Actions ?? [];
  const set = (k: Key) => (v: string) => setF((x) => ({ ...x, [k]: v }));

  // A type that does not allow the chosen method switches to its first one.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a change of type switches the method; a method the user picks is never overridden
  useEffect(() => {
    if (!allowed.includes(f.authType)) setF((x) => ({ ...x, authType: allowed[0]! }));
  }, [f.type]);

  const enabled = useMemo(() => new Set(f.enabledActions ?? catalog.map((a) => a.ActionId)), [f.enabledActions, catalog]);
  const toggleAction = (actionId: string, on: boolean) => {
    const next = new Set(enabled);
    if (on) next.add(actionId);
    else next.delete(actionId);
    setF((x) => ({ ...x, enabledActions: catalog.map((a) => a.ActionId).filter((a) => next.has(a)) }));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setGeneral({ problems: [] });
    // A stored secret left blank is kept: the server keeps the sealed value (KeepCurrentSecret).
    const secretField = SECRET_FIELD[f.authType];
    const keep = editing && !discovers(f) && secretField !== undefined && storedAuth === f.authType && f[secretField] === '';
    const input: Record<string, unknown> = {
      ActionConnectorId: f.id.trim(),
      Name: f.name,
      AuthenticationConfig: authConfig(f, keep),
      ...(keep ? { KeepCurrentSecret: true } : {}),
      ...(f.description ? { Description: f.description } : {}),
      ...(f.vpc.trim() ? { VpcConnectionArn: f.vpc.trim() } : {}),
    };
    if (!editing) input.Type = f.type;
    // Sent when chosen (create) and always on edit, so that an update keeps the choice.
    if (catalog.length && (editing || f.enabledActions !== null)) input.EnabledActions = catalog.map((a) => a.ActionId).filter((a) => enabled.has(a));
    try {
      await call(editing ? 'UpdateActionConnector' : 'CreateActionConnector', input);
      writeDraft(draftAt, undefined);
      baseline.current = JSON.stringify(f);
      if (!editing && testOnSave) {
        const newId = f.id.trim();
        try {
          setCreated({ id: newId, test: await call('TestActionConnector', { ActionConnectorId: newId }) });
        } catch (testErr) {
          setCreated({ id: newId, error: testErr });
        }
        return;
      }
      flash(editing ? 'Changes saved.' : 'Connector created.');
      go('connectors', f.id.trim());
    } catch (err) {
      const byField: Partial<Record<Key, string>> = {};
      const rest: string[] = [];
      if (err instanceof ApiError && err.code === 'InvalidParameterValueException') {
        for (const p of err.problems) {
          const k = p.path ? fieldOf(p.path) : undefined;
          const said = ruleSentence(p.rule);
          if (k) byField[k] = byField[k] ? `${byField[k]} ${said}` : said;
          else rest.push(p.path ? `${humanize(p.path.slice(p.path.lastIndexOf('.') + 1))}: ${said}` : said);
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
  if (loadError)
    return (
      <>
        <PageHeading title={title}>{title}</PageHeading>
        <ErrorBox error={loadError} />
      </>
    );
  if (!loaded || mayEdit === undefined) return <p role="status">Loading…</p>;
  if (!mayEdit)
    return (
      <>
        <PageHeading title={title}>{title}</PageHeading>
        <Notice kind="warning">
          You cannot edit this connector: that needs the &ldquo;Edit&rdquo; permission, which an owner or an administrator can give you.{' '}
          <a href={href('connectors', id!)}>Back to the connector</a>
        </Notice>
      </>
    );

  if (created)
    return (
      <>
        <PageHeading title={title}>{title}</PageHeading>
        <div className="alert alert-success" role="status">
          <strong>Connector created.</strong>
        </div>
        <section aria-labelledby="test-h" className="created-test">
          <h2 id="test-h">Connection test</h2>
          {created.test ? (
            <div className={`alert ${created.test.Success ? 'alert-success' : 'alert-error'}`} role="status">
              <strong>{created.test.Success ? 'Connection works.' : 'Connection failed.'}</strong> {created.test.Message}
              {created.test.HttpStatusCode ? ` (HTTP ${created.test.HttpStatusCode})` : ''}
            </div>
          ) : null}
          <ErrorBox error={created.error} title="Test not run." />
          {created.test && !created.test.Success ? <p>Check the base endpoint and the credentials, then edit the connector and test again.</p> : null}
        </section>
        <p className="buttons">
          <a className="button" href={href('connectors', created.id)}>
            Open the connector
          </a>
          <a className="button secondary" href={href('connectors', created.id, 'edit')}>
            Edit it
          </a>
        </p>
      </>
    );

  const endpointHint = "An https:// URL; the connector's requests stay under it.";
  const a = f.authType;
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p>
        <a href={editing ? href('connectors', id!) : href('connectors')}>{editing ? 'Back to the connector' : 'Back to connectors'}</a>
      </p>
      {restored ? (
        <Notice kind="info">
          What you typed before signing in again is back. Secrets are never kept in a draft: enter them again.{' '}
          <button type="button" className="secondary small" onClick={discardDraft}>
            Discard the draft
          </button>
        </Notice>
      ) : null}
      <form className="connector-form" onSubmit={submit} noValidate>
        <div id="form-errors" tabIndex={-1}>
          {general.error ? (
            <div className="alert alert-error" role="alert">
              <strong>The connector was not {editing ? 'saved' : 'created'}.</strong>{' '}
              {general.problems.length || Object.keys(errors).length ? (
                <span>{Object.keys(errors).length ? 'Check the fields marked below.' : ''}</span>
              ) : (
                <span>{(general.error as Error).message}</span>
              )}
              {general.problems.length ? (
                <ul>
                  {general.problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : null}
        </div>
        <fieldset>
          <legend>Connector</legend>
          <Field
            label="Name"
            name="name"
            value={f.name}
            required
            error={errors.name}
            onChange={(v) => setF((x) => ({ ...x, name: v, id: !editing && !idTouched ? slug(v) : x.id }))}
          />
          <Field
            label="Connector ID"
            name="id"
            value={f.id}
            required
            disabled={editing}
            error={errors.id}
            hint="Letters, digits, - and _; it cannot change later and must not start with quicksuite-."
            onChange={(v) => {
              setIdTouched(true);
              set('id')(v);
            }}
          />
          <Field label="Description" name="description" value={f.description} onChange={set('description')} error={errors.description} multiline />
          {editing ? (
            <SelectField
              label="Type"
              name="type"
              value={f.type}
              onChange={set('type')}
              disabled
              options={[{ value: f.type, label: typeName(f.type), title: f.type }]}
            />
          ) : (
            <TypePicker types={meta.ConnectorTypes} value={f.type} onChange={set('type')} error={errors.type} />
          )}
          <Field
            label="VPC connection ARN"
            name="vpc"
            value={f.vpc}
            onChange={set('vpc')}
            error={errors.vpc}
            hint="Optional: the egress profile the connector's requests use."
            list={meta.VpcConnectionArns.length ? 'vpc-arns' : undefined}
          />
          {meta.VpcConnectionArns.length ? (
            <datalist id="vpc-arns">
              {meta.VpcConnectionArns.map((v) => (
                <option key={v} value={v} />
              ))}
            </datalist>
          ) : null}
        </fieldset>
        <fieldset>
          <legend>Authentication</legend>
          <SelectField
            label="Method"
            name="authType"
            value={a}
            onChange={(v) => {
              if (isAuthType(v)) setF((x) => ({ ...x, authType: v }));
            }}
            required
            error={errors.authType}
            hint={`${typeName(f.type)} allows: ${allowed.map((x) => AUTH_LABELS[x] ?? x).join('; ')}.`}
            options={allowed.map((x) => ({ value: x, label: AUTH_LABELS[x] ?? x, title: x }))}
          />
          <p className="hint" id="secret-note">
            Passwords, API keys and client secrets are stored encrypted and are never shown again, not even to you: keep your own copy where your team keeps
            secrets.
          </p>
          {!editing && preset && (preset.BaseEndpoints.length || (preset.OAuth && a.startsWith('OAUTH2'))) ? (
            <section className="presets" aria-labelledby="presets-h">
              <h3 id="presets-h">Presets for {preset.Vendor}</h3>
              {a !== 'IAM'
                ? preset.BaseEndpoints.map((b) => (
                    <button type="button" className="secondary" key={b.Url} onClick={() => set('baseEndpoint')(b.Url)}>
                      Base endpoint {b.Url}
                      {b.For ? ` (${b.For})` : ''}
                    </button>
                  ))
                : null}
              {preset.OAuth && a.startsWith('OAUTH2') ? (
                <button type="button" className="secondary" onClick={() => setF((x) => withOAuthPreset(x, preset))}>
                  {preset.Vendor}&rsquo;s OAuth endpoints
                  {preset.Scopes.length && a === 'OAUTH2_AUTHORIZATION_CODE' ? ` and ${preset.Scopes.length} scopes` : ''}
                </button>
              ) : null}
              <p className="hint">Replace the parts in {'{braces}'} with your own (site, tenant, instance).</p>
            </section>
          ) : null}
          {a !== 'IAM' ? (
            <Field
              label="Base endpoint"
              name="baseEndpoint"
              type="url"
              inputMode="url"
              value={f.baseEndpoint}
              onChange={set('baseEndpoint')}
              required
              error={errors.baseEndpoint}
              hint={endpointHint}
              placeholder="https://api.example.com"
            />
          ) : null}
          {a === 'BASIC' ? (
            <>
              <Field label="User name" name="username" value={f.username} onChange={set('username')} required error={errors.username} />
              <SecretField label="Password" name="password" value={f.password} onChange={set('password')} error={errors.password} stored={storedAuth === a} />
            </>
          ) : null}
          {a === 'API_KEY' ? (
            <>
              <SecretField label="API key" name="apiKey" value={f.apiKey} onChange={set('apiKey')} error={errors.apiKey} stored={storedAuth === a} />
              <Field
                label="Email"
                name="email"
                type="email"
                inputMode="email"
                value={f.email}
                onChange={set('email')}
                error={errors.email}
                hint="Only for types that send email and key together (Atlassian, Zendesk)."
              />
            </>
          ) : null}
          {a === 'OAUTH2_AUTHORIZATION_CODE' && f.type === 'GENERIC_HTTP' ? (
            <label className="check">
              <input type="checkbox" name="discover" checked={f.discover} onChange={(e) => setF((x) => ({ ...x, discover: e.target.checked }))} /> No client of
              my own: discover the authorization server and register a client when an MCP server is attached (the MCP authorization spec)
            </label>
          ) : null}
          {a === 'OAUTH2_CLIENT_CREDENTIALS' || (a === 'OAUTH2_AUTHORIZATION_CODE' && !discovers(f)) ? (
            <>
              <Field label="Client ID" name="clientId" value={f.clientId} onChange={set('clientId')} required error={errors.clientId} />
              <SecretField
                label="Client secret"
                name="clientSecret"
                value={f.clientSecret}
                onChange={set('clientSecret')}
                error={errors.clientSecret}
                stored={storedAuth === a}
              />
              <Field
                label="Token endpoint"
                name="tokenEndpoint"
                type="url"
                inputMode="url"
                value={f.tokenEndpoint}
                onChange={set('tokenEndpoint')}
                required
                error={errors.tokenEndpoint}
              />
            </>
          ) : null}
          {a === 'OAUTH2_AUTHORIZATION_CODE' ? (
            <>
              {discovers(f) ? null : (
                <Field
                  label="Authorization endpoint"
                  name="authorizationEndpoint"
                  type="url"
                  inputMode="url"
                  value={f.authorizationEndpoint}
                  onChange={set('authorizationEndpoint')}
                  required
                  error={errors.authorizationEndpoint}
                  hint="Scopes and other parameters may go in its query, e.g. ?scope=read%20offline_access."
                />
              )}
              <Field
                label="Redirect URL"
                name="redirectUrl"
                type="url"
                inputMode="url"
                value={f.redirectUrl}
                onChange={set('redirectUrl')}
                required
                error={errors.redirectUrl}
                hint={
                  meta.RedirectUrl
                    ? `This server's callback: ${meta.RedirectUrl}`
                    : "The https URL of this server's /oauth/callback, as registered with the vendor."
                }
              />
              <CopyButton text={f.redirectUrl} label="Copy the redirect URL" />
            </>
          ) : null}
          {a === 'IAM' ? (
            <Field
              label="Role ARN"
              name="roleArn"
              value={f.roleArn}
              onChange={set('roleArn')}
              required
              error={errors.roleArn}
              placeholder="arn:aws:iam::123456789012:role/name"
            />
          ) : null}
        </fieldset>
        {catalog.length ? (
          <fieldset className="checks" aria-describedby={errors.enabledActions ? 'enabled-error' : undefined}>
            <legend>Enabled actions</legend>
            {catalog.map((act) => (
              <label key={act.ActionId} title={act.ActionId}>
                <input type="checkbox" checked={enabled.has(act.ActionId)} onChange={(e) => toggleAction(act.ActionId, e.target.checked)} /> {act.Name}
              </label>
            ))}
            {errors.enabledActions ? (
              <div className="error" id="enabled-error">
                {errors.enabledActions}
              </div>
            ) : null}
          </fieldset>
        ) : null}
        {!editing ? (
          <label className="check">
            <input type="checkbox" name="testOnSave" checked={testOnSave} onChange={(e) => setTestOnSave(e.target.checked)} /> Test the connection after
            creating it
          </label>
        ) : null}
        <div className="buttons">
          <button type="submit" disabled={busy}>
            {busy ? 'Saving…' : editing ? 'Save changes' : 'Create connector'}
          </button>
          <a className="button secondary" href={editing ? href('connectors', id!) : href('connectors')} onClick={() => writeDraft(draftAt, undefined)}>
            Cancel
          </a>
        </div>
      </form>
    </>
  );
}
