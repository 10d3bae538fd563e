// Helpers of test/security-destination.test.ts: an end user's sign-in through the
// provider's pages, and rewriting a data dir into the format written before connector
// secrets and tokens were bound to their destination (the legacy-AAD fixture).
import { createHash } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import { ACCOUNT, type TestUser } from '../helpers.js';
import { KeyRing } from '../../src/crypto/keyring.js';
import type { TestBrowser } from './browser.js';
import { connectorOps } from './extension-client.js';
import { confirmationPage } from './security-oauth-flow.js';

/** StartActionConnectorAuthorization, ActionBridge's confirmation page, then the provider's login and consent pages, back to /oauth/callback. */
export async function signIn(browser: TestBrowser, endpoint: string, id: string, user: TestUser, login: string): Promise<void> {
  const start = await connectorOps(endpoint, ACCOUNT, id).authorize(user);
  if (start.status !== 200) throw new Error(`authorize: ${start.status} ${JSON.stringify(start.body)}`);
  browser.forgetCookies();
  // ActionBridge's confirmation page first; its Continue button leads to the provider's login.
  const page = await browser.submit(await confirmationPage(browser, start.body.AuthorizationUrl as string));
  const consent = await browser.submit(page, { login, password: 'any' });
  const done = await browser.submit(consent);
  if (!done.body.includes('Signed in')) throw new Error(`sign-in failed: ${done.body.slice(0, 300)}`);
}

interface ConnectorRow {
  region: string;
  account_id: string;
  connector_id: string;
  type: string;
  auth_type: string;
  auth_public: string;
  vpc_connection_arn: string | null;
  auth_secret: string | null;
  updated_at: number;
}

/**
 * Rewrites the SQLite database of a stopped server as an ActionBridge from before the
 * destination binding left it: connector secrets sealed with AAD `connector|region|account|id`,
 * tokens with `connector-token|region|account|id|principal` and the fingerprints of then,
 * and no record of the re-sealing. `current(row)` is the AAD of a connector row now.
 */
export function writeLegacyFormat(dbPath: string, dataDir: string, digestOf: (row: ConnectorRow) => string): { connectors: number; tokens: number } {
  const keys = KeyRing.load({ dataDir, create: false });
  const db = new BetterSqlite3(dbPath);
  try {
    const rows = db.prepare('select * from connectors').all() as ConnectorRow[];
    const byKey = new Map(rows.map((r) => [`${r.region}|${r.account_id}|${r.connector_id}`, r]));
    let connectors = 0;
    let tokens = 0;
    for (const r of rows) {
      if (r.auth_secret === null) continue;
      const k = `${r.region}|${r.account_id}|${r.connector_id}`;
      const plain = keys.open(r.auth_secret, `connector|${k}|${digestOf(r)}`);
      db.prepare('update connectors set auth_secret = ? where region = ? and account_id = ? and connector_id = ?').run(
        keys.seal(plain, `connector|${k}`),
        r.region,
        r.account_id,
        r.connector_id,
      );
      connectors++;
    }
    for (const t of db.prepare('select region, account_id, connector_id, principal, token_sealed from connector_tokens').all() as {
      region: string;
      account_id: string;
      connector_id: string;
      principal: string;
      token_sealed: string;
    }[]) {
      const k = `${t.region}|${t.account_id}|${t.connector_id}`;
      const c = byKey.get(k)!;
      const plain = keys.open(t.token_sealed, `connector-token|${k}|${t.principal}|${digestOf(c)}`);
      db.prepare(
        'update connector_tokens set token_sealed = ?, fingerprint = ? where region = ? and account_id = ? and connector_id = ? and principal = ?',
      ).run(keys.seal(plain, `connector-token|${k}|${t.principal}`), legacyFingerprint(c, t.principal), t.region, t.account_id, t.connector_id, t.principal);
      tokens++;
    }
    db.prepare("delete from meta where name = 'aad-destination'").run();
    return { connectors, tokens };
  } finally {
    db.close();
  }
}

/** The token fingerprint ActionBridge computed before the destination digest. */
function legacyFingerprint(c: ConnectorRow, principal: string): string {
  const h = createHash('sha256');
  if (principal === '') {
    h.update(c.auth_public)
      .update('\n')
      .update(String(c.updated_at))
      .update('\n')
      .update(c.vpc_connection_arn ?? '');
  } else {
    type Obj = Record<string, any>;
    const d = (JSON.parse(c.auth_public) as Obj).AuthenticationMetadata?.AuthorizationCodeGrantMetadata?.AuthorizationCodeGrantCredentialsDetails
      ?.AuthorizationCodeGrantDetails as Obj | undefined;
    h.update(JSON.stringify([c.auth_type, d?.ClientId, d?.TokenEndpoint, d?.AuthorizationEndpoint]));
  }
  return h.digest('hex').slice(0, 32);
}
