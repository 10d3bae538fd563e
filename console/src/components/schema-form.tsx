// A form made from an action's InputSchema (JSON Schema, type object): one field
// per property — a list for enums, a number field for numbers, a checkbox for
// booleans, a text field for strings, and JSON for objects, arrays and anything else.
import { useEffect, useState, type FormEvent } from 'react';
import { Field, SelectField, useId } from '../ui';
import { humanize } from '../labels';

export type Schema = {
  type?: string | string[];
  enum?: unknown[];
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  maxLength?: number;
  default?: unknown;
};

type Kind = 'enum' | 'string' | 'number' | 'integer' | 'boolean' | 'json';

function kindOf(s: Schema): Kind {
  if (Array.isArray(s.enum) && s.enum.every((v) => typeof v === 'string')) return 'enum';
  if (s.type === 'string') return 'string';
  if (s.type === 'number' || s.type === 'integer') return s.type;
  if (s.type === 'boolean') return 'boolean';
  return 'json';
}

function Check({ label, checked, onChange, hint }: { label: string; checked: boolean; onChange: (v: boolean) => void; hint?: string }) {
  const id = useId('c');
  return (
    <div className="field check">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} aria-describedby={hint ? `${id}-hint` : undefined} />
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <div className="hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
    </div>
  );
}

export function SchemaForm({
  schema,
  onSubmit,
  busy,
  submitLabel,
  serverErrors,
}: {
  schema: Schema;
  onSubmit: (input: Record<string, unknown>) => void;
  busy?: boolean;
  submitLabel: string;
  /** Messages by property name (from the server). */
  serverErrors?: Record<string, string>;
}) {
  const props = Object.entries(schema.properties ?? {});
  const required = new Set(schema.required ?? []);
  const [values, setValues] = useState<Record<string, string | boolean>>(() =>
    Object.fromEntries(
      props.map(([k, s]) => {
        const kind = kindOf(s);
        if (kind === 'boolean') return [k, s.default === true];
        if (s.default !== undefined) return [k, kind === 'json' ? JSON.stringify(s.default, null, 2) : String(s.default)];
        return [k, ''];
      }),
    ),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [focusErrors, setFocusErrors] = useState(0);
  useEffect(() => {
    if (focusErrors) document.querySelector<HTMLElement>('.schema-form [aria-invalid="true"]')?.focus();
  }, [focusErrors]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input: Record<string, unknown> = {};
    const errs: Record<string, string> = {};
    for (const [k, s] of props) {
      const kind = kindOf(s);
      const v = values[k];
      if (kind === 'boolean') {
        if (v || required.has(k)) input[k] = Boolean(v);
        continue;
      }
      const text = String(v ?? '');
      if (text === '') {
        if (required.has(k)) errs[k] = 'Enter a value: this field is required.';
        continue;
      }
      if (kind === 'number' || kind === 'integer') {
        const n = Number(text);
        if (!Number.isFinite(n) || (kind === 'integer' && !Number.isInteger(n))) errs[k] = `Enter ${kind === 'integer' ? 'a whole number' : 'a number'}.`;
        else input[k] = n;
      } else if (kind === 'json') {
        try {
          input[k] = JSON.parse(text);
        } catch {
          // A bare word is taken as a string (a body, say); anything else must be JSON.
          if (/^[{["]/.test(text.trim())) errs[k] = 'This is not valid JSON: check the brackets, quotes and commas.';
          else input[k] = text;
        }
      } else input[k] = text;
    }
    setErrors(errs);
    if (Object.keys(errs).length) {
      setFocusErrors((n) => n + 1);
      return;
    }
    onSubmit(input);
  };

  const set = (k: string) => (v: string | boolean) => setValues((x) => ({ ...x, [k]: v }));
  return (
    <form className="schema-form" onSubmit={submit} noValidate>
      {props.length === 0 ? <p className="hint">This action takes no input.</p> : null}
      {props.map(([k, s]) => {
        const kind = kindOf(s);
        const error = errors[k] ?? serverErrors?.[k];
        const hint =
          [s.description, kind === 'json' ? 'JSON (an object, list, number or quoted text; plain text is sent as text).' : undefined]
            .filter(Boolean)
            .join(' ') || undefined;
        if (kind === 'boolean') return <Check key={k} label={humanize(k)} checked={values[k] === true} onChange={set(k)} hint={hint} />;
        if (kind === 'enum') {
          return (
            <SelectField
              key={k}
              label={humanize(k)}
              name={k}
              value={String(values[k] ?? '')}
              onChange={set(k)}
              required={required.has(k)}
              error={error}
              hint={hint}
              options={[
                ...(required.has(k) ? [] : [{ value: '', label: '(none)' }]),
                ...(required.has(k) && !values[k] ? [{ value: '', label: 'Choose…' }] : []),
                ...(s.enum as string[]).map((v) => ({ value: v, label: v })),
              ]}
            />
          );
        }
        return (
          <Field
            key={k}
            label={humanize(k)}
            name={k}
            value={String(values[k] ?? '')}
            onChange={set(k)}
            required={required.has(k)}
            error={error}
            hint={hint}
            type={kind === 'number' || kind === 'integer' ? 'number' : 'text'}
            multiline={kind === 'json' || (s.maxLength ?? 0) > 2048}
          />
        );
      })}
      <div className="buttons">
        <button type="submit" disabled={busy}>
          {busy ? 'Running…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
