// One connector: overview (details, connection, sign-in, test, delete), use
// (action runner), history (audit), permissions and tags.
import { Fragment, useCallback, useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError, api, call, when, type Meta, type Output, type Session } from '../api';
import { ErrorBox, Field, Notice, PageHeading, SelectField, flash, go, href, useFlash, useLoad } from '../ui';
import { SchemaForm } from '../components/schema-form';
import { authName, humanize, permissionName, ruleSentence, statusName, typeName } from '../labels';
import { type Explained, explainError, explainRecord, explainResult } from '../failures';
import { ApiDefinitionSection } from './api-definition';
import { McpServerSection } from './mcp-server';

// What these pages read of the API's answers.
interface ConnectorView {
  ActionConnectorId: string;
  Arn: string;
  Name: string;
  Type: string;
  Status?: string;
  Description?: string;
  CreatedTime?: number;
  LastUpdatedTime?: number;
  VpcConnectionArn?: string;
  EnabledActions?: string[];
  AuthenticationConfig?: { AuthenticationType?: string; AuthenticationMetadata?: unknown };
}

/** What the signed-in user may do on this connector (from /console/api/access: the server's permission rule). */
export interface Can {
  view: boolean;
  edit: boolean;
  remove: boolean;
  seePermissions: boolean;
  share: boolean;
  listActions: boolean;
  run: boolean;
}
const canFrom = (actions: string[] | undefined): Can => {
  const has = (a: string) => actions?.includes(`quicksight:${a}`) ?? false;
  return {
    view: has('DescribeActionConnector'),
    edit: has('UpdateActionConnector'),
    remove: has('DeleteActionConnector'),
    seePermissions: has('DescribeActionConnectorPermissions'),
    share: has('UpdateActionConnectorPermissions'),
    listActions: has('ListActionConnectorActions'),
    run: has('InvokeActionConnector'),
  };
};

const SECTIONS: [string, string][] = [
  ['overview', 'Overview'],
  ['use', 'Use'],
  ['history', 'History'],
  ['permissions', 'Permissions'],
  ['tags', 'Tags'],
  ['api', 'API definition'],
  ['mcp', 'MCP server'],
];

export function ConnectorPage({ session, meta, id, section }: { session: Session; meta: Meta; id: string; section: string }) {
  const d = useLoad(() => call('DescribeActionConnector', { ActionConnectorId: id }), [id]);
  const access = useLoad(() => api.access(id), [id]);
  const notice = useFlash();
  // The notice belongs to the section it was left for (not to the next tab opened).
  const [noticeSection] = useState(section);
  const can = canFrom(access.value?.CallerActions);
  const c = d.value?.ActionConnector;
  // Sections the user may not open are not offered.
  const offered = SECTIONS.filter(([k]) =>
    k === 'use' ? can.listActions : k === 'permissions' ? can.seePermissions : k === 'api' || k === 'mcp' ? can.view : true,
  );
  const label = SECTIONS.find(([k]) => k === section)?.[1] ?? 'Overview';
  const title = c ? `${c.Name}${section === 'overview' ? '' : ` — ${label}`}` : id;
  return (
    <>
      <p>
        <a href={href('connectors')}>All connectors</a>
      </p>
      <PageHeading title={title}>
        {c ? c.Name : id}
        {section !== 'overview' ? <span className="sub"> — {label}</span> : null}
      </PageHeading>
      {notice && section === noticeSection ? <Notice kind="success">{notice}</Notice> : null}
      {d.error ? <ErrorBox error={d.error} /> : access.error ? <ErrorBox error={access.error} /> : null}
      {c && access.value ? (
        <>
          <p className="lead">
            <span className="badge" title={c.Type}>
              {typeName(c.Type)}
            </span>{' '}
            <code>{c.ActionConnectorId}</code>
          </p>
          <nav className="tabs" aria-label="Connector sections">
            {offered.map(([k, text]) => (
              <a key={k} href={href('connectors', id, k)} aria-current={k === section ? 'page' : undefined}>
                {text}
              </a>
            ))}
          </nav>
          {(section === 'use' && !can.listActions) || (section === 'permissions' && !can.seePermissions) ? (
            <Notice kind="warning">
              {section === 'use'
                ? 'You cannot run actions of this connector: ask its owner or an administrator for the "Run actions" permission.'
                : 'You cannot see who has access to this connector: only its owners and administrators can. Ask one of them to share it or change access.'}
            </Notice>
          ) : section === 'use' ? (
            <UseSection connector={c} can={can} />
          ) : section === 'history' ? (
            <HistorySection id={id} />
          ) : section === 'permissions' ? (
            <PermissionsSection id={id} session={session} meta={meta} can={can} />
          ) : section === 'tags' ? (
            <TagsSection arn={c.Arn} can={can} />
          ) : section === 'api' ? (
            <ApiDefinitionSection id={id} mayChange={can.edit} />
          ) : section === 'mcp' ? (
            <McpServerSection id={id} mayChange={can.edit} />
          ) : (
            <Overview connector={c} can={can} />
          )}
        </>
      ) : d.loading || access.loading ? (
        <p role="status">Loading…</p>
      ) : null}
    </>
  );
}

// ---- overview ------------------------------------------------------------------------------
function Details({ items }: { items: [string, ReactNode][] }) {
  return (
    <dl className="details">
      {items
        .filter(([, v]) => v !== undefined && v !== null && v !== '')
        .map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
    </dl>
  );
}

/** The non-secret members of a Read* AuthenticationConfig, flattened for display. */
function authItems(cfg: ConnectorView['AuthenticationConfig']): [string, ReactNode][] {
  const out: [string, ReactNode][] = [
    [
      'Authentication',
      <span key="auth" title={cfg?.AuthenticationType}>
        {authName(cfg?.AuthenticationType)}
      </span>,
    ],
  ];
  const walk = (o: unknown) => {
    for (const [k, v] of Object.entries(o ?? {})) {
      if (v && typeof v === 'object') walk(v);
      else out.push([humanize(k), String(v)]);
    }
  };
  walk(cfg?.AuthenticationMetadata);
  return out;
}

function Overview({ connector: c, can }: { connector: ConnectorView; can: Can }) {
  const conn = useLoad(() => call('DescribeActionConnectorConnection', { ActionConnectorId: c.ActionConnectorId }), [c.ActionConnectorId]);
  const [test, setTest] = useState<{ result?: Output<'TestActionConnector'>; error?: unknown; busy?: boolean }>({});
  const dialog = useRef<HTMLDialogElement>(null);
  const [del, setDel] = useState<{ busy?: boolean; error?: unknown }>({});
  const isCode = c.AuthenticationConfig?.AuthenticationType === 'OAUTH2_AUTHORIZATION_CODE';

  const runTest = async () => {
    setTest({ busy: true });
    try {
      setTest({ result: await call('TestActionConnector', { ActionConnectorId: c.ActionConnectorId }) });
      conn.reload();
    } catch (e) {
      setTest({ error: e });
    }
  };
  const remove = async () => {
    setDel({ busy: true });
    try {
      await call('DeleteActionConnector', { ActionConnectorId: c.ActionConnectorId });
      dialog.current?.close();
      flash(`Connector “${c.Name}” deleted.`);
      go('connectors');
    } catch (e) {
      setDel({ error: e });
    }
  };

  return (
    <>
      <section aria-labelledby="details-h">
        <h2 id="details-h">Details</h2>
        <Details
          items={[
            ['Name', c.Name],
            ['ID', <code key="id">{c.ActionConnectorId}</code>],
            [
              'ARN',
              <code key="arn" className="wrap">
                {c.Arn}
              </code>,
            ],
            [
              'Type',
              <span key="type" title={c.Type}>
                {typeName(c.Type)}
              </span>,
            ],
            [
              'Status',
              <span key="status" title={c.Status}>
                {statusName(c.Status)}
              </span>,
            ],
            ['Description', c.Description],
            ['Created', when(c.CreatedTime)],
            ['Last updated', when(c.LastUpdatedTime)],
            ['VPC connection', c.VpcConnectionArn],
            ...authItems(c.AuthenticationConfig),
            ['Enabled actions', Array.isArray(c.EnabledActions) ? (c.EnabledActions.length ? c.EnabledActions.join(', ') : 'none') : undefined],
          ]}
        />
        {can.edit || can.remove ? (
          <div className="buttons">
            {can.edit ? (
              <a className="button secondary" href={href('connectors', c.ActionConnectorId, 'edit')}>
                Edit
              </a>
            ) : null}
            {can.remove ? (
              <button
                type="button"
                className="danger"
                onClick={() => {
                  setDel({});
                  dialog.current?.showModal();
                }}
              >
                Delete…
              </button>
            ) : null}
          </div>
        ) : null}
        {!can.edit ? (
          <p className="hint" id="readonly-note">
            You can {can.run ? 'see and use' : 'see'} this connector. Editing, testing and changing its tags need the &ldquo;Edit&rdquo; permission
            {can.remove ? '' : <>, deleting needs &ldquo;Delete&rdquo;</>}; an owner or an administrator can give them to you.
          </p>
        ) : null}
      </section>

      <section aria-labelledby="conn-h">
        <h2 id="conn-h">Connection</h2>
        {conn.error ? <ErrorBox error={conn.error} /> : null}
        {conn.value ? (
          <Details
            items={[
              [
                'Last test',
                conn.value.LastTest
                  ? `${conn.value.LastTest.Success ? 'Succeeded' : 'Failed'} ${when(conn.value.LastTest.Time)}${conn.value.LastTest.HttpStatusCode ? ` (HTTP ${conn.value.LastTest.HttpStatusCode})` : ''}: ${conn.value.LastTest.Message}`
                  : 'Never tested',
              ],
              ...(isCode ? [['Users signed in', String(conn.value.SignedInUsers)] as [string, ReactNode]] : []),
            ]}
          />
        ) : null}
        {isCode && can.run ? <SignInPanel connectorId={c.ActionConnectorId} signedIn={conn.value?.CallerSignedIn} refresh={conn.reload} /> : null}
        {can.edit ? (
          <div className="buttons">
            <button type="button" onClick={runTest} disabled={test.busy}>
              {test.busy ? 'Testing…' : 'Test connection'}
            </button>
          </div>
        ) : null}
        <div aria-live="polite">
          {test.result ? (
            <div className={`alert ${test.result.Success ? 'alert-success' : 'alert-error'}`} role="status">
              <strong>{test.result.Success ? 'Connection works.' : 'Connection failed.'}</strong> {test.result.Message}
              {test.result.HttpStatusCode ? ` (HTTP ${test.result.HttpStatusCode})` : ''}
            </div>
          ) : null}
          <ErrorBox error={test.error} title="Test not run." />
        </div>
      </section>

      <dialog ref={dialog} aria-labelledby="del-h" className="confirm">
        <h2 id="del-h">Delete {c.Name}?</h2>
        <p>The connector, its permissions, tags and users' sign-ins are deleted. This cannot be undone.</p>
        <ErrorBox error={del.error} />
        <div className="buttons">
          {/* biome-ignore lint/a11y/noAutofocus: in a modal dialog the least destructive choice takes the focus when it opens (WAI-ARIA APG dialog pattern); tested */}
          <button type="button" className="secondary" autoFocus onClick={() => dialog.current?.close()}>
            Cancel
          </button>
          <button type="button" className="danger" onClick={remove} disabled={del.busy}>
            {del.busy ? 'Deleting…' : 'Delete connector'}
          </button>
        </div>
      </dialog>
    </>
  );
}

function SignInPanel({ connectorId, signedIn, refresh }: { connectorId: string; signedIn?: boolean; refresh: () => void }) {
  const [url, setUrl] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  // Coming back from the vendor's sign-in (another tab) shows the new state.
  useEffect(() => {
    const on = () => {
      if (document.visibilityState === 'visible') refresh();
    };
    document.addEventListener('visibilitychange', on);
    window.addEventListener('focus', on);
    return () => {
      document.removeEventListener('visibilitychange', on);
      window.removeEventListener('focus', on);
    };
  }, [refresh]);
  const start = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const r = await call('StartActionConnectorAuthorization', { ActionConnectorId: connectorId });
      setUrl(r.AuthorizationUrl);
      window.open(r.AuthorizationUrl, '_blank', 'noopener');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="signin-panel">
      <p>
        Your sign-in: <strong className={signedIn ? 'ok' : 'warn'}>{signedIn === undefined ? '…' : signedIn ? 'Signed in' : 'Needs sign-in'}</strong>
      </p>
      <div className="buttons">
        <button type="button" onClick={start} disabled={busy}>
          {signedIn ? 'Sign in again' : 'Sign in'}
        </button>
        <button type="button" className="secondary" onClick={refresh}>
          Refresh status
        </button>
      </div>
      {url && !signedIn ? (
        <p>
          If no window opened:{' '}
          <a href={url} target="_blank" rel="noopener noreferrer">
            open the sign-in page
          </a>{' '}
          (it names you as the user the sign-in is for; it can be confirmed once, within 10 minutes, and the sign-in must end in this browser). Come back here
          when you are done.
        </p>
      ) : null}
      <ErrorBox error={error} />
    </div>
  );
}

// ---- use: the action runner -------------------------------------------------------------------
function UseSection({ connector: c, can }: { connector: ConnectorView; can: Can }) {
  const actions = useLoad(() => call('ListActionConnectorActions', { ActionConnectorId: c.ActionConnectorId }), [c.ActionConnectorId]);
  const list: Output<'ListActionConnectorActions'>['Actions'] = actions.value?.Actions ?? [];
  const [actionId, setActionId] = useState('');
  const [run, setRun] = useState<{ busy?: boolean; result?: Output<'InvokeAction'>; error?: unknown; fieldErrors?: Record<string, string> }>({});
  const chosen = list.find((a) => a.ActionId === (actionId || list.find((x) => x.Enabled)?.ActionId));

  // A result or failure takes the focus and comes into view (it is below the form).
  useEffect(() => {
    if (!run.result && !run.error) return;
    const h = document.getElementById('result-h');
    h?.focus({ preventScroll: true });
    h?.closest('section')?.scrollIntoView({ block: 'start', behavior: 'instant' as ScrollBehavior });
  }, [run.result, run.error]);

  const invoke = async (input: Record<string, unknown>) => {
    if (!chosen) return;
    setRun({ busy: true });
    try {
      const result = await call('InvokeAction', { ActionConnectorId: c.ActionConnectorId, ActionId: chosen.ActionId, Input: input });
      setRun({ result });
    } catch (e) {
      const fieldErrors: Record<string, string> = {};
      if (e instanceof ApiError && e.code === 'InvalidParameterValueException') {
        for (const p of e.problems) {
          const prop = p.path?.replace(/^input\./i, '').split('.')[0];
          const key = Object.keys(chosen.InputSchema?.properties ?? {}).find((k) => k.toLowerCase() === prop?.toLowerCase());
          if (key) fieldErrors[key] = ruleSentence(p.rule);
        }
      }
      setRun({ error: e, fieldErrors });
    }
  };

  if (actions.error) return <ErrorBox error={actions.error} />;
  if (actions.loading && !actions.value) return <p role="status">Loading actions…</p>;
  if (list.length === 0) return <p className="empty">This connector type has no actions.</p>;
  return (
    <section aria-labelledby="use-h">
      <h2 id="use-h">Run an action</h2>
      <SelectField
        label="Action"
        name="action"
        value={chosen?.ActionId ?? ''}
        onChange={(v) => {
          setActionId(v);
          setRun({});
        }}
        options={list.map((a) => ({ value: a.ActionId, label: `${a.Name} (${a.ActionId})${a.Enabled ? '' : ' — disabled'}` }))}
      />
      {chosen ? (
        <>
          <p className="hint">{chosen.Description}</p>
          {!can.run ? (
            <Notice kind="warning">
              You can see this connector's actions but not run them: ask its owner or an administrator for the "Run actions" permission.
            </Notice>
          ) : chosen.Enabled ? (
            <SchemaForm
              key={chosen.ActionId}
              schema={chosen.InputSchema ?? {}}
              onSubmit={invoke}
              busy={run.busy}
              submitLabel="Run action"
              serverErrors={run.fieldErrors}
            />
          ) : (
            <Notice kind="warning">This action is not enabled on this connector; an owner can enable it in Edit.</Notice>
          )}
        </>
      ) : null}
      <div aria-live="polite">
        {run.result ? <InvocationResult result={run.result} connectorId={c.ActionConnectorId} /> : null}
        {run.error ? (
          <section className="result failed" aria-labelledby="result-h">
            <h3 id="result-h" tabIndex={-1}>
              The action did not run
            </h3>
            <Explanation explained={explainError(run.error)} connectorId={c.ActionConnectorId} />
          </section>
        ) : null}
      </div>
    </section>
  );
}

/** What happened and what to do next, with a link when the next step is a place in the console. */
function Explanation({ explained: x, connectorId }: { explained: Explained; connectorId: string }) {
  return (
    <div className="explained">
      <p className="what">{x.what}</p>
      <p className="next">
        <strong>What to do:</strong> {x.next}{' '}
        {x.go === 'overview' ? (
          <a href={href('connectors', connectorId)}>Go to the Overview page</a>
        ) : x.go === 'edit' ? (
          <a href={href('connectors', connectorId)}>See the connector&rsquo;s settings</a>
        ) : null}
      </p>
    </div>
  );
}

/**
 * The answer's key fields, for people: the top-level values of the service's body (or of the
 * output when it has none) that read as one line — text, numbers, yes/no, list sizes. At most 8.
 */
function keyFields(output: unknown): [string, ReactNode][] {
  const asObject = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);
  const o = asObject(output);
  if (!o) return [];
  const body = asObject(o.Body) ?? o;
  const out: [string, ReactNode][] = [];
  for (const [k, v] of Object.entries(body)) {
    if (out.length >= 8) break;
    if (typeof v === 'string' || typeof v === 'number') out.push([humanize(k), String(v).slice(0, 200)]);
    else if (typeof v === 'boolean') out.push([humanize(k), v ? 'Yes' : 'No']);
    else if (Array.isArray(v)) out.push([humanize(k), `${v.length} item${v.length === 1 ? '' : 's'}`]);
  }
  return out;
}

function InvocationResult({ result, connectorId }: { result: Output<'InvokeAction'>; connectorId: string }) {
  const ok = result.InvokeActionStatus === 'SUCCESS';
  const raw = (
    // biome-ignore lint/a11y/noNoninteractiveTabindex lint/a11y/useSemanticElements: the output scrolls, so it is a named, keyboard-reachable region (WCAG 2.1.1); a <section> would lose <pre>'s formatting
    <pre tabIndex={0} role="region" aria-label="Output" className="output">
      {JSON.stringify(result.Output, null, 2)}
    </pre>
  );
  return (
    <section className={`result ${ok ? 'ok' : 'failed'}`} aria-labelledby="result-h">
      <h3 id="result-h" tabIndex={-1}>
        Result: {ok ? 'Succeeded' : 'Failed'}
        {result.HttpStatusCode ? ` (HTTP ${result.HttpStatusCode})` : ''}
      </h3>
      {ok ? (
        <>
          {keyFields(result.Output).length ? <Details items={keyFields(result.Output)} /> : null}
          <details>
            <summary>The full answer (JSON)</summary>
            {raw}
          </details>
        </>
      ) : (
        <>
          <Explanation explained={explainResult(result)} connectorId={connectorId} />
          <details>
            <summary>The service&rsquo;s answer</summary>
            {raw}
          </details>
        </>
      )}
    </section>
  );
}

// ---- history: the audit trail ---------------------------------------------------------------
function HistorySection({ id }: { id: string }) {
  const [pages, setPages] = useState<{ items: Output<'ListActionInvocations'>['Invocations']; next?: string }>({ items: [] });
  const [state, setState] = useState<{ loading: boolean; error?: unknown }>({ loading: true });
  const load = useCallback(
    async (token?: string) => {
      setState({ loading: true });
      try {
        const r = await call('ListActionInvocations', { ActionConnectorId: id, MaxResults: 25, ...(token ? { NextToken: token } : {}) });
        setPages((p) => ({ items: token ? [...p.items, ...(r.Invocations ?? [])] : (r.Invocations ?? []), next: r.NextToken }));
        setState({ loading: false });
      } catch (e) {
        setState({ loading: false, error: e });
      }
    },
    [id],
  );
  useEffect(() => {
    void load();
  }, [load]);
  const userName = (arn: string) => arn?.split('/').pop() ?? arn;
  const [open, setOpen] = useState<string>();
  return (
    <section aria-labelledby="hist-h">
      <div className="page-head">
        <h2 id="hist-h">Invocation history</h2>
        <button type="button" className="secondary" onClick={() => load()} disabled={state.loading}>
          Refresh
        </button>
      </div>
      <ErrorBox error={state.error} />
      <div aria-live="polite" aria-busy={state.loading}>
        {!state.loading && !state.error && pages.items.length === 0 ? <p className="empty">No invocations yet.</p> : null}
        {pages.items.length ? (
          <table className="cards history">
            <caption className="sr-only">Invocations, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Action</th>
                <th scope="col">User</th>
                <th scope="col">Status</th>
                <th scope="col">HTTP</th>
                <th scope="col">Duration</th>
                <th scope="col">
                  <span className="sr-only">Details</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {pages.items.map((i) => {
                const failed = i.InvokeActionStatus !== 'SUCCESS';
                const why = failed ? explainRecord(i.ErrorCode, i.HttpStatusCode) : undefined;
                const isOpen = open === i.InvocationId;
                return (
                  <Fragment key={i.InvocationId}>
                    <tr>
                      <td data-label="Time">{when(i.Time)}</td>
                      <td data-label="Action">
                        <code>{i.ActionId}</code>
                      </td>
                      <td data-label="User" title={i.EndUserArn}>
                        {userName(i.EndUserArn)}
                      </td>
                      <td data-label="Status">
                        <span className={failed ? 'warn' : 'ok'} title={i.InvokeActionStatus}>
                          {statusName(i.InvokeActionStatus)}
                        </span>
                        {why ? <span className="why"> — {why.what}</span> : null}
                      </td>
                      <td data-label="HTTP">{i.HttpStatusCode ?? '—'}</td>
                      <td data-label="Duration">{i.DurationMs !== undefined ? `${i.DurationMs} ms` : '—'}</td>
                      <td>
                        <button
                          type="button"
                          className="secondary small"
                          aria-expanded={isOpen}
                          aria-controls={`inv-${i.InvocationId}`}
                          onClick={() => setOpen(isOpen ? undefined : i.InvocationId)}
                        >
                          {isOpen ? 'Hide details' : 'Details'}
                          <span className="sr-only">
                            {' '}
                            of the {i.ActionId} run at {when(i.Time)}
                          </span>
                        </button>
                      </td>
                    </tr>
                    {isOpen ? (
                      <tr className="record" id={`inv-${i.InvocationId}`}>
                        <td colSpan={7}>
                          <Details
                            items={[
                              ['Invocation', <code key="id">{i.InvocationId}</code>],
                              ['When', when(i.Time)],
                              ['Who', <code key="who">{i.EndUserArn}</code>],
                              ['Action', <code key="act">{i.ActionId}</code>],
                              ['Status', statusName(i.InvokeActionStatus)],
                              ['HTTP status', i.HttpStatusCode !== undefined ? String(i.HttpStatusCode) : 'none (nothing answered)'],
                              ['Duration', `${i.DurationMs} ms`],
                              ['Requests sent', String(i.Attempts)],
                              ['Error', i.ErrorCode ? <code key="err">{i.ErrorCode}</code> : undefined],
                              ['What happened', why?.what],
                              ['What to do', why?.next],
                              ['Through', i.Client],
                            ]}
                          />
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        ) : null}
      </div>
      {pages.next ? (
        <button type="button" className="secondary" onClick={() => load(pages.next)} disabled={state.loading}>
          Show older
        </button>
      ) : null}
    </section>
  );
}

// ---- permissions -----------------------------------------------------------------------------
interface Grant {
  principal: string;
  actions: string[];
}

function principalLabel(arn: string): { kind: string; name: string } {
  const m = /:(user|group)\/[^/]+\/(.+)$/.exec(arn);
  return m ? { kind: m[1] === 'user' ? 'User' : 'Group', name: m[2]! } : { kind: 'Principal', name: arn };
}

const PRESETS: { key: 'viewer' | 'user' | 'owner'; label: string; says: string }[] = [
  { key: 'viewer', label: 'Viewer', says: 'sees the connector and its actions' },
  { key: 'user', label: 'User (can run actions)', says: 'also runs its actions' },
  { key: 'owner', label: 'Owner', says: 'also edits, deletes and shares it' },
];

function PermissionsSection({ id, meta, can }: { id: string; session: Session; meta: Meta; can: Can }) {
  const loaded = useLoad(() => call('DescribeActionConnectorPermissions', { ActionConnectorId: id }), [id]);
  // The account's users and groups: only those can be chosen (no names typed, no typos).
  const principals = useLoad(() => (can.share ? api.principals() : Promise.resolve({ Users: [], Groups: [] })), [can.share]);
  const [rows, setRows] = useState<Grant[]>([]);
  const [save, setSave] = useState<{ busy?: boolean; error?: unknown; done?: boolean }>({});
  const [who, setWho] = useState('');
  const [preset, setPreset] = useState<'viewer' | 'user' | 'owner'>('user');
  const [addError, setAddError] = useState<string>();

  const original: Grant[] = useMemo(
    () => (loaded.value?.Permissions ?? []).map((p: { Principal: string; Actions: string[] }) => ({ principal: p.Principal, actions: [...p.Actions].sort() })),
    [loaded.value],
  );
  useEffect(() => {
    if (loaded.value) setRows(original);
  }, [loaded.value, original]);

  const all = meta.PermissionActions;
  const presets: Record<string, string[]> = meta.PermissionPresets;
  const setActions = (principal: string, actions: string[]) =>
    setRows((rs) => rs.map((r) => (r.principal === principal ? { ...r, actions: [...actions].sort() } : r)));
  const presetOf = (actions: string[]) => {
    const key = [...actions].sort().join(' ');
    return PRESETS.find((p) => [...(presets[p.key] ?? [])].sort().join(' ') === key)?.key ?? (actions.length ? 'custom' : 'none');
  };

  const listed = new Set(rows.map((r) => r.principal));
  const users = (principals.value?.Users ?? []).filter((u) => !listed.has(u.Arn));
  const groups = (principals.value?.Groups ?? []).filter((g) => !listed.has(g.Arn));

  const add = (e: FormEvent) => {
    e.preventDefault();
    if (!who) {
      setAddError('Choose a user or group of this account.');
      return;
    }
    setAddError(undefined);
    setRows((rs) => [...rs, { principal: who, actions: [...(presets[preset] ?? [])].sort() }]);
    setWho('');
  };

  const changes = () => {
    const before = new Map(original.map((g) => [g.principal, new Set(g.actions)]));
    const after = new Map(rows.map((g) => [g.principal, new Set(g.actions)]));
    const grant: { Principal: string; Actions: string[] }[] = [];
    const revoke: { Principal: string; Actions: string[] }[] = [];
    for (const [p, acts] of after) {
      const was = before.get(p) ?? new Set<string>();
      const g = [...acts].filter((a) => !was.has(a));
      if (g.length) grant.push({ Principal: p, Actions: g });
    }
    for (const [p, was] of before) {
      const now = after.get(p) ?? new Set<string>();
      const r = [...was].filter((a) => !now.has(a));
      if (r.length) revoke.push({ Principal: p, Actions: r });
    }
    return { grant, revoke };
  };
  const { grant, revoke } = changes();
  const dirty = grant.length + revoke.length > 0;

  const submit = async () => {
    setSave({ busy: true });
    try {
      await call('UpdateActionConnectorPermissions', {
        ActionConnectorId: id,
        ...(grant.length ? { GrantPermissions: grant } : {}),
        ...(revoke.length ? { RevokePermissions: revoke } : {}),
      });
      setSave({ done: true });
      loaded.reload();
    } catch (e) {
      setSave({ error: e });
    }
  };

  if (loaded.error) return <ErrorBox error={loaded.error} />;
  if (!loaded.value) return <p role="status">Loading permissions…</p>;
  return (
    <section aria-labelledby="perm-h">
      <h2 id="perm-h">Who may do what</h2>
      <p className="hint">{PRESETS.map((p) => `${p.label}: ${p.says}`).join('; ')}. Administrators may do everything. Changes apply when you save.</p>
      {!can.share ? <p className="hint">You can see who has access; only owners and administrators can change it.</p> : null}
      {can.share ? (
        <form className="add-principal" onSubmit={add} aria-labelledby="add-h">
          <h3 id="add-h">Share with</h3>
          <ErrorBox error={principals.error} title="The account's users and groups could not be loaded." />
          <div className="field">
            <div className="label">
              <label htmlFor="share-who">Person or group</label>
            </div>
            <select
              id="share-who"
              name="principal"
              value={who}
              onChange={(e) => setWho(e.target.value)}
              aria-invalid={addError ? true : undefined}
              aria-describedby={addError ? 'share-who-error' : undefined}
            >
              <option value="">{users.length + groups.length ? 'Choose…' : 'Nobody left to add'}</option>
              {users.length ? (
                <optgroup label="Users">
                  {users.map((u) => (
                    <option key={u.Arn} value={u.Arn} title={u.Arn}>
                      {u.UserName} ({u.Role.toLowerCase()})
                    </option>
                  ))}
                </optgroup>
              ) : null}
              {groups.length ? (
                <optgroup label="Groups">
                  {groups.map((g) => (
                    <option key={g.Arn} value={g.Arn} title={g.Arn}>
                      {g.GroupName}
                    </option>
                  ))}
                </optgroup>
              ) : null}
            </select>
            {addError ? (
              <div className="error" id="share-who-error">
                {addError}
              </div>
            ) : null}
          </div>
          <SelectField
            label="Access"
            name="preset"
            value={preset}
            onChange={(v) => setPreset(v as 'viewer' | 'user' | 'owner')}
            options={PRESETS.map((p) => ({ value: p.key, label: p.label }))}
          />
          <div className="buttons">
            <button type="submit" className="secondary">
              Add
            </button>
          </div>
        </form>
      ) : null}
      {rows.length === 0 ? <p className="empty">Nobody but administrators can see this connector.</p> : null}
      {rows.map((r) => {
        const p = principalLabel(r.principal);
        const none = r.actions.length === 0;
        const current = presetOf(r.actions);
        return (
          <fieldset key={r.principal} className={`grant${none ? ' removed' : ''}`}>
            <legend title={r.principal}>
              {p.kind} <strong>{p.name}</strong>
              {none ? ' — will lose all access' : ''}
            </legend>
            <div className="grant-row">
              <SelectField
                label={`Access for ${p.name}`}
                name={`access-${p.name}`}
                value={current}
                disabled={!can.share}
                onChange={(v) => setActions(r.principal, v === 'none' ? [] : (presets[v] ?? r.actions))}
                options={[
                  ...PRESETS.map((x) => ({ value: x.key, label: x.label })),
                  ...(current === 'custom' ? [{ value: 'custom', label: 'Custom (see Advanced)' }] : []),
                  { value: 'none', label: 'No access (remove)' },
                ]}
              />
            </div>
            <details className="advanced">
              <summary>Advanced: individual permissions</summary>
              <div className="checks">
                {all.map((a) => (
                  <label key={a}>
                    <input
                      type="checkbox"
                      checked={r.actions.includes(a)}
                      disabled={!can.share}
                      onChange={(e) => setActions(r.principal, e.target.checked ? [...r.actions, a] : r.actions.filter((x) => x !== a))}
                    />{' '}
                    <span title={a}>{permissionName(a)}</span>
                  </label>
                ))}
              </div>
            </details>
          </fieldset>
        );
      })}
      {can.share ? (
        <div className="buttons">
          <button type="button" onClick={submit} disabled={!dirty || save.busy}>
            {save.busy ? 'Saving…' : 'Save permissions'}
          </button>
          {dirty ? (
            <button type="button" className="secondary" onClick={() => setRows(original)}>
              Discard changes
            </button>
          ) : null}
        </div>
      ) : null}
      <div aria-live="polite">
        {save.done && !dirty ? <Notice kind="success">Permissions saved.</Notice> : null}
        <ErrorBox error={save.error} title="Permissions not saved." />
      </div>
    </section>
  );
}

// ---- tags --------------------------------------------------------------------------------------
function TagsSection({ arn, can }: { arn: string; can: Can }) {
  const tags = useLoad(() => call('ListTagsForResource', { ResourceArn: arn }), [arn]);
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const [state, setState] = useState<{ busy?: boolean; error?: unknown; fieldErrors?: { key?: string; value?: string }; done?: string }>({});

  const add = async (e: FormEvent) => {
    e.preventDefault();
    setState({ busy: true });
    try {
      await call('TagResource', { ResourceArn: arn, Tags: [{ Key: key, Value: value }] });
      setKey('');
      setValue('');
      setState({ done: `Tag “${key}” saved.` });
      tags.reload();
    } catch (err) {
      const fieldErrors: { key?: string; value?: string } = {};
      if (err instanceof ApiError && err.code === 'InvalidParameterValueException') {
        for (const p of err.problems) {
          if (p.path?.endsWith('.key')) fieldErrors.key = ruleSentence(p.rule);
          if (p.path?.endsWith('.value')) fieldErrors.value = ruleSentence(p.rule);
        }
      }
      setState({ error: err, fieldErrors });
    }
  };
  const remove = async (k: string) => {
    setState({ busy: true });
    try {
      await call('UntagResource', { ResourceArn: arn, TagKeys: [k] });
      setState({ done: `Tag “${k}” removed.` });
      tags.reload();
    } catch (err) {
      setState({ error: err });
    }
  };

  const list: { Key: string; Value: string }[] = tags.value?.Tags ?? [];
  return (
    <section aria-labelledby="tags-h">
      <h2 id="tags-h">Tags</h2>
      <ErrorBox error={tags.error} />
      {tags.value && list.length === 0 ? <p className="empty">No tags.</p> : null}
      {list.length ? (
        <table className="cards">
          <caption className="sr-only">Tags</caption>
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">Value</th>
              <th scope="col">
                <span className="sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((t) => (
              <tr key={t.Key}>
                <th scope="row" data-label="Key">
                  {t.Key}
                </th>
                <td data-label="Value">{t.Value}</td>
                <td>
                  {can.edit ? (
                    <button type="button" className="secondary small" onClick={() => remove(t.Key)} disabled={state.busy} aria-label={`Remove tag ${t.Key}`}>
                      Remove
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {!can.edit ? <p className="hint">Only people who may edit this connector can change its tags.</p> : null}
      {can.edit ? (
        <form className="inline-form" onSubmit={add} aria-labelledby="tag-add-h">
          <h3 id="tag-add-h">Add or change a tag</h3>
          <Field label="Key" name="tagKey" value={key} onChange={setKey} required error={state.fieldErrors?.key} />
          <Field label="Value" name="tagValue" value={value} onChange={setValue} required error={state.fieldErrors?.value} />
          <div className="buttons">
            <button type="submit" disabled={state.busy}>
              Save tag
            </button>
          </div>
        </form>
      ) : null}
      <div aria-live="polite">{state.done ? <Notice kind="success">{state.done}</Notice> : null}</div>
      <ErrorBox error={state.error} />
    </section>
  );
}
