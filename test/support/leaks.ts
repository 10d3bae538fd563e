// Looking for secrets where they must never be: the raw bytes of every file in
// a data dir (SQLite main file, WAL, SHM, key files aside), log text, responses.
import fs from 'node:fs';
import path from 'node:path';

/** How a secret shows up in `bytes`, if it does: as UTF-8, UTF-16, hex or base64. */
export function spelledIn(bytes: Buffer, secret: string): string | undefined {
  if (bytes.includes(Buffer.from(secret, 'utf8'))) return 'utf8';
  if (bytes.includes(Buffer.from(secret, 'utf16le'))) return 'utf16le';
  if (bytes.includes(Buffer.from(Buffer.from(secret).toString('hex')))) return 'hex';
  const b64 = Buffer.from(secret).toString('base64').replace(/=+$/, '');
  if (b64.length > 4 && bytes.includes(Buffer.from(b64.slice(0, -2)))) return 'base64';
  return undefined;
}

/** Where each secret was found: `file: spelling` or `logs` or `responses`; empty when nowhere. */
export function leaks(secrets: string[], where: { dataDir?: string; logs?: string; responses?: string[] }): string[] {
  const found: string[] = [];
  const files = where.dataDir
    ? fs
        .readdirSync(where.dataDir)
        .filter((n) => fs.statSync(path.join(where.dataDir!, n)).isFile())
        .map((n) => ({ name: n, bytes: fs.readFileSync(path.join(where.dataDir!, n)) }))
    : [];
  for (const s of secrets) {
    for (const f of files) {
      const how = spelledIn(f.bytes, s);
      if (how) found.push(`${s.slice(0, 6)}… in ${f.name} (${how})`);
    }
    if (where.logs && spelledIn(Buffer.from(where.logs), s)) found.push(`${s.slice(0, 6)}… in the logs`);
    for (const r of where.responses ?? []) if (spelledIn(Buffer.from(r), s)) found.push(`${s.slice(0, 6)}… in a response`);
  }
  return found;
}
