// Private file modes for the data dir: the directory 0700, the database files
// (actionbridge.db and SQLite's -wal, -shm, -journal), master.keys and
// bootstrap-credentials.json 0600, whatever the process umask. SQLite creates its
// -wal and -shm files with the mode of the database file, so a database file made
// 0600 before SQLite opens it keeps its companions private too.
import { errorCode, errorMessage } from '../error-text.js';
import { type Stats, chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import path from 'node:path';

export const DIR_MODE = 0o700;
export const FILE_MODE = 0o600;

/** The files of a data dir that must be private. */
export const PRIVATE_FILES = [
  'actionbridge.db',
  'actionbridge.db-wal',
  'actionbridge.db-shm',
  'actionbridge.db-journal',
  'master.keys',
  'bootstrap-credentials.json',
];

/** A mode that was looser than it should be and what was done about it. */
export interface Tightened {
  path: string;
  from: string;
  to: string;
  error?: string;
}

const octal = (m: number) => `0${(m & 0o777).toString(8)}`;

/** Sets `file` to `mode` when it is looser (any bit beyond it); returns what changed. */
function tighten(file: string, mode: number): Tightened | undefined {
  let st: Stats;
  try {
    st = statSync(file);
  } catch {
    return undefined;
  }
  if ((st.mode & 0o777 & ~mode) === 0) return undefined;
  const out: Tightened = { path: file, from: octal(st.mode), to: octal(mode) };
  try {
    chmodSync(file, mode);
  } catch (e) {
    out.error = errorMessage(e) ?? String(e);
  }
  return out;
}

/** Whether modes mean anything here (not on Windows). */
const POSIX = process.platform !== 'win32';

/**
 * Creates the data dir 0700 if it does not exist (and `create`), and tightens it and the private files
 * in it that exist with looser modes. Returns what was tightened (for a log line);
 * a mode that cannot be changed (not the owner) is reported with its error, not thrown.
 */
export function securePrivateDir(dataDir: string, create = true): Tightened[] {
  const existed = existsSync(dataDir);
  if (!existed && !create) return [];
  mkdirSync(dataDir, { recursive: true, mode: DIR_MODE });
  if (!POSIX) return [];
  const out: Tightened[] = [];
  if (!existed) {
    try {
      chmodSync(dataDir, DIR_MODE);
    } catch {
      /* reported below if still loose */
    }
  }
  const d = tighten(dataDir, DIR_MODE);
  if (d && existed) out.push(d);
  for (const f of PRIVATE_FILES) {
    const t = tighten(path.join(dataDir, f), FILE_MODE);
    if (t) out.push(t);
  }
  return out;
}

/** Creates `file` empty with mode 0600 if it does not exist (before SQLite opens it), and makes an existing one 0600. */
export function privateFile(file: string): void {
  if (!existsSync(file)) {
    try {
      closeSync(openSync(file, 'wx', FILE_MODE));
    } catch (e) {
      if (errorCode(e) !== 'EEXIST') throw e;
    }
  }
  if (POSIX) tighten(file, FILE_MODE);
}
