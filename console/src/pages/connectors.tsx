import { useEffect, useState, type FormEvent } from 'react';
import { call, when, type ActionConnectorSummary, type Meta, type Output, type Session, type Wire } from '../api';
import { ErrorBox, Field, PageHeading, SelectField, href } from '../ui';
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

export function ConnectorList({ session, meta }: { session: Session; meta: Meta }) {
  const [name, setName] = useState('');
  const [type, setType] = useState('');
  const [size, setSize] = useState(25);
  const [query, setQuery] = useState<Query>({ name: '', type: '', size: 25 });
  // tokens[i] is the NextToken that opened page i (undefined for the first).
  const [tokens, setTokens] = useState<(string | undefined)[]>([undefined]);
  const [page, setPage] = useState<{ items: Summary[]; next?: string; note?: string }>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    setLoading(true);
    setError(undefined);
    fetchPage(query, tokens[tokens.length - 1]).then(
      (p) => {
        setPage(p);
        setLoading(false);
      },
      (e) => {
        setError(e);
        setPage(undefined);
        setLoading(false);
      },
    );
  }, [query, tokens]);

  const search = (e: FormEvent) => {
    e.preventDefault();
    setQuery({ name: name.trim(), type, size });
    setTokens([undefined]);
  };
  const clear = () => {
    setName('');
    setType('');
    setQuery({ name: '', type: '', size });
    setTokens([undefined]);
  };

  const canCreate = session.Role === 'ADMIN' || session.Role === 'AUTHOR';
  const filtered = query.name || query.type;
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
      <ErrorBox error={error} />
      {page?.note ? <p className="hint">{page.note}</p> : null}
      <div aria-live="polite" aria-busy={loading}>
        {page && page.items.length === 0 ? (
          <p className="empty">
            {filtered ? 'No connector matches.' : 'No connectors yet.'}
            {!filtered && canCreate ? (
              <>
                {' '}
                <a href={href('connectors', 'new')}>Create one.</a>
              </>
            ) : null}
          </p>
        ) : null}
        {page && page.items.length > 0 ? (
          <table className="cards">
            <caption className="sr-only">Connectors, page {tokens.length}</caption>
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
      <nav className="pager" aria-label="Pages">
        <button type="button" className="secondary" disabled={tokens.length <= 1 || loading} onClick={() => setTokens((t) => t.slice(0, -1))}>
          Previous page
        </button>
        <span>Page {tokens.length}</span>
        <button type="button" className="secondary" disabled={!page?.next || loading} onClick={() => setTokens((t) => [...t, page?.next])}>
          Next page
        </button>
      </nav>
    </>
  );
}
