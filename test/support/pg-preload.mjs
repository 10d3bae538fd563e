// Test-only (PostgreSQL mode, see pg-store.ts): loaded into every process the tests
// start (NODE_OPTIONS). When bin/actionbridge runs with a --data-dir that holds
// `.test-database-url` and no database was named, that URL is used: the data dir
// stands for its PostgreSQL schema, as it stands for its SQLite file otherwise.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const argv = process.argv;
let dir;
for (let i = 2; i < argv.length; i++) {
  if (argv[i] === '--data-dir') dir = argv[i + 1];
  else if (argv[i].startsWith('--data-dir=')) dir = argv[i].slice('--data-dir='.length);
}
const named = argv.some((a) => a === '--database-url' || a.startsWith('--database-url=')) || process.env.ACTIONBRIDGE_DATABASE_URL;
if (dir && !named) {
  const f = path.join(dir, '.test-database-url');
  if (existsSync(f)) process.env.ACTIONBRIDGE_DATABASE_URL = readFileSync(f, 'utf8').trim();
}
