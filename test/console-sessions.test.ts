// The console's sessions and API, without a browser: cookie flags, CSRF, idle and
// absolute expiry (on a clock the test moves), sign-out, the failed sign-in limit,
// passwords only as scrypt hashes, access-key sign-in, and the operations answering
// exactly as they do over SigV4.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { ACCOUNT, ADMIN, BIN, qs } from './helpers.js';
import { ConsoleClient, cookieAttributes, startClockServer, type ClockServer } from './support/console.js';

const PASSWORD = 'correct horse battery staple';
const MIN = 60_000;

let s: ClockServer;
let reader: { arn: string; accessKeyId: string; secretAccessKey: string };

beforeAll(async () => {
  s = await startClockServer({}, { idleTimeoutMs: 30 * MIN, absoluteTimeoutMs: 12 * 60 * MIN, maxFailedSignInsPerAddress: 12 });
  await s.setPassword('admin', PASSWORD);
  reader = await s.addUser('rita', 'READER', ['readers']);
  await s.setPassword('rita', 'rita-password-0123');
});
afterAll(async () => {
  await s?.stop();
});

const signIn = async (user = 'admin', password = PASSWORD, c = new ConsoleClient(s.endpoint)) => {
  const r = await c.signIn({ AccountId: ACCOUNT, UserName: user, Password: password });
  return { c, r };
};

describe('sign-in and cookies', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie and a readable CSRF cookie, both on /console, not Secure over plain HTTP', async () => {
    const { r, c } = await signIn();
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ AccountId: ACCOUNT, UserName: 'admin', Role: 'ADMIN', SignedInWith: 'PASSWORD' });
    const cookies = r.setCookies.map(cookieAttributes);
    const session = cookies.find((x) => x.name === 'ab_console_session')!;
    const csrf = cookies.find((x) => x.name === 'ab_console_csrf')!;
    expect(session.value).toMatch(/^[\w-]{43}$/);
    expect(session.attrs).toMatchObject({ httponly: '', samesite: 'Strict', path: '/console', 'max-age': String(12 * 3600) });
    expect(session.attrs.secure).toBeUndefined();
    expect(csrf.attrs).toMatchObject({ samesite: 'Strict', path: '/console' });
    expect(csrf.attrs.httponly).toBeUndefined();
    expect(r.body.CsrfToken).toBe(csrf.value);
    expect(r.headers.get('cache-control')).toBe('no-store');
    const who = await c.request('GET', '/console/api/session');
    expect(who.body).toMatchObject({ SignedIn: true, UserArn: `arn:aws:quicksight:us-east-1:${ACCOUNT}:user/default/admin` });
    // Signing in again gives a new session id and ends the one the browser had.
    const before = new Map(c.jar);
    expect((await c.signIn({ AccountId: ACCOUNT, UserName: 'admin', Password: PASSWORD })).status).toBe(200);
    expect(c.cookie('ab_console_session')).not.toBe(before.get('ab_console_session'));
    const old = new ConsoleClient(s.endpoint);
    for (const [k, v] of before) old.jar.set(k, v);
    expect((await old.call('ListActionConnectors')).errorType).toBe('MissingAuthenticationTokenException');
  });

  it('marks both cookies Secure when the public URL is https', async () => {
    const t = await startClockServer({ publicUrl: 'https://actionbridge.example.com' });
    try {
      await t.setPassword('admin', PASSWORD);
      const r = await new ConsoleClient(t.endpoint).signIn({ AccountId: ACCOUNT, UserName: 'admin', Password: PASSWORD });
      expect(r.status).toBe(200);
      for (const line of r.setCookies) expect(cookieAttributes(line).attrs).toHaveProperty('secure');
    } finally {
      await t.stop();
    }
  });

  it('stores only the SHA-256 of the session id and of the CSRF token', async () => {
    const { c } = await signIn();
    const db = new Database(path.join(s.dataDir, 'actionbridge.db'), { readonly: true });
    try {
      const rows = db.prepare('select * from console_sessions').all() as Record<string, unknown>[];
      const text = JSON.stringify(rows);
      expect(text).not.toContain(c.cookie('ab_console_session'));
      expect(text).not.toContain(c.cookie('ab_console_csrf'));
      expect(rows.every((r) => /^[0-9a-f]{64}$/.test(String(r.session_hash)))).toBe(true);
    } finally {
      db.close();
    }
  });

  it('refuses a wrong password, an unknown user and malformed input with clear messages', async () => {
    const c = new ConsoleClient(s.endpoint, '127.0.0.9');
    const wrong = await c.signIn({ AccountId: ACCOUNT, UserName: 'admin', Password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect(wrong.errorType).toBe('AccessDeniedException');
    expect(wrong.body.Message).toBe('The account ID, user name or password is not correct.');
    const unknown = await c.signIn({ AccountId: ACCOUNT, UserName: 'nobody', Password: 'whatever-password' });
    expect(unknown.body.Message).toBe(wrong.body.Message);
    const bad = await c.signIn({ AccountId: '12', UserName: 'admin', Password: 'x' });
    expect(bad.errorType).toBe('InvalidParameterValueException');
    expect(bad.body.Message).toContain('AccountId must be 12 digits');
    expect(c.jar.size).toBe(0);
    await c.close();
  });

  it('refuses sign-in started by another site and bodies that are not JSON', async () => {
    const c = new ConsoleClient(s.endpoint);
    const cross = await c.signIn({ AccountId: ACCOUNT, UserName: 'admin', Password: PASSWORD }, { 'sec-fetch-site': 'cross-site' });
    expect(cross.errorType).toBe('AccessDeniedException');
    const form = await c.request('POST', '/console/api/sign-in', {
      raw: `AccountId=${ACCOUNT}&UserName=admin&Password=x`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.errorType).toBe('InvalidParameterValueException');
    expect(c.jar.size).toBe(0);
  });

  it('signs in with an access key; the session ends when the key is deactivated', async () => {
    const k = await s.addUser('keyuser', 'AUTHOR');
    const c = new ConsoleClient(s.endpoint);
    const bad = await c.signIn({ AccessKeyId: k.accessKeyId, SecretAccessKey: `${k.secretAccessKey}x` });
    expect(bad.errorType).toBe('AccessDeniedException');
    const ok = await c.signIn({ AccessKeyId: k.accessKeyId, SecretAccessKey: k.secretAccessKey });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ UserName: 'keyuser', Role: 'AUTHOR', SignedInWith: 'ACCESS_KEY' });
    expect((await c.call('ListActionConnectors')).status).toBe(200);
    await s.store.identities.setAccessKeyStatus(k.accessKeyId, 'INACTIVE');
    const after = await c.call('ListActionConnectors');
    expect(after.errorType).toBe('MissingAuthenticationTokenException');
    expect(after.body.Message).toMatch(/access key .* no longer active/);
    const again = await new ConsoleClient(s.endpoint).signIn({ AccessKeyId: k.accessKeyId, SecretAccessKey: k.secretAccessKey });
    expect(again.errorType).toBe('AccessDeniedException');
  });
});

describe('CSRF', () => {
  it('refuses every state change without the token header, with a wrong one, or with a forged cookie+header pair', async () => {
    const { c } = await signIn();
    const none = await c.call('ListActionConnectors', {}, { csrf: false });
    expect(none.status).toBe(401);
    expect(none.errorType).toBe('AccessDeniedException');
    expect(none.body.Message).toContain('x-csrf-token');
    const wrong = await c.call(
      'CreateActionConnector',
      { ActionConnectorId: 'csrf-x', Name: 'x', Type: 'GENERIC_HTTP', AuthenticationConfig: {} },
      { csrf: 'A'.repeat(43) },
    );
    expect(wrong.errorType).toBe('AccessDeniedException');
    // An attacker who can plant a cookie and send a matching header still lacks the session's token.
    const real = c.cookie('ab_console_csrf')!;
    c.jar.set('ab_console_csrf', 'B'.repeat(43));
    const forged = await c.call('ListActionConnectors', {}, { csrf: 'B'.repeat(43) });
    expect(forged.errorType).toBe('AccessDeniedException');
    c.jar.set('ab_console_csrf', real);
    expect((await c.request('POST', '/console/api/sign-out', { csrf: false })).errorType).toBe('AccessDeniedException');
    expect((await c.call('ListActionConnectors')).status).toBe(200);
    expect((await c.request('GET', '/console/api/session')).body.SignedIn).toBe(true);
  });
});

describe('the same operations as SigV4', () => {
  it('answers validation errors with the same name and message as the API', async () => {
    const { c } = await signIn();
    const input = {
      AwsAccountId: ACCOUNT,
      ActionConnectorId: 'quicksuite-bad',
      Name: 'x'.repeat(300),
      Type: 'GENERIC_HTTP',
      AuthenticationConfig: {
        AuthenticationType: 'BASIC',
        AuthenticationMetadata: { BasicAuthConnectionMetadata: { BaseEndpoint: 'http://insecure.example.com', Username: 'u', Password: 'p' } },
      },
    };
    const viaConsole = await c.call('CreateActionConnector', input);
    const sdk = new qs.QuickSightClient({ region: 'us-east-1', endpoint: s.endpoint, credentials: ADMIN, maxAttempts: 1 });
    let sdkError: (Error & { name: string }) | undefined;
    try {
      await sdk.send(new qs.CreateActionConnectorCommand(input as qs.CreateActionConnectorCommandInput));
    } catch (e) {
      sdkError = e as Error & { name: string };
    }
    sdk.destroy();
    expect(viaConsole.status).toBe(400);
    expect(viaConsole.errorType).toBe('InvalidParameterValueException');
    expect(sdkError?.name).toBe('InvalidParameterValueException');
    expect(viaConsole.body.Message).toBe(sdkError!.message);
    expect(viaConsole.body.Message).toMatch(/Value at 'name' failed to satisfy constraint: Member must have length less than or equal to 255/);
    // The console API also lists the broken rules, each with its member path (the pages mark fields by it).
    const problems = viaConsole.body.Problems as { Member: string; Rule: string; Message: string }[];
    expect(problems).toContainEqual({
      Member: 'name',
      Rule: 'Member must have length less than or equal to 255',
      Message: "Value at 'name' failed to satisfy constraint: Member must have length less than or equal to 255",
    });
    expect(problems.map((p) => p.Message).join('; ')).toBe(viaConsole.body.Message.replace(/^\d+ validation errors? detected: /, ''));
    // Rules beyond the model (the reserved prefix, no credentials in URLs) are listed the same way.
    const beyond = await c.call('CreateActionConnector', {
      ...input,
      Name: 'ok',
      AuthenticationConfig: {
        AuthenticationType: 'BASIC',
        AuthenticationMetadata: { BasicAuthConnectionMetadata: { BaseEndpoint: 'https://user:pw@api.example.com', Username: 'u', Password: 'p' } },
      },
    });
    expect(beyond.errorType).toBe('InvalidParameterValueException');
    expect(beyond.body.Problems.map((p: { Member: string; Rule: string }) => [p.Member, p.Rule])).toEqual(
      expect.arrayContaining([
        ['actionConnectorId', "Member must not start with 'quicksuite-' (reserved)"],
        ['authenticationConfig.authenticationMetadata.basicAuthConnectionMetadata.baseEndpoint', 'Member must not carry credentials in the URL'],
      ]),
    );
  });

  it("applies the caller's role and grants: a READER cannot create, sees only what is shared, and gets the same denial text", async () => {
    const admin = (await signIn()).c;
    const rita = (await signIn('rita', 'rita-password-0123')).c;
    const connector = (id: string) => ({
      ActionConnectorId: id,
      Name: `Shared ${id}`,
      Type: 'GENERIC_HTTP',
      AuthenticationConfig: { AuthenticationType: 'NONE', AuthenticationMetadata: { NoneConnectionMetadata: { BaseEndpoint: 'https://api.example.com' } } },
    });
    expect((await admin.call('CreateActionConnector', connector('shared-1'))).status).toBe(200);
    expect((await admin.call('CreateActionConnector', connector('private-1'))).status).toBe(200);
    const denied = await rita.call('CreateActionConnector', connector('rita-1'));
    expect(denied.errorType).toBe('AccessDeniedException');
    expect(denied.body.Message).toBe(`User ${reader.arn} (role READER) is not authorized to create action connectors.`);
    expect((await rita.call('DescribeActionConnector', { ActionConnectorId: 'shared-1' })).errorType).toBe('AccessDeniedException');
    // Shared with her group.
    const grant = await admin.call('UpdateActionConnectorPermissions', {
      ActionConnectorId: 'shared-1',
      GrantPermissions: [{ Principal: `arn:aws:quicksight:us-east-1:${ACCOUNT}:group/default/readers`, Actions: ['quicksight:DescribeActionConnector'] }],
    });
    expect(grant.status, JSON.stringify(grant.body)).toBe(200);
    const list = await rita.call('ListActionConnectors');
    expect(list.body.ActionConnectorSummaries.map((x: { ActionConnectorId: string }) => x.ActionConnectorId)).toEqual(['shared-1']);
    const d = await rita.call('DescribeActionConnector', { ActionConnectorId: 'shared-1' });
    expect(d.body.ActionConnector.Arn).toBe(`arn:aws:quicksight:us-east-1:${ACCOUNT}:action-connector/shared-1`);
    expect(typeof d.body.ActionConnector.LastUpdatedTime).toBe('number');
    expect(d.body.RequestId).toBe(d.headers.get('x-amzn-requestid'));
    // Another account's path is refused as over SigV4.
    expect((await rita.call('ListActionConnectors', { AwsAccountId: '999988887777' })).errorType).toBe('AccessDeniedException');
    // The directory is for those who share.
    expect((await rita.request('GET', '/console/api/principals')).body).toMatchObject({ Users: [], Groups: [] });
    const dir = await admin.request('GET', '/console/api/principals');
    expect(dir.body.Users.map((u: { UserName: string }) => u.UserName)).toContain('rita');
  });

  it('keeps a stored secret only when the console says so and nothing else changed where it goes; refuses empty secrets and changes nothing', async () => {
    const { c } = await signIn();
    const db = new Database(path.join(s.dataDir, 'actionbridge.db'), { readonly: true });
    const row = () => db.prepare('select name, auth_secret, auth_public from connectors where connector_id = ?').get('keyed-1') as Record<string, string>;
    const cfg = (over: Record<string, unknown> = {}) => ({
      AuthenticationType: 'API_KEY',
      AuthenticationMetadata: { ApiKeyConnectionMetadata: { BaseEndpoint: 'https://api.example.com', ...over } },
    });
    const sdk = new qs.QuickSightClient({ region: 'us-east-1', endpoint: s.endpoint, credentials: ADMIN, maxAttempts: 1 });
    try {
      // Empty (or blank) secrets are refused over SigV4 and the console alike, naming the member.
      const apiKeyMember = 'authenticationConfig.authenticationMetadata.apiKeyConnectionMetadata.apiKey';
      await expect(
        sdk.send(
          new qs.CreateActionConnectorCommand({
            AwsAccountId: ACCOUNT,
            ActionConnectorId: 'keyed-1',
            Name: 'Keyed',
            Type: 'GENERIC_HTTP',
            AuthenticationConfig: cfg({ ApiKey: '' }) as qs.CreateActionConnectorCommandInput['AuthenticationConfig'],
          }),
        ),
      ).rejects.toMatchObject({
        name: 'InvalidParameterValueException',
        message: expect.stringContaining(`'${apiKeyMember}' failed to satisfy constraint: Member must not be empty`),
      });
      const created = await c.call('CreateActionConnector', {
        ActionConnectorId: 'keyed-1',
        Name: 'Keyed',
        Type: 'GENERIC_HTTP',
        AuthenticationConfig: cfg({ ApiKey: 'key-one-0123' }),
      });
      expect(created.status, JSON.stringify(created.body)).toBe(200);
      const before = row();
      expect(before.auth_secret).toBeTruthy();
      const update = (body: Record<string, unknown>) => c.call('UpdateActionConnector', { ActionConnectorId: 'keyed-1', Name: 'Renamed', ...body });
      for (const ApiKey of ['', '   ']) {
        const r = await update({ AuthenticationConfig: cfg({ ApiKey }) });
        expect(r.errorType).toBe('InvalidParameterValueException');
        expect(r.body.Problems).toContainEqual(expect.objectContaining({ Member: apiKeyMember, Rule: 'Member must not be empty' }));
        expect(row()).toEqual(before);
      }
      // Without KeepCurrentSecret a missing key is missing (the model's rule), as over SigV4.
      expect((await update({ AuthenticationConfig: cfg() })).errorType).toBe('InvalidParameterValueException');
      expect(row()).toEqual(before);
      // Kept with a changed endpoint: asked for again (a stored key is only sent where it went before).
      const moved = await update({ KeepCurrentSecret: true, AuthenticationConfig: cfg({ BaseEndpoint: 'https://elsewhere.example.com' }) });
      expect(moved.errorType).toBe('InvalidParameterValueException');
      expect(moved.body.Problems).toContainEqual(expect.objectContaining({ Member: apiKeyMember, Rule: expect.stringMatching(/^Member must be given again/) }));
      // Kept and given: one or the other. Not a boolean: refused.
      expect((await update({ KeepCurrentSecret: true, AuthenticationConfig: cfg({ ApiKey: 'key-two-4567' }) })).errorType).toBe(
        'InvalidParameterValueException',
      );
      expect((await update({ KeepCurrentSecret: 'yes', AuthenticationConfig: cfg() })).body.Problems).toContainEqual(
        expect.objectContaining({ Member: 'keepCurrentSecret' }),
      );
      expect(row()).toEqual(before);
      // Kept: renamed, the very sealed value stays; the placeholder is stored nowhere.
      const kept = await update({ KeepCurrentSecret: true, AuthenticationConfig: cfg() });
      expect(kept.status, JSON.stringify(kept.body)).toBe(200);
      expect(row()).toEqual({ ...before, name: 'Renamed' });
      expect(JSON.stringify(db.prepare('select * from connectors').all())).not.toContain('keep-the-current-secret');
      // A new key replaces it.
      expect((await update({ AuthenticationConfig: cfg({ ApiKey: 'key-two-4567' }) })).status).toBe(200);
      expect(row().auth_secret).not.toBe(before.auth_secret);
    } finally {
      sdk.destroy();
      db.close();
    }
  });

  it('tells the console what the user may do on a connector, by the same rule the operations apply', async () => {
    const admin = (await signIn()).c;
    const rita = (await signIn('rita', 'rita-password-0123')).c;
    const none = { AuthenticationType: 'NONE', AuthenticationMetadata: { NoneConnectionMetadata: { BaseEndpoint: 'https://api.example.com' } } };
    expect(
      (await admin.call('CreateActionConnector', { ActionConnectorId: 'access-1', Name: 'Access', Type: 'GENERIC_HTTP', AuthenticationConfig: none })).status,
    ).toBe(200);
    const access = async (c: ConsoleClient, id: string) => (await c.request('GET', `/console/api/access/${id}`)).body.CallerActions as string[];
    expect(await access(admin, 'access-1')).toHaveLength(7);
    expect(await access(rita, 'access-1')).toEqual([]);
    // Granted to her group: she holds exactly those actions (and the operations agree).
    await admin.call('UpdateActionConnectorPermissions', {
      ActionConnectorId: 'access-1',
      GrantPermissions: [
        {
          Principal: `arn:aws:quicksight:us-east-1:${ACCOUNT}:group/default/readers`,
          Actions: ['quicksight:DescribeActionConnector', 'quicksight:InvokeActionConnector'],
        },
      ],
    });
    expect(await access(rita, 'access-1')).toEqual(['quicksight:DescribeActionConnector', 'quicksight:InvokeActionConnector']);
    expect((await rita.call('DescribeActionConnector', { ActionConnectorId: 'access-1' })).status).toBe(200);
    expect((await rita.call('UpdateActionConnector', { ActionConnectorId: 'access-1', Name: 'x', AuthenticationConfig: none })).errorType).toBe(
      'AccessDeniedException',
    );
    expect(await access(rita, 'no-such-connector')).toEqual([]);
    expect((await rita.request('GET', '/console/api/access/bad%20id')).errorType).toBe('InvalidParameterValueException');
    expect((await new ConsoleClient(s.endpoint).request('GET', '/console/api/access/access-1')).errorType).toBe('MissingAuthenticationTokenException');
  });

  it('answers an unknown operation as not found, and the meta the pages need', async () => {
    const { c } = await signIn();
    const r = await c.call('NoSuchOperation');
    expect(r.status).toBe(404);
    expect(r.errorType).toBe('ResourceNotFoundException');
    const meta = await c.request('GET', '/console/api/meta');
    const generic = meta.body.ConnectorTypes.find((t: { Type: string }) => t.Type === 'GENERIC_HTTP');
    expect(generic.AuthenticationTypes).toContain('NONE');
    expect(generic.Actions.map((a: { ActionId: string }) => a.ActionId)).toContain('HttpRequest');
    const s3 = meta.body.ConnectorTypes.find((t: { Type: string }) => t.Type === 'AMAZON_S3');
    expect(s3.AuthenticationTypes).toEqual(['IAM']);
    expect(meta.body.Operations).toContain('CreateActionConnector');
    // Guided create's presets: every type has one; a vendor's endpoints, and the scopes its catalog's actions require.
    for (const t of meta.body.ConnectorTypes) expect(t.Preset.Vendor, t.Type).toBeTruthy();
    const jira = meta.body.ConnectorTypes.find((t: { Type: string }) => t.Type === 'JIRA_CLOUD').Preset;
    expect(jira.BaseEndpoints.map((b: { Url: string }) => b.Url)).toEqual(['https://{site}.atlassian.net', 'https://api.atlassian.com/ex/jira/{cloudId}']);
    expect(jira.OAuth).toEqual({ AuthorizationEndpoint: 'https://auth.atlassian.com/authorize', TokenEndpoint: 'https://auth.atlassian.com/oauth/token' });
    expect(jira.Scopes).toEqual(['offline_access', 'read:jira-user', 'read:jira-work', 'write:jira-work']);
    const slack = meta.body.ConnectorTypes.find((t: { Type: string }) => t.Type === 'SLACK').Preset;
    expect(slack.Scopes).toContain('chat:write');
    expect(s3.Preset.OAuth).toBeUndefined();
  });
});

describe('expiry and sign-out', () => {
  it('ends a session idle for 30 minutes; activity keeps it alive', async () => {
    const { c } = await signIn();
    s.clock.ms += 25 * MIN;
    expect((await c.call('ListActionConnectors')).status).toBe(200);
    s.clock.ms += 25 * MIN;
    expect((await c.call('ListActionConnectors')).status).toBe(200);
    s.clock.ms += 31 * MIN;
    const r = await c.call('ListActionConnectors');
    expect(r.errorType).toBe('MissingAuthenticationTokenException');
    expect(r.body.Message).toBe('Your console session expired after 30 minutes without activity. Sign in again.');
    expect(c.jar.size).toBe(0);
    const who = await c.request('GET', '/console/api/session');
    expect(who.body.SignedIn).toBe(false);
  });

  it('ends a session 12 hours after sign-in however busy it is', async () => {
    const { c } = await signIn();
    for (let h = 0; h < 36; h++) {
      s.clock.ms += 20 * MIN;
      const r = await c.call('ListActionConnectors');
      if (h < 35) expect(r.status, `after ${(h + 1) * 20} min`).toBe(200);
      else {
        expect(r.errorType).toBe('MissingAuthenticationTokenException');
        expect(r.body.Message).toBe('Your console session expired: a session lasts at most 720 minutes. Sign in again.');
      }
    }
  });

  it('signs out: the cookies are cleared and the old session id no longer works', async () => {
    const { c } = await signIn();
    const stolen = new Map(c.jar);
    const out = await c.request('POST', '/console/api/sign-out');
    expect(out.status).toBe(200);
    for (const line of out.setCookies) expect(cookieAttributes(line).attrs['max-age']).toBe('0');
    expect(c.jar.size).toBe(0);
    const replay = new ConsoleClient(s.endpoint);
    for (const [k, v] of stolen) replay.jar.set(k, v);
    expect((await replay.call('ListActionConnectors')).errorType).toBe('MissingAuthenticationTokenException');
  });

  it('ends the sessions of a removed user, and a user added again under the name has no password', async () => {
    await s.addUser('temp', 'AUTHOR');
    await s.setPassword('temp', 'temporary-password-1');
    const { c } = await signIn('temp', 'temporary-password-1');
    expect((await c.call('ListActionConnectors')).status).toBe(200);
    await s.store.identities.deleteUser(ACCOUNT, 'temp', `arn:aws:quicksight:us-east-1:${ACCOUNT}:user/default/temp`);
    expect((await c.call('ListActionConnectors')).errorType).toBe('MissingAuthenticationTokenException');
    s.clock.ms += 1;
    await new Promise((r) => setTimeout(r, 5));
    await s.addUser('temp', 'AUTHOR');
    const again = await signIn('temp', 'temporary-password-1');
    expect(again.r.errorType).toBe('AccessDeniedException');
  });
});

describe('failed sign-ins', () => {
  it('allows 5 failures per user and address a minute, then refuses even the right password with a clear message', async () => {
    const c = new ConsoleClient(s.endpoint, '127.0.0.2');
    for (let i = 0; i < 5; i++) {
      const r = await c.signIn({ AccountId: ACCOUNT, UserName: 'rita', Password: `wrong-${i}` });
      expect(r.errorType).toBe('AccessDeniedException');
    }
    const limited = await c.signIn({ AccountId: ACCOUNT, UserName: 'rita', Password: 'rita-password-0123' });
    expect(limited.status).toBe(429);
    expect(limited.errorType).toBe('ThrottlingException');
    expect(limited.body.Message).toMatch(/^Too many failed sign-ins for this user from your address \(5 within 60 seconds\)\. Try again in \d+ seconds\.$/);
    // Another address, and another user from this address, are not held up.
    const other = new ConsoleClient(s.endpoint, '127.0.0.3');
    expect((await other.signIn({ AccountId: ACCOUNT, UserName: 'rita', Password: 'rita-password-0123' })).status).toBe(200);
    expect((await c.signIn({ AccountId: ACCOUNT, UserName: 'admin', Password: PASSWORD })).status).toBe(200);
    // A minute later the user may try again from here.
    s.clock.ms += 61_000;
    expect((await c.signIn({ AccountId: ACCOUNT, UserName: 'rita', Password: 'rita-password-0123' })).status).toBe(200);
    expect(s.logs()).toContain('console sign-in refused');
    await Promise.all([c.close(), other.close()]);
  });

  it('also limits failures per address whatever the user (password spraying)', async () => {
    const c = new ConsoleClient(s.endpoint, '127.0.0.5');
    for (let i = 0; i < 12; i++) {
      const r = await c.signIn({ AccountId: ACCOUNT, UserName: `spray-${i}`, Password: 'Winter2026!Winter' });
      expect(r.errorType).toBe('AccessDeniedException');
    }
    const r = await c.signIn({ AccountId: ACCOUNT, UserName: 'admin', Password: PASSWORD });
    expect(r.errorType).toBe('ThrottlingException');
    expect(r.body.Message).toMatch(/^Too many failed sign-ins from your address \(12 within 60 seconds\)/);
    await c.close();
  });

  it('limits access-key sign-ins the same way', async () => {
    const c = new ConsoleClient(s.endpoint, '127.0.0.4');
    for (let i = 0; i < 5; i++) await c.signIn({ AccessKeyId: reader.accessKeyId, SecretAccessKey: `wrong-${i}` });
    const r = await c.signIn({ AccessKeyId: reader.accessKeyId, SecretAccessKey: reader.secretAccessKey });
    expect(r.errorType).toBe('ThrottlingException');
    await c.close();
  });
});

describe('passwords at rest', () => {
  it('`users set-password` reads stdin and stores only an scrypt hash: the password is nowhere in the data dir', async () => {
    const secret = 'zebra-quartz-lantern-9481';
    await s.addUser('cli', 'AUTHOR');
    const out = JSON.parse(
      execFileSync(BIN, ['users', 'set-password', '--account', ACCOUNT, '--name', 'cli', '--data-dir', s.dataDir, '--password-stdin'], {
        input: `${secret}\n`,
        encoding: 'utf8',
        env: { ...process.env, ACTIONBRIDGE_MASTER_KEY: '' },
      }),
    );
    expect(out).toEqual({ UserArn: `arn:aws:quicksight:us-east-1:${ACCOUNT}:user/default/cli`, PasswordSet: true });
    const { r } = await signIn('cli', secret);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    // Every file of the data dir (database, WAL, key file), as bytes.
    for (const f of readdirSync(s.dataDir)) {
      const bytes = readFileSync(path.join(s.dataDir, f));
      expect(bytes.includes(Buffer.from(secret)), f).toBe(false);
      expect(bytes.includes(Buffer.from(PASSWORD)), f).toBe(false);
    }
    const db = new Database(path.join(s.dataDir, 'actionbridge.db'), { readonly: true });
    try {
      const rows = db.prepare('select user_name, password_hash from console_passwords').all() as { user_name: string; password_hash: string }[];
      expect(rows.length).toBeGreaterThanOrEqual(3);
      for (const row of rows) expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
      const salts = rows.map((x) => x.password_hash.split('$')[4]);
      expect(new Set(salts).size).toBe(salts.length);
    } finally {
      db.close();
    }
  });

  it('refuses a short password and an unknown user', () => {
    const run = (name: string, pw: string) => {
      try {
        execFileSync(BIN, ['users', 'set-password', '--account', ACCOUNT, '--name', name, '--data-dir', s.dataDir], {
          input: pw,
          encoding: 'utf8',
          stdio: ['pipe', 'pipe', 'pipe'],
        });
        return '';
      } catch (e) {
        return String((e as { stderr?: string }).stderr);
      }
    };
    expect(run('cli', 'short')).toContain('at least 12 characters');
    expect(run('ghost', 'long-enough-password')).toContain('no user ghost');
  });
});

describe('serving the console', () => {
  it('redirects /console, serves the page uncached with a strict CSP and hashed assets cached for a year', async () => {
    const c = new ConsoleClient(s.endpoint);
    const r = await c.request('GET', '/console');
    expect(r.status).toBe(302);
    expect(r.headers.get('location')).toBe('/console/');
    const page = await c.request('GET', '/console/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    const asset = /src="(\/console\/assets\/[^"]+\.js)"/.exec(page.body.text)?.[1];
    expect(asset).toBeTruthy();
    const js = await c.request('GET', asset!);
    expect(js.status).toBe(200);
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect((await c.request('GET', '/console/no-such-file.js')).status).toBe(404);
    const missing = await c.request('GET', '/console/api/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.errorType).toBe('ResourceNotFoundException');
  });

  it("answers /favicon.ico with the console icon, not an unsigned request's 403", async () => {
    const c = new ConsoleClient(s.endpoint);
    const r = await c.request('GET', '/favicon.ico');
    expect(r.status).toBe(301);
    expect(r.headers.get('location')).toBe('/console/favicon.svg');
    const icon = await c.request('GET', '/console/favicon.svg');
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect((await c.request('GET', '/console/')).body.text).toContain('<link rel="icon" type="image/svg+xml" href="/console/favicon.svg"');
  });
});
