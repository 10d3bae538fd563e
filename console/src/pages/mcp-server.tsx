// A connector's remote MCP server (issue 19): where it is and what it said it is, its tools
// (the actions they became, with their hints), and attach / refresh / detach for those who
// may update the connector.
import { useState, type FormEvent } from 'react';
import { ApiError, call, when, type Output } from '../api';
import { ErrorBox, Field, Notice, SelectField, useLoad } from '../ui';

type Server = Output<'DescribeActionConnectorMcpServer'>['McpServer'];

/** What the MCP authorization discovery found (a connector without a client of its own). */
function AuthorizationFacts({ server }: { server: Server }) {
  const a = server.Authorization;
  if (!a) return null;
  return (
    <details>
      <summary>
        Authorization discovered at the server: <code>{a.Issuer}</code>
      </summary>
      <dl>
        <dt>Client</dt>
        <dd>
          <code>{a.ClientId}</code> {a.DynamicClientRegistration ? '(registered by ActionBridge; its secret is stored encrypted)' : ''}
        </dd>
        <dt>Resource (tokens are bound to it)</dt>
        <dd>
          <code>{a.Resource}</code>
        </dd>
        <dt>Endpoints</dt>
        <dd>
          <code>{a.AuthorizationEndpoint}</code>, <code>{a.TokenEndpoint}</code>
        </dd>
        {a.Scope ? (
          <>
            <dt>Scopes</dt>
            <dd>
              <code>{a.Scope}</code>
            </dd>
          </>
        ) : null}
      </dl>
    </details>
  );
}

const hints = (a: Record<string, unknown> | undefined): string =>
  [a?.ReadOnlyHint === true ? 'read-only' : '', a?.DestructiveHint === true ? 'destructive' : '', a?.IdempotentHint === true ? 'idempotent' : '']
    .filter(Boolean)
    .join(', ') || '—';

function ToolsTable({ server }: { server: Server }) {
  return (
    <>
      <table className="cards">
        <caption>Tools of the MCP server</caption>
        <thead>
          <tr>
            <th scope="col">Tool</th>
            <th scope="col">Action</th>
            <th scope="col">Hints</th>
            <th scope="col">Enabled</th>
          </tr>
        </thead>
        <tbody>
          {(server.Tools ?? []).map((t) => (
            <tr key={t.ActionId}>
              <th scope="row" data-label="Tool">
                {t.Title ?? t.ToolName}
              </th>
              <td data-label="Action">
                <code>{t.ActionId}</code>
              </td>
              <td data-label="Hints">{hints(t.Annotations as Record<string, unknown> | undefined)}</td>
              <td data-label="Enabled">{t.Enabled ? 'Yes' : 'No'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {server.Skipped?.length ? (
        <details>
          <summary>
            {server.Skipped.length} tool{server.Skipped.length === 1 ? '' : 's'} not turned into actions
          </summary>
          <ul>
            {server.Skipped.map((s) => (
              <li key={s.Operation}>
                <code>{s.Operation}</code>: {s.Reason}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}

export function McpServerSection({ id, mayChange }: { id: string; mayChange: boolean }) {
  const current = useLoad(
    () =>
      call('DescribeActionConnectorMcpServer', { ActionConnectorId: id }).catch((e: unknown) => {
        if (e instanceof ApiError && e.code === 'ResourceNotFoundException') return undefined;
        throw e;
      }),
    [id],
  );
  const [path, setPath] = useState('');
  const [transport, setTransport] = useState<'AUTO' | 'STREAMABLE_HTTP' | 'SSE'>('AUTO');
  const [state, setState] = useState<{ busy?: boolean; error?: unknown; pathError?: string; done?: string }>({});

  const failed = (err: unknown) => {
    const pathError = err instanceof ApiError ? err.problems.find((p) => p.path === 'serverPath')?.rule : undefined;
    setState({ error: pathError ? undefined : err, ...(pathError ? { pathError } : {}) });
  };
  const attach = async (e: FormEvent) => {
    e.preventDefault();
    setState({ busy: true });
    try {
      const r = await call('PutActionConnectorMcpServer', {
        ActionConnectorId: id,
        ...(path.trim() ? { ServerPath: path.trim() } : {}),
        ...(transport !== 'AUTO' ? { Transport: transport } : {}),
      });
      setState({
        done: r.McpServer.SignInRequired
          ? 'Attached; its authorization server was discovered. Sign in to it (Sign in on this page), then refresh the tools.'
          : `Attached. Tools that became actions of this connector: ${r.McpServer.Tools?.length ?? 0}.`,
      });
      setPath('');
      setTransport('AUTO');
      current.reload();
    } catch (err) {
      failed(err);
    }
  };
  const refresh = async () => {
    setState({ busy: true });
    try {
      const r = await call('RefreshActionConnectorMcpTools', { ActionConnectorId: id });
      const parts = [
        r.AddedActions?.length ? `added ${r.AddedActions.join(', ')}` : '',
        r.RemovedActions?.length ? `removed ${r.RemovedActions.join(', ')}` : '',
        r.RemovedFromEnabledActions?.length ? `no longer enabled: ${r.RemovedFromEnabledActions.join(', ')}` : '',
      ].filter(Boolean);
      setState({
        done: r.McpServer.SignInRequired
          ? 'Sign in to the MCP server’s authorization server first (Sign in on this page), then refresh the tools.'
          : `Tools listed again${parts.length ? `: ${parts.join('; ')}` : ': no change'}.`,
      });
      current.reload();
    } catch (err) {
      failed(err);
    }
  };
  const detach = async () => {
    if (!window.confirm('Detach the MCP server? Its tools stop being actions of this connector; runs already recorded keep their history.')) return;
    setState({ busy: true });
    try {
      const r = await call('DeleteActionConnectorMcpServer', { ActionConnectorId: id });
      const removed = r.RemovedFromEnabledActions ?? [];
      setState({ done: `MCP server detached.${removed.length ? ` No longer enabled: ${removed.join(', ')}.` : ''}` });
      current.reload();
    } catch (err) {
      failed(err);
    }
  };

  const server = current.value?.McpServer;
  return (
    <section aria-labelledby="mcp-h">
      <h2 id="mcp-h">MCP server</h2>
      <p className="hint">
        A remote MCP server (Streamable HTTP, or the older SSE transport) at this connector&rsquo;s base endpoint: each of its tools becomes an action, called
        through ActionBridge with this connector&rsquo;s own sign-in and outbound rules.
      </p>
      <ErrorBox error={current.error} />
      {state.done ? <Notice kind="success">{state.done}</Notice> : null}
      {current.loading && !current.value ? <p role="status">Loading…</p> : null}
      {!current.loading && !server ? <p className="empty">No MCP server is attached to this connector.</p> : null}
      {server ? (
        <>
          <p>
            <strong>{server.ServerName ?? 'MCP server'}</strong> {server.ServerVersion ? `version ${server.ServerVersion}` : ''} at{' '}
            <code>{server.ServerUrl}</code>
            {server.Transport === 'SSE' ? ' (the legacy HTTP+SSE transport)' : ''}
            {server.LastRefreshTime ? `, tools listed ${when(server.LastRefreshTime as unknown as number)}` : ''}
          </p>
          <AuthorizationFacts server={server} />
          <ToolsTable server={server} />
          {mayChange ? (
            <p>
              <button type="button" onClick={refresh} disabled={state.busy}>
                Refresh tools
              </button>{' '}
              <button type="button" className="secondary" onClick={detach} disabled={state.busy}>
                Detach MCP server
              </button>
            </p>
          ) : null}
        </>
      ) : null}
      <ErrorBox error={state.error} />
      {mayChange && !server && !current.loading ? (
        <form onSubmit={attach} noValidate>
          <h3>Attach an MCP server</h3>
          <Field
            label="Path under the base endpoint"
            value={path}
            onChange={setPath}
            hint="For example /mcp; leave empty when the base endpoint is the server itself."
            error={state.pathError}
          />
          <SelectField
            label="Transport"
            value={transport}
            onChange={(v) => setTransport(v as typeof transport)}
            options={[
              { value: 'AUTO', label: 'Detect: Streamable HTTP, else the older HTTP+SSE', title: 'AUTO' },
              { value: 'STREAMABLE_HTTP', label: 'Streamable HTTP', title: 'STREAMABLE_HTTP' },
              { value: 'SSE', label: 'HTTP+SSE (the older transport)', title: 'SSE' },
            ]}
            hint="Detect tries Streamable HTTP first and falls back to HTTP+SSE when the server refuses it; choose one to use that transport only."
          />
          <p>
            <button type="submit" disabled={state.busy}>
              Attach and list its tools
            </button>
          </p>
        </form>
      ) : null}
    </section>
  );
}
