// What the `actionbridge` commands share: reading a command's options by their flag
// names, help examples, the store options, output as JSON or a table, and progress.
import type { Command } from 'commander';
import { ConfigError, resolveConfig, type Config, type Flags } from '../config.js';
import { UsageError } from '../identities.js';

export type Values = Record<string, string | string[] | boolean | undefined>;

/** A command's options by their long name (--data-dir → 'data-dir'), as resolveConfig and the handlers take them. */
export function values(cmd: Command): Values {
  const o = cmd.opts();
  const v: Values = {};
  for (const opt of cmd.options) {
    const long = opt.long?.slice(2);
    const x = o[opt.attributeName()];
    if (long && x !== undefined) v[long] = x as string | string[] | boolean;
  }
  return v;
}

/** For repeatable options: `--group a --group b` → ['a', 'b']. */
export const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/** Appends "Examples:" to a command's --help. */
export function examples(cmd: Command, ...lines: string[]): Command {
  return cmd.addHelpText('after', `\nExample${lines.length > 1 ? 's' : ''}:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`);
}

/** --data-dir, --database-url, --region, --config: where the commands that work on the store find it. */
export function storeOptions(cmd: Command): Command {
  return cmd
    .option('--data-dir <dir>', 'data dir of the SQLite store [ACTIONBRIDGE_DATA_DIR] (default: ./data)')
    .option('--database-url <url>', 'PostgreSQL (postgres://...) instead of SQLite [ACTIONBRIDGE_DATABASE_URL]')
    .option('--region <region>', 'region of the ARNs [ACTIONBRIDGE_REGION] (default: us-east-1)')
    .option('--config <file>', 'config file, YAML or JSON [ACTIONBRIDGE_CONFIG]');
}

/** --json and --table for commands that list things. */
export function listOptions(cmd: Command): Command {
  return cmd.option('--json', 'print JSON (the default when stdout is not a terminal)').option('--table', 'print a table (the default on a terminal)');
}

/** --progress for long work. */
export function progressOption(cmd: Command): Command {
  return cmd.option('--progress', 'report progress on stderr (the default when stderr is a terminal)');
}

export function configOf(v: Values): Config {
  try {
    return resolveConfig(v as Flags);
  } catch (e) {
    if (e instanceof ConfigError) throw new UsageError(e.message);
    throw e;
  }
}

export const print = (o: unknown) => process.stdout.write(`${JSON.stringify(o, null, 2)}\n`);

export const need = (v: Values, k: string): string => {
  const x = v[k];
  if (typeof x !== 'string' || !x) throw new UsageError(`--${k} is required`);
  return x;
};

const cell = (x: unknown): string => {
  if (x === undefined || x === null || x === '') return '-';
  if (Array.isArray(x)) return x.length ? x.map(cell).join(',') : '-';
  if (x instanceof Date) return x.toISOString();
  if (typeof x === 'object') return JSON.stringify(x);
  return String(x);
};

/** Rows as an aligned text table; columns: the given ones, or the keys of the rows. */
export function renderTable(rows: Record<string, unknown>[], columns?: string[]): string {
  if (rows.length === 0) return '(none)\n';
  const cols = columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cells = [cols, ...rows.map((r) => cols.map((c) => cell(r[c])))];
  const widths = cols.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  const lines = cells.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  '));
  return `${lines.join('\n')}\n`;
}

/**
 * A list's result: JSON (`--json`, or stdout is not a terminal: what scripts and pipes get,
 * as before) or a table of `o[key]` (`--table`, or a terminal).
 */
export function printList(v: Values, o: Record<string, unknown>, key: string, columns?: string[]): void {
  const table = v.table === true || (v.json !== true && process.stdout.isTTY === true);
  if (!table) {
    print(o);
    return;
  }
  const rows = (o[key] ?? []) as Record<string, unknown>[];
  const rest = Object.entries(o).filter(([k, x]) => k !== key && x !== undefined);
  process.stdout.write(renderTable(rows, columns));
  for (const [k, x] of rest) process.stdout.write(`${k}: ${cell(x)}\n`);
}

export type Progress = (message: string, done?: number, total?: number) => void;

/** Progress on stderr with --progress, or when stderr is a terminal; otherwise nothing. */
export function progressOf(v: Values): Progress | undefined {
  const tty = process.stderr.isTTY === true;
  if (v.progress !== true && !tty) return undefined;
  let lastStep = -1;
  return (message, done, total) => {
    if (done === undefined || total === undefined) {
      process.stderr.write(`${tty ? '\r\x1b[K' : ''}${message}\n`);
      return;
    }
    if (tty) {
      process.stderr.write(`\r\x1b[K${message} ${done}/${total}${done === total ? '\n' : ''}`);
      return;
    }
    // Not a terminal: a line at every tenth and at the end.
    const step = total === 0 ? 10 : Math.floor((done * 10) / total);
    if (step !== lastStep || done === total) {
      lastStep = step;
      process.stderr.write(`${message} ${done}/${total}\n`);
    }
  };
}
