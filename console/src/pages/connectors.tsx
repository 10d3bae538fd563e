import { useEffect, useState, type FormEvent } from 'react';
import { call, when, type ActionConnectorSummary, type Meta, type Output, type Session, type Wire } from '../api';
import { ErrorBox, Field, Notice, PageHeading, SelectField, hashQuery, href, useFlash } from '../ui';
import { statusName, typeName } from '../labels';

type Summary = Wire<ActionConnectorSummary>;
interface Query {
  name: string;
  type: string;
  size: number;
}

const PAGE_SIZES = [10, 25, 50, 100];

/** ListActionConnectors, or SearchActionConnectors with one filter (the API takes one): name wins, type then filters the page. */
async function fetchPage(q: Query, token?: string): Promise<{ items: Summary[]; next?: string; note?: string }> {
  const paging = { MaxResults: q.size, ...(token ? { NextToken: token } : {}) };
  let r: Output<'ListActionConnectors'> | Output<'SearchActionConnectors'>;
  if (q.name) {
    r = await call('SearchActionConnectors', { Filters: [{ Name: 'ACTION_CONNECTOR_NAME', Operator: 'StringLike', Value: q.name }], ...paging });
  } else if (q.type) {
    r = await call('SearchActionConnectors', { Filters: [{ Name: 'ACTION_CONNECTOR_TYPE', Operator: 'StringEquals', Value: q.type }], ...paging });
  } else {
    r = await call('ListActionConnectors', paging);
  }
  let items = r.ActionConnectorSummaries ?? [];
  let note: string | undefined;
  if (q.name && q.type) {
    items = items.filter((s) => s.Type === q.type);
    note = 'Searching by name; the type narrows each page, so a page may show fewer connectors.';
  }
  return { items, next: r.NextToken, note };
}

/** The list's state, kept in the URL (`#/connectors?q=&type=&size=&t=…`): reload and Back keep it. `t`: the NextTokens that opened the pages after the first. */
function readQuery(): { query: Query; tokens: string[] } {
  const p = hashQuery();
  const size = Number(p.get('size'));
  return { query: { name: p.get('q') ?? '', type: p.get('type') ?? '', size: PAGE_SIZES.includes(size) ? size : 25 }, tokens: p.getAll('t') };
}
function listHref(q: Query, tokens: string[]): string {
  const p = new URLSearchParams();
  if (q.name) p.set('q', q.name);
  if (q.type) p.set('type', q.type);
  if (q.size !== 25) p.set('size', String(q.size));
  for (const t of tokens) p.append('t', t);
  const qs = p.toString();
  return `${href('connectors')}${qs ? `?${qs}` : ''}`;
}

/** How many connectors match (walking the pages, at most COUNT_LIMIT), for "N connectors". */
const COUNT_LIMIT = 1000;
async function countAll(q: Query): Promise<{ n: number; more: boolean }> {
  let n = 0;
  let token: string | undefined;
  do {
    const p = await fetchPage({ ...q, size: 100 }, token);
    n += p.items.length;
    token = p.next;
  } while (token && n < COUNT_LIMIT);
  return { n, more: token !== undefined };
}

function countText(c: { n: number; more: boolean }, filtered: boolean): string {
  const one = c.n === 1 && !c.more;
  return `${c.more ? `More than ${c.n}` : c.n} ${one ? 'connector' : 'connectors'}${filtered ? (one ? ' matches' : ' match') : ''}`;
}

export function ConnectorList({ session, meta }: { session: Session; meta: Meta }) {
  const { query, tokens } = readQuery();
  const key = listHref(query, tokens);
  const [name, setName] = useState(query.name);
  const [type, setType] = useState(query.type);
  const [size, setSize] = useState(query.size);
  const [page, setPage] = useState<{ items: Summary[]; next?: string; note?: string }>();
  const [count, setCount] = useState<{ n: number; more: boolean }>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const [attempt, setAttempt] = useState(0);
  const notice = useFlash();

  // The form follows the URL (Back, a link).
  // biome-ignore lint/correctness/useExhaustiveDependencies: the URL (key) is what changes; its parts are read from it
  useEffect(() => {
    setName(query.name);
    setType(query.type);
    setSize(query.size);
  }, [key]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the URL (key) and a retry (attempt) say when to load; query and tokens are read from it
  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(undefined);
    fetchPage(query, tokens[tokens.length - 1]).then(
      (p) => {
        if (!live) return;
        setPage(p);
        setLoading(false);
      },
      (e) => {
        if (!live) return;
        setError(e);
        setPage(undefined);
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [key, attempt]);

  const countKey = `${query.name}\u0000${query.type}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: counted again when the search or filter changes (not the page), or on retry
  useEffect(() => {
    let live = true;
    setCount(undefined);
    countAll(query).then(
      (c) => live && setCount(c),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [countKey, attempt]);

  const search = (e: FormEvent) => {
    e.preventDefault();
    location.hash = listHref({ name: name.trim(), type, size }, []);
  };
  const clear = () => {
    location.hash = listHref({ name: '', type: '', size }, []);
  };

  const canCreate = session.Role === 'ADMIN' || session.Role === 'AUTHOR';
  const filtered = query.name || query.type;
  const pageNo = tokens.length + 1;
  const empty = filtered ? (
    <>No connector matches this search. Try fewer letters of the name, or any type.</>
  ) : session.Role === 'ADMIN' ? (
    <>
      There are no connectors in this account yet. <a href={href('connectors', 'new')}>Create the first one.</a>
    </>
  ) : session.Role === 'AUTHOR' ? (
    <>
      You have no connectors yet: none you created and none shared with you (others may exist that you cannot see).{' '}
      <a href={href('connectors', 'new')}>Create one</a>, or ask a colleague to share theirs.
    </>
  ) : (
    <>No connectors are shared with you yet. Ask an administrator or a connector&rsquo;s owner to share one with you.</>
  );
  return (
    <>
      <div className="page-head">
        <PageHeading title="Connectors">Connectors</PageHeading>
        {canCreate ? (
          <a className="button" href={href('connectors', 'new')}>
            Create connector
          </a>
        ) : null}
      </div>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <search aria-label="Connectors">
        <form className="search" onSubmit={search}>
          <Field label="Name contains" name="q" value={name} onChange={setName} />
          <SelectField
            label="Type"
            name="type"
            value={type}
            onChange={setType}
            options={[
              { value: '', label: 'Any type' },
              ...meta.ConnectorTypes.map((t) => ({ value: t.Type, label: typeName(t.Type), title: t.Type })).sort((x, y) => x.label.localeCompare(y.label)),
            ]}
          />
          <SelectField
            label="Per page"
            name="size"
            value={String(size)}
            onChange={(v) => setSize(Number(v))}
            options={PAGE_SIZES.map((n) => ({ value: String(n), label: String(n) }))}
          />
          <div className="buttons">
            <button type="submit">Search</button>
            {filtered ? (
              <button type="button" className="secondary" onClick={clear}>
                Clear
              </button>
            ) : null}
          </div>
        </form>
      </search>
      {error ? (
        <div className="retry">
          <ErrorBox error={error} title="The connectors could not be loaded." />
          <button type="button" className="secondary" onClick={() => setAttempt((n) => n + 1)}>
            Try again
          </button>
        </div>
      ) : null}
      {page?.note ? <p className="hint">{page.note}</p> : null}
      <p className="count" aria-live="polite">
        {count ? countText(count, Boolean(filtered)) : '\u00a0'}
      </p>
      <div aria-live="polite" aria-busy={loading}>
        {loading && !page ? (
          <div className="skeleton" aria-hidden="true">
            <div />
            <div />
            <div />
          </div>
        ) : null}
        {loading ? <span className="sr-only">Loading connectors…</span> : null}
        {page && page.items.length === 0 ? <p className="empty">{empty}</p> : null}
        {page && page.items.length > 0 ? (
          <table className="cards">
            <caption className="sr-only">Connectors, page {pageNo}</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">ID</th>
                <th scope="col">Type</th>
                <th scope="col">Status</th>
                <th scope="col">Last updated</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((c) => (
                <tr key={c.ActionConnectorId}>
                  <th scope="row" data-label="Name">
                    <a href={href('connectors', c.ActionConnectorId)}>{c.Name}</a>
                  </th>
                  <td data-label="ID">
                    <code>{c.ActionConnectorId}</code>
                  </td>
                  <td data-label="Type" title={c.Type}>
                    {typeName(c.Type)}
                  </td>
                  <td data-label="Status" title={c.Status}>
                    {statusName(c.Status)}
                  </td>
                  <td data-label="Last updated">{when(c.LastUpdatedTime)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
      {/* Paging only when there is more than one page. */}
      {pageNo > 1 || page?.next ? (
        <nav className="pager" aria-label="Pages">
          <button
            type="button"
            className="secondary"
            disabled={pageNo <= 1 || loading}
            onClick={() => {
              location.hash = listHref(query, tokens.slice(0, -1));
            }}
          >
            Previous page
          </button>
          <span>Page {pageNo}</span>
          <button
            type="button"
            className="secondary"
            disabled={!page?.next || loading}
            onClick={() => {
              if (page?.next) location.hash = listHref(query, [...tokens, page.next]);
            }}
          >
            Next page
          </button>
        </nav>
      ) : null}
    </>
  );
}
