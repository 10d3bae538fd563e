// A connector's API definition (issue 17): what it is now, and a new document — chosen as
// a file or pasted, with filters — previewed (a dry run: the actions it gives, what is
// skipped and why) before it is saved. Saving reports the actions that left EnabledActions.
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { ApiError, call, when, type Output } from '../api';
import { ErrorBox, Field, Notice, useLoad } from '../ui';

type Summary = Output<'PutActionConnectorApiDefinition'>['ApiDefinition'];

const list = (s: string) =>
  s
    .split(/[,\n]/)
    .map((x) => x.trim())
    .filter(Boolean);

/** Filters as the operation takes them, or undefined when none is given. */
function filterOf(ids: string, tags: string, prefixes: string): Record<string, string[]> | undefined {
  const f: Record<string, string[]> = {};
  if (list(ids).length) f.OperationIds = list(ids);
  if (list(tags).length) f.Tags = list(tags);
  if (list(prefixes).length) f.PathPrefixes = list(prefixes);
  return Object.keys(f).length ? f : undefined;
}

function ActionsTable({ summary, caption }: { summary: Summary; caption: string }) {
  return (
    <>
      <table className="cards">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Action</th>
            <th scope="col">Request</th>
            <th scope="col">Enabled</th>
          </tr>
        </thead>
        <tbody>
          {summary.Actions.map((a) => (
            <tr key={a.ActionId}>
              <th scope="row" data-label="Action">
                {a.Name} <code>{a.ActionId}</code>
              </th>
              <td data-label="Request">
                <code>
                  {a.Method} {a.Path}
                </code>
              </td>
              <td data-label="Enabled">{a.Enabled ? 'Yes' : 'No'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {summary.Skipped.length ? (
        <details>
          <summary>
            {summary.Skipped.length} operation{summary.Skipped.length === 1 ? '' : 's'} not turned into actions
          </summary>
          <ul>
            {summary.Skipped.map((s) => (
              <li key={s.Operation}>
                <code>{s.Operation}</code>: {s.Reason}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {summary.Notes.length ? (
        <details>
          <summary>Notes ({summary.Notes.length})</summary>
          <ul>
            {summary.Notes.slice(0, 200).map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}

export function ApiDefinitionSection({ id, mayChange }: { id: string; mayChange: boolean }) {
  const current = useLoad(
    () =>
      call('DescribeActionConnectorApiDefinition', { ActionConnectorId: id }).catch((e: unknown) => {
        if (e instanceof ApiError && e.code === 'ResourceNotFoundException') return undefined;
        throw e;
      }),
    [id],
  );
  const [doc, setDoc] = useState('');
  const [ids, setIds] = useState('');
  const [tags, setTags] = useState('');
  const [prefixes, setPrefixes] = useState('');
  const [exTags, setExTags] = useState('');
  const [preview, setPreview] = useState<Summary | undefined>();
  const [state, setState] = useState<{ busy?: boolean; error?: unknown; docError?: string; saved?: string }>({});

  const input = () => {
    const include = filterOf(ids, tags, prefixes);
    const exclude = filterOf('', exTags, '');
    return { ActionConnectorId: id, Document: doc, ...(include ? { Include: include } : {}), ...(exclude ? { Exclude: exclude } : {}) };
  };
  const failed = (err: unknown) => {
    const docError = err instanceof ApiError ? err.problems.find((p) => p.path === 'document')?.rule : undefined;
    setState({ error: docError ? undefined : err, ...(docError ? { docError } : {}) });
  };
  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    if (!f) return;
    setDoc(await f.text());
    setPreview(undefined);
  };
  const runPreview = async (e: FormEvent) => {
    e.preventDefault();
    setState({ busy: true });
    try {
      const r = await call('PutActionConnectorApiDefinition', { ...input(), DryRun: true });
      setPreview(r.ApiDefinition);
      setState({});
    } catch (err) {
      setPreview(undefined);
      failed(err);
    }
  };
  const save = async () => {
    setState({ busy: true });
    try {
      const r = await call('PutActionConnectorApiDefinition', input());
      const removed = r.RemovedFromEnabledActions ?? [];
      setState({
        saved:
          `Saved as version ${r.ApiDefinition.DefinitionVersion}: ${r.ApiDefinition.Actions.length} actions.` +
          (removed.length ? ` No longer enabled (gone from the document): ${removed.join(', ')}.` : ''),
      });
      setPreview(undefined);
      setDoc('');
      current.reload();
    } catch (err) {
      failed(err);
    }
  };
  const remove = async () => {
    if (!window.confirm('Delete the API definition and its actions? Invocations already recorded keep their history.')) return;
    setState({ busy: true });
    try {
      const r = await call('DeleteActionConnectorApiDefinition', { ActionConnectorId: id });
      const removed = r.RemovedFromEnabledActions ?? [];
      setState({ saved: `API definition deleted.${removed.length ? ` No longer enabled: ${removed.join(', ')}.` : ''}` });
      current.reload();
    } catch (err) {
      failed(err);
    }
  };

  const def = current.value?.ApiDefinition;
  return (
    <section aria-labelledby="api-h">
      <h2 id="api-h">API definition</h2>
      <p className="hint">
        An OpenAPI 3.0 or 3.1 document (JSON or YAML; Swagger 2.0 is converted). Each operation becomes an action of this connector, sent to its base endpoint
        with its own sign-in: the document's servers and security schemes are never used.
      </p>
      <ErrorBox error={current.error} />
      {state.saved ? <Notice kind="success">{state.saved}</Notice> : null}
      {current.loading && !current.value ? <p role="status">Loading…</p> : null}
      {!current.loading && !def ? <p className="empty">This connector has no API definition.</p> : null}
      {def ? (
        <>
          <p>
            <strong>{def.Title}</strong> {def.ApiVersion ? `version ${def.ApiVersion}` : ''} — definition version {def.DefinitionVersion}
            {def.CreatedTime ? `, saved ${when(def.CreatedTime as unknown as number)}` : ''}
          </p>
          <ActionsTable summary={def} caption="Actions from the API definition" />
          {mayChange ? (
            <p>
              <button type="button" className="secondary" onClick={remove} disabled={state.busy}>
                Delete API definition
              </button>
            </p>
          ) : null}
        </>
      ) : null}
      {mayChange ? (
        <form onSubmit={runPreview} noValidate>
          <h3>{def ? 'Replace with a new document' : 'Add a document'}</h3>
          <div className="field">
            <div className="label">
              <label htmlFor="api-file">Document file</label>
            </div>
            <input id="api-file" type="file" accept=".json,.yaml,.yml,application/json,application/yaml,text/yaml" onChange={onFile} />
          </div>
          <Field
            label="Or paste the document"
            value={doc}
            multiline
            onChange={(v) => {
              setDoc(v);
              setPreview(undefined);
            }}
            error={state.docError}
          />
          <Field label="Only these operation ids" value={ids} onChange={setIds} hint="Comma-separated; leave the filters empty for every operation." />
          <Field label="Only these tags" value={tags} onChange={setTags} />
          <Field label="Only paths starting with" value={prefixes} onChange={setPrefixes} hint="For example /orders" />
          <Field label="Leave out these tags" value={exTags} onChange={setExTags} />
          <ErrorBox error={state.error} />
          <p>
            <button type="submit" disabled={state.busy || !doc.trim()}>
              Preview actions
            </button>{' '}
            {preview ? (
              <button type="button" onClick={save} disabled={state.busy}>
                Save ({preview.Actions.length} actions)
              </button>
            ) : null}
          </p>
          {preview ? (
            <div aria-live="polite">
              <p>
                Preview of <strong>{preview.Title}</strong>: {preview.Actions.length} actions. Nothing is saved until you choose Save.
              </p>
              <ActionsTable summary={preview} caption="Actions the document would give" />
            </div>
          ) : null}
        </form>
      ) : null}
    </section>
  );
}
