// Small building blocks shared by the pages: routing, headings that take focus,
// labelled fields with their error messages, alerts.
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { ApiError } from './api';

// ---- routing (the hash, so that the server serves one page) -------------------------
let navigated = false;

// A route may carry a query after '?' (the list's search, filter and page): not part of the path.
const readRoute = () => (location.hash.replace(/^#\/?/, '').split('?')[0] || 'connectors').split('/').map(decodeURIComponent);

/** The query of the hash route (`#/connectors?q=…`). */
export const hashQuery = () => new URLSearchParams(location.hash.split('?')[1] ?? '');

// ---- a notice carried to the next page (after create, save, delete) ----------------------
let flashMessage: string | undefined;
export const flash = (message: string) => {
  flashMessage = message;
};
/** The notice the previous page left, once. */
export function useFlash(): string | undefined {
  const [m] = useState(() => {
    const x = flashMessage;
    flashMessage = undefined;
    return x;
  });
  return m;
}

export function useRoute(): string[] {
  const [route, setRoute] = useState(readRoute);
  useEffect(() => {
    const on = () => {
      navigated = true;
      setRoute(readRoute());
    };
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}

export const href = (...parts: string[]) => `#/${parts.map(encodeURIComponent).join('/')}`;
export function go(...parts: string[]): void {
  location.hash = href(...parts);
}

/** The page's heading; after a navigation it takes the focus, so that screen readers announce the new page. */
export function PageHeading({ children, title }: { children: ReactNode; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ActionBridge`;
    if (navigated) ref.current?.focus();
  }, [title]);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}

// ---- fields ----------------------------------------------------------------------------
let counter = 0;
export const useId = (prefix: string) => useState(() => `${prefix}-${++counter}`)[0];

interface FieldProps {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  hint?: ReactNode;
  type?: string;
  required?: boolean;
  autoComplete?: string;
  disabled?: boolean;
  name?: string;
  inputMode?: 'text' | 'numeric' | 'url' | 'email';
  placeholder?: string;
  multiline?: boolean;
  list?: string;
}

export function Field(p: FieldProps) {
  const id = useId('f');
  const hintId = p.hint ? `${id}-hint` : undefined;
  const errId = p.error ? `${id}-error` : undefined;
  const described = [hintId, errId].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: p.name,
    value: p.value,
    required: p.required,
    disabled: p.disabled,
    'aria-invalid': p.error ? true : undefined,
    'aria-describedby': described,
    autoComplete: p.autoComplete ?? 'off',
    placeholder: p.placeholder,
  };
  return (
    <div className={`field${p.error ? ' has-error' : ''}`}>
      <div className="label">
        <label htmlFor={id}>{p.label}</label>
        {p.required ? (
          <span className="req" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </div>
      {p.hint ? (
        <div className="hint" id={hintId}>
          {p.hint}
        </div>
      ) : null}
      {p.multiline ? (
        <textarea {...common} rows={4} onChange={(e) => p.onChange(e.target.value)} />
      ) : (
        <input {...common} type={p.type ?? 'text'} inputMode={p.inputMode} list={p.list} onChange={(e) => p.onChange(e.target.value)} />
      )}
      {p.error ? (
        <div className="error" id={errId}>
          {p.error}
        </div>
      ) : null}
    </div>
  );
}

/**
 * A secret (password, API key, client secret): never shown once stored ("Set"), kept
 * unless the user types a new one, out of reach of password managers (no saving, no
 * generating), and show/hide only for what is typed now.
 */
export function SecretField(p: { label: string; name: string; value: string; onChange: (v: string) => void; error?: string; stored: boolean }) {
  const id = useId('secret');
  const [shown, setShown] = useState(false);
  const hintId = `${id}-hint`;
  const errId = p.error ? `${id}-error` : undefined;
  const typed = p.value.length > 0;
  return (
    <div className={`field secret${p.error ? ' has-error' : ''}`}>
      <div className="label">
        <label htmlFor={id}>{p.label}</label>
        {p.stored ? (
          <span className="badge secret-set">Set</span>
        ) : (
          <span className="req" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </div>
      <div className="hint" id={hintId}>
        {p.stored
          ? 'Stored encrypted and never shown. Leave it blank to keep it; type a new one to replace it.'
          : 'Stored encrypted; it is never shown again after you save.'}
      </div>
      <div className="secret-input">
        <input
          id={id}
          name={p.name}
          type={shown && typed ? 'text' : 'password'}
          value={p.value}
          required={!p.stored}
          placeholder={p.stored ? 'Set (leave blank to keep)' : undefined}
          autoComplete="new-password"
          spellCheck={false}
          autoCapitalize="off"
          data-1p-ignore="true"
          data-lpignore="true"
          data-bwignore="true"
          data-form-type="other"
          aria-invalid={p.error ? true : undefined}
          aria-describedby={[hintId, errId].filter(Boolean).join(' ')}
          onChange={(e) => {
            if (!e.target.value) setShown(false);
            p.onChange(e.target.value);
          }}
        />
        {typed ? (
          <button type="button" className="secondary small" aria-pressed={shown} aria-controls={id} onClick={() => setShown((x) => !x)}>
            {shown ? 'Hide' : 'Show'}
            <span className="sr-only"> {p.label.toLowerCase()}</span>
          </button>
        ) : null}
      </div>
      {p.error ? (
        <div className="error" id={errId}>
          {p.error}
        </div>
      ) : null}
    </div>
  );
}

export function SelectField(p: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  /** `title`: shown on hover (the API's name of a value shown in words). */
  options: { value: string; label: string; title?: string }[];
  error?: string;
  hint?: ReactNode;
  disabled?: boolean;
  required?: boolean;
  name?: string;
}) {
  const id = useId('s');
  const hintId = p.hint ? `${id}-hint` : undefined;
  const errId = p.error ? `${id}-error` : undefined;
  return (
    <div className={`field${p.error ? ' has-error' : ''}`}>
      <div className="label">
        <label htmlFor={id}>{p.label}</label>
        {p.required ? (
          <span className="req" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </div>
      {p.hint ? (
        <div className="hint" id={hintId}>
          {p.hint}
        </div>
      ) : null}
      <select
        id={id}
        name={p.name}
        value={p.value}
        disabled={p.disabled}
        required={p.required}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={[hintId, errId].filter(Boolean).join(' ') || undefined}
        onChange={(e) => p.onChange(e.target.value)}
      >
        {p.options.map((o) => (
          <option key={o.value} value={o.value} title={o.title}>
            {o.label}
          </option>
        ))}
      </select>
      {p.error ? (
        <div className="error" id={errId}>
          {p.error}
        </div>
      ) : null}
    </div>
  );
}

// ---- messages ---------------------------------------------------------------------------
export function ErrorBox({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  const e = error as ApiError;
  return (
    <div className="alert alert-error" role="alert">
      {title ? <strong>{title} </strong> : null}
      {/* Operation names are for programs: the sign-in is a button in the console. */}
      <span>{(e.message ?? String(error)).replace(/Sign in with StartActionConnectorAuthorization\./, "Sign in on the connector's Overview page.")}</span>
      {e.code && e.code !== 'NetworkError' ? <span className="code"> ({e.code})</span> : null}
    </div>
  );
}

export function Notice({ children, kind = 'info' }: { children: ReactNode; kind?: 'info' | 'success' | 'warning' }) {
  return (
    <div className={`alert alert-${kind}`} role="status">
      {children}
    </div>
  );
}

/** Loads something when `deps` change; gives the value, the error and a reload function. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): { value?: T; error?: unknown; loading: boolean; reload: () => void } {
  const [state, setState] = useState<{ value?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [n, setN] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's deps say when to load (as for useEffect), and n counts reload() calls; `load` is a new closure on every render and must not re-run the effect
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (value) => {
        if (live) setState({ value, loading: false });
      },
      (error) => {
        if (live) setState({ error, loading: false });
      },
    );
    return () => {
      live = false;
    };
  }, [...deps, n]);
  const reload = useCallback(() => setN((x) => x + 1), []);
  return { ...state, reload };
}

export const shortAction = (a: string) => a.replace(/^quicksight:/, '');
