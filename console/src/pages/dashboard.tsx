// The dashboard (issue 18 item 8): recent invocations across the connectors the user may
// see, their success rate and median latency, and the connectors that need attention (a
// failed connection test; an authorization-code connector the user must sign in to again).
// Bounded: the RECENT_CONNECTORS most recently updated connectors, PER_CONNECTOR records each.
import { call, when, type ActionInvocation, type Output, type Wire } from '../api';
import { explainRecord } from '../failures';
import { statusName } from '../labels';
import { ErrorBox, PageHeading, href, useLoad } from '../ui';

const RECENT_CONNECTORS = 20;
const PER_CONNECTOR = 20;
/** How many connectors are listed to find the most recently updated (pages of 100). */
const LIST_LIMIT = 1000;
const SHOWN = 20;

type Invocation = Wire<ActionInvocation> & { connectorId: string; connectorName: string };
interface Attention {
  id: string;
  name: string;
  why: string;
}
interface Dashboard {
  connectors: number;
  looked: number;
  /** Connectors whose history the user may not read. */
  unreadable: number;
  invocations: Invocation[];
  attention: Attention[];
}

async function load(): Promise<Dashboard> {
  const all: Wire<Output<'ListActionConnectors'>>['ActionConnectorSummaries'] = [];
  let token: string | undefined;
  do {
    const r = await call('ListActionConnectors', { MaxResults: 100, ...(token ? { NextToken: token } : {}) });
    all.push(...(r.ActionConnectorSummaries ?? []));
    token = r.NextToken;
  } while (token && all.length < LIST_LIMIT);
  const recent = [...all].sort((a, b) => (b.LastUpdatedTime ?? 0) - (a.LastUpdatedTime ?? 0)).slice(0, RECENT_CONNECTORS);
  let unreadable = 0;
  const invocations: Invocation[] = [];
  const attention: Attention[] = [];
  await Promise.all(
    recent.map(async (c) => {
      const id = c.ActionConnectorId;
      const name = c.Name ?? id;
      const [inv, conn] = await Promise.all([
        call('ListActionInvocations', { ActionConnectorId: id, MaxResults: PER_CONNECTOR }).catch(() => undefined),
        call('DescribeActionConnectorConnection', { ActionConnectorId: id }).catch(() => undefined),
      ]);
      if (!inv) unreadable++;
      const records = inv?.Invocations ?? [];
      for (const i of records) invocations.push({ ...i, connectorId: id, connectorName: name });
      if (conn?.LastTest && !conn.LastTest.Success)
        attention.push({ id, name, why: `The last connection test failed (${when(conn.LastTest.Time)}): ${conn.LastTest.Message}` });
      if (conn?.AuthenticationType === 'OAUTH2_AUTHORIZATION_CODE' && conn.CallerSignedIn === false)
        attention.push({ id, name, why: 'You are not signed in to it: sign in before running its actions.' });
      const refused = records.filter((i) => i.ErrorCode === 'AccessTokenNotFoundException').length;
      if (refused) attention.push({ id, name, why: `${refused} recent ${refused === 1 ? 'run' : 'runs'} needed the user to sign in again.` });
    }),
  );
  invocations.sort((a, b) => (b.Time ?? 0) - (a.Time ?? 0));
  attention.sort((a, b) => a.name.localeCompare(b.name));
  return { connectors: all.length, looked: recent.length, unreadable, invocations, attention };
}

/** The median of the durations (ms), or undefined for none. */
export function median(values: number[]): number | undefined {
  if (!values.length) return undefined;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : Math.round((s[m - 1]! + s[m]!) / 2);
}

const userName = (arn: string) => arn?.split('/').pop() ?? arn;

export function DashboardPage() {
  const d = useLoad(load, []);
  const v = d.value;
  const total = v?.invocations.length ?? 0;
  const ok = v?.invocations.filter((i) => i.InvokeActionStatus === 'SUCCESS').length ?? 0;
  const p50 = v ? median(v.invocations.map((i) => i.DurationMs).filter((x): x is number => typeof x === 'number')) : undefined;
  return (
    <>
      <PageHeading title="Dashboard">Dashboard</PageHeading>
      {d.error ? (
        <>
          <ErrorBox error={d.error} title="The dashboard could not be loaded." />
          <button type="button" onClick={d.reload}>
            Try again
          </button>
        </>
      ) : null}
      <div aria-live="polite" aria-busy={d.loading}>
        {d.loading && !v ? (
          <div className="skeleton" aria-hidden="true">
            <div />
            <div />
            <div />
          </div>
        ) : null}
        {d.loading ? <span className="sr-only">Loading the dashboard…</span> : null}
        {v ? (
          <>
            <p className="hint">
              {v.connectors === 0
                ? 'You have no connectors to show yet.'
                : `From the ${v.looked === v.connectors ? '' : `${v.looked} most recently updated of `}${v.connectors} ${v.connectors === 1 ? 'connector' : 'connectors'} you can see, up to ${PER_CONNECTOR} runs each.`}
              {v.unreadable ? ` The history of ${v.unreadable} of them is not open to you.` : ''}
            </p>
            <section aria-labelledby="stats-h">
              <h2 id="stats-h">Recent runs</h2>
              <dl className="stats">
                <div>
                  <dt>Runs</dt>
                  <dd>{total}</dd>
                </div>
                <div>
                  <dt>Success rate</dt>
                  <dd>{total ? `${Math.round((ok / total) * 100)}%` : '—'}</dd>
                </div>
                <div>
                  <dt>Median duration (p50)</dt>
                  <dd>{p50 !== undefined ? `${p50} ms` : '—'}</dd>
                </div>
              </dl>
            </section>
            <section aria-labelledby="attention-h">
              <h2 id="attention-h">Needs attention</h2>
              {v.attention.length ? (
                <ul className="attention">
                  {v.attention.map((a) => (
                    <li key={`${a.id} ${a.why}`}>
                      <a href={href('connectors', a.id)}>{a.name}</a>: {a.why}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="empty">Nothing: every connection test passed and you are signed in where you need to be.</p>
              )}
            </section>
            <section aria-labelledby="recent-h">
              <h2 id="recent-h">Latest runs</h2>
              {v.invocations.length ? (
                <table className="cards history">
                  <caption className="sr-only">The latest runs across connectors, newest first</caption>
                  <thead>
                    <tr>
                      <th scope="col">Time</th>
                      <th scope="col">Connector</th>
                      <th scope="col">Action</th>
                      <th scope="col">User</th>
                      <th scope="col">Status</th>
                      <th scope="col">Duration</th>
                    </tr>
                  </thead>
                  <tbody>
                    {v.invocations.slice(0, SHOWN).map((i) => {
                      const failed = i.InvokeActionStatus !== 'SUCCESS';
                      const why = failed ? explainRecord(i.ErrorCode, i.HttpStatusCode) : undefined;
                      return (
                        <tr key={`${i.connectorId} ${i.InvocationId}`}>
                          <td data-label="Time">{when(i.Time)}</td>
                          <td data-label="Connector">
                            <a href={href('connectors', i.connectorId, 'history')}>{i.connectorName}</a>
                          </td>
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
                          <td data-label="Duration">{i.DurationMs !== undefined ? `${i.DurationMs} ms` : '—'}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              ) : (
                <p className="empty">No runs yet: open a connector and use one of its actions.</p>
              )}
            </section>
          </>
        ) : null}
      </div>
    </>
  );
}
