import { useEffect, useState, type FormEvent } from 'react';
import { call, when, type ActionConnectorSummary, type Meta, type Output, type Session, type Wire } from '../api';
import { ErrorBox, Field, Notice, PageHeading, SelectField, hashQuery, href, useFlash } from '../ui';
import { statusName, typeName } from '../labels';

type Summary = Wire<ActionConnectorSummary>;
interface Query {
  name: string;
  type: string;
  size: number;
  /** '' (the server's order) or a SORT_KEYS key, '-' first for descending. */
  sort: string;
}

/** The columns the list sorts by: how each compares two connectors. */
const SORT_KEYS: Record<string, (a: Summary, b: Summary) => number> = {
  name: (a, b) => (a.Name ?? '').localeCompare(b.Name ?? '', undefined, { sensitivity: 'base' }),
  type: (a, b) => typeName(a.Type).localeCompare(typeName(b.Type)) || (a.Name ?? '').localeCompare(b.Name ?? ''),
  updated: (a, b) => (a.LastUpdatedTime ?? 0) - (b.LastUpdatedTime ?? 0),
};
const SORT_OPTIONS = [
  { value: '', label: 'As listed' },
  { value: 'name', label: 'Name, A to Z' },
  { value: '-name', label: 'Name, Z to A' },
  { value: 'type', label: 'Type, A to Z' },
  { value: '-type', label: 'Type, Z to A' },
  { value: '-updated', label: 'Last updated, newest first' },
  { value: 'updated', label: 'Last updated, oldest first' },
];
const validSort = (v: string | null) => (v && SORT_KEYS[v.replace(/^-/, '')] ? v : '');

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

/**
 * The list's state, kept in the URL (`#/connectors?q=&type=&size=&sort=&p=&t=…`): reload and Back keep it.
 * `t`: the NextTokens that opened the pages after the first; sorted, `p` is the page number instead.
 */
function readQuery(): { query: Query; tokens: string[]; pageNo: number } {
  const p = hashQuery();
  const size = Number(p.get('size'));
  const pageNo = Math.max(1, Math.floor(Number(p.get('p')) || 1));
  return {
    query: { name: p.get('q') ?? '', type: p.get('type') ?? '', size: PAGE_SIZES.includes(size) ? size : 25, sort: validSort(p.get('sort')) },
    tokens: p.getAll('t'),
    pageNo,
  };
}
function listHref(q: Query, tokens: string[], pageNo = 1): string {
  const p = new URLSearchParams();
  if (q.name) p.set('q', q.name);
  if (q.type) p.set('type', q.type);
  if (q.size !== 25) p.set('size', String(q.size));
  if (q.sort) p.set('sort', q.sort);
  if (q.sort && pageNo > 1) p.set('p', String(pageNo));
  for (const t of q.sort ? [] : tokens) p.append('t', t);
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

/** Sorted: every matching connector (at most COUNT_LIMIT) in the chosen order, and the page asked for. */
async function fetchSorted(q: Query, pageNo: number): Promise<{ items: Summary[]; next?: string; note?: string }> {
  const all: Summary[] = [];
  let token: string | undefined;
  let note: string | undefined;
  do {
    const p = await fetchPage({ ...q, size: 100 }, token);
    all.push(...p.items);
    note = p.note;
    token = p.next;
  } while (token && all.length < COUNT_LIMIT);
  const key = q.sort.replace(/^-/, '');
  const sign = q.sort.startsWith('-') ? -1 : 1;
  all.sort((a, b) => sign * SORT_KEYS[key]!(a, b));
  const from = (pageNo - 1) * q.size;
  if (token) note = `Sorted among the first ${all.length} connectors.`;
  return { items: all.slice(from, from + q.size), next: from + q.size < all.length ? 'sorted' : undefined, note };
}

function countText(c: { n: number; more: boolean }, filtered: boolean): string {
  const one = c.n === 1 && !c.more;
  return `${c.more ? `More than ${c.n}` : c.n} ${one ? 'connector' : 'connectors'}${filtered ? (one ? ' matches' : ' match') : ''}`;
}

export function ConnectorList({ session, meta }: { session: Session; meta: Meta }) {
  const { query, tokens, pageNo: sortedPage } = readQuery();
  const key = listHref(query, tokens, sortedPage);
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
    (query.sort ? fetchSorted(query, sortedPage) : fetchPage(query, tokens[tokens.length - 1])).then(
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
    location.hash = listHref({ name: name.trim(), type, size, sort: query.sort }, []);
  };
  const clear = () => {
    location.hash = listHref({ name: '', type: '', size, sort: query.sort }, []);
  };
  /** A column's header: a button that sorts by it (ascending, then descending), aria-sort saying how it is sorted now. */
  const sortHeader = (label: string, by: string) => {
    const now = query.sort === by ? 'ascending' : query.sort === `-${by}` ? 'descending' : undefined;
    return (
      <th scope="col" aria-sort={now ?? 'none'}>
        <button
          type="button"
          className="sort"
          onClick={() => {
            location.hash = listHref({ ...query, sort: now === 'ascending' ? `-${by}` : by }, []);
          }}
        >
          {label}
          <span aria-hidden="true">{now === 'ascending' ? ' ▲' : now === 'descending' ? ' ▼' : ' ↕'}</span>
          <span className="sr-only">
            {now === 'ascending' ? ', sorted A to Z; sort Z to A' : now === 'descending' ? ', sorted Z to A; sort A to Z' : ', sort'}
          </span>
        </button>
      </th>
    );
  };

  const canCreate = session.Role === 'ADMIN' || session.Role === 'AUTHOR';
  const filtered = query.name || query.type;
  const pageNo = query.sort ? sortedPage : tokens.length + 1;
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
          {/* On a phone the table is cards without headers: the order is chosen here instead. */}
          <div className="narrow-only">
            <SelectField
              label="Sort by"
              name="sort"
              value={query.sort}
              onChange={(v) => {
                location.hash = listHref({ ...query, sort: validSort(v) }, []);
              }}
              options={SORT_OPTIONS}
            />
          </div>
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
                {sortHeader('Name', 'name')}
                <th scope="col">ID</th>
                {sortHeader('Type', 'type')}
                <th scope="col">Status</th>
                {sortHeader('Last updated', 'updated')}
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
              location.hash = query.sort ? listHref(query, [], pageNo - 1) : listHref(query, tokens.slice(0, -1));
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
              if (page?.next) location.hash = query.sort ? listHref(query, [], pageNo + 1) : listHref(query, [...tokens, page.next]);
            }}
          >
            Next page
          </button>
        </nav>
      ) : null}
    </>
  );
}
