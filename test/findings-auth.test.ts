// Issue 16's auth findings through the real server, against a local HTTPS upstream
// that records what it received: ServiceNow inbound API keys in `x-sn-apikey`; SAP
// API keys in the `APIKey` header (the API Business Hub sandbox); Atlassian and Zendesk
// API tokens refused without Email at Create and Update (an Update refused changes
// nothing) and sent as Basic with it; Confluence BaseEndpoints without /wiki refused,
// and every Confluence request under the OAuth gateway form's /wiki.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT, ADMIN, expectError, qs } from './helpers.js';
import { startActionUpstream, type ActionUpstream } from './support/action-upstream.js';
import { actionsApi, apiKeyAuth, createConnector } from './support/actions.js';
import { type ConnEnv, startConnEnv } from './support/conn-env.js';
import { newConnector } from '../src/ops/connectors.js';

const KEY = 'now-api-key-4c1f2e9d8b7a';
const SYS_ID = '9d385017c611228701d22104cc95c371';

let env: ConnEnv;
let upstream: ActionUpstream;
let api: ReturnType<typeof actionsApi>;
let admin: qs.QuickSightClient;

const root = () => upstream.url('/').replace(/\/$/, '');
const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
const describeC = async (id: string) =>
  (await admin.send(new qs.DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: id }))).ActionConnector!;
const update = (id: string, auth: qs.AuthConfig) =>
  admin.send(new qs.UpdateActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: id, Name: `${id}-renamed`, AuthenticationConfig: auth }));

beforeAll(async () => {
  env = await startConnEnv();
  upstream = await startActionUpstream(env.ca);
  api = actionsApi(env.t.endpoint);
  admin = env.t.client();
});
afterAll(async () => {
  await env?.t.stop();
  await upstream?.close();
});

describe('API keys in the header each vendor reads', () => {
  it('SERVICENOW_NOW_PLATFORM accepts API_KEY and sends it as x-sn-apikey, never as Authorization', async () => {
    await createConnector(admin, 'sn-key', { type: 'SERVICENOW_NOW_PLATFORM', auth: apiKeyAuth(root(), KEY) });
    upstream.reset();
    upstream.respond(() => ({ json: { result: { sys_id: SYS_ID, number: 'INC0010001', short_description: 'Printer on fire' } } }));
    const r = await api.invoke(ADMIN, 'sn-key', 'GetIncident', { SysId: SYS_ID });
    expect(r.status, r.raw).toBe(200);
    expect(r.body.InvokeActionStatus).toBe('SUCCESS');
    const got = upstream.received[0]!;
    expect(got.url.split('?')[0]).toBe(`/api/now/table/incident/${SYS_ID}`);
    expect(got.headers['x-sn-apikey']).toBe(KEY);
    expect(got.headers.authorization).toBeUndefined();
  });

  it('SAP types accept API_KEY and send it as APIKey, never as Authorization', async () => {
    await createConnector(admin, 'sap-key', { type: 'SAP_BUSINESSPARTNER', auth: apiKeyAuth(root(), KEY) });
    upstream.reset();
    upstream.respond(() => ({ json: { d: { BusinessPartner: '1000001', BusinessPartnerFullName: 'Acme GmbH' } } }));
    const r = await api.invoke(ADMIN, 'sap-key', 'GetBusinessPartner', { BusinessPartner: '1000001' });
    expect(r.status, r.raw).toBe(200);
    expect(r.body.InvokeActionStatus).toBe('SUCCESS');
    const got = upstream.received[0]!;
    expect(got.url).toBe("/sap/opu/odata/sap/API_BUSINESS_PARTNER/A_BusinessPartner('1000001')");
    expect(got.headers.apikey).toBe(KEY);
    expect(got.headers.authorization).toBeUndefined();
  });
});

describe('Atlassian and Zendesk API tokens need Email', () => {
  it.each([
    ['JIRA_CLOUD', 'Basic {Email}:{ApiKey}'],
    ['ATLASSIAN_CONFLUENCE', 'Basic {Email}:{ApiKey}'],
    ['ZENDESK_SUITE', 'Basic {Email}/token:{ApiKey}'],
  ] as const)('%s: Create without Email is refused, naming the member', async (type, how) => {
    const base = type === 'ATLASSIAN_CONFLUENCE' ? `${root()}/wiki` : root();
    const e = await expectError(
      createConnector(admin, `noemail-${type.toLowerCase()}`, { type, auth: apiKeyAuth(base, KEY) }),
      'InvalidParameterValueException',
      400,
    );
    expect(e.message).toContain(
      `Value null at 'authenticationConfig.authenticationMetadata.apiKeyConnectionMetadata.email' failed to satisfy constraint: Member must not be null: connector type ${type} sends its API token as HTTP ${how}`,
    );
    // A blank Email is no Email.
    await expectError(createConnector(admin, `blank-${type.toLowerCase()}`, { type, auth: apiKeyAuth(base, KEY, ' ') }), 'InvalidParameterValueException', 400);
  });

  it('Update that would drop Email is refused and changes nothing; with Email the token goes as Basic', async () => {
    await createConnector(admin, 'zd-key', { type: 'ZENDESK_SUITE', auth: apiKeyAuth(root(), KEY, 'agent@acme.example.com') });
    const e = await expectError(update('zd-key', apiKeyAuth(root(), 'another-token-5e6f', undefined)), 'InvalidParameterValueException', 400);
    expect(e.message).toMatch(/apiKeyConnectionMetadata\.email' failed to satisfy constraint: Member must not be null/);
    const d = await describeC('zd-key');
    expect(d.Name).toBe('zd-key');
    expect(d.AuthenticationConfig?.AuthenticationMetadata?.ApiKeyConnectionMetadata).toEqual({ BaseEndpoint: root(), Email: 'agent@acme.example.com' });

    upstream.reset();
    upstream.respond(() => ({ json: { ticket: { id: 35436, subject: 'Help', status: 'open' } } }));
    const r = await api.invoke(ADMIN, 'zd-key', 'GetTicket', { TicketId: 35436 });
    expect(r.status, r.raw).toBe(200);
    // The old token: the refused Update stored nothing.
    expect(upstream.received[0]!.headers.authorization).toBe(basic('agent@acme.example.com/token', KEY));
  });

  it('a connector stored without Email (before the rule) is refused at InvokeAction, nothing sent', async () => {
    // Stored exactly as an earlier Create stored it: no Email.
    const { rec, perms } = newConnector(
      env.t.server.services.keys,
      'us-east-1',
      `arn:aws:quicksight:us-east-1:${ACCOUNT}:user/default/admin`,
      {
        AwsAccountId: ACCOUNT,
        ActionConnectorId: 'legacy-jira',
        Name: 'legacy',
        Type: 'JIRA_CLOUD',
        AuthenticationConfig: { AuthenticationType: 'API_KEY', AuthenticationMetadata: { ApiKeyConnectionMetadata: { BaseEndpoint: root(), ApiKey: KEY } } },
      },
      ['GetIssue'],
      Date.now(),
    );
    await env.t.server.store.connectors.insertConnector(rec, perms, []);
    upstream.reset();
    const r = await api.invoke(ADMIN, 'legacy-jira', 'GetIssue', { IssueIdOrKey: 'OPS-7' });
    expect(r.status, r.raw).toBe(400);
    expect(r.errorType).toMatch(/^InvalidParameterValueException/);
    expect(r.body.Message ?? r.body.message).toMatch(/API_KEY connector of type JIRA_CLOUD without Email.*Update its AuthenticationConfig with Email/);
    expect(upstream.received).toHaveLength(0);
  });

  it('Jira with Email: Basic email:token', async () => {
    await createConnector(admin, 'jira-key', { type: 'JIRA_CLOUD', auth: apiKeyAuth(root(), KEY, 'bot@acme.example.com') });
    upstream.reset();
    upstream.respond(() => ({ json: { id: '10002', key: 'OPS-7', fields: { summary: 'Disk full' } } }));
    const r = await api.invoke(ADMIN, 'jira-key', 'GetIssue', { IssueIdOrKey: 'OPS-7' });
    expect(r.status, r.raw).toBe(200);
    expect(upstream.received[0]!.headers.authorization).toBe(basic('bot@acme.example.com', KEY));
  });
});

describe('Confluence BaseEndpoint: the REST API is under /wiki', () => {
  const oauth = (base: string): qs.AuthConfig => ({
    AuthenticationType: 'OAUTH2_AUTHORIZATION_CODE',
    AuthenticationMetadata: {
      AuthorizationCodeGrantMetadata: {
        BaseEndpoint: base,
        RedirectUrl: 'https://bridge.example.com/oauth/callback',
        AuthorizationCodeGrantCredentialsSource: 'PLAIN_CREDENTIALS',
        AuthorizationCodeGrantCredentialsDetails: {
          AuthorizationCodeGrantDetails: {
            ClientId: 'cid',
            ClientSecret: 'ac-secret-123456',
            TokenEndpoint: 'https://auth.atlassian.com/oauth/token',
            AuthorizationEndpoint: 'https://auth.atlassian.com/authorize',
          },
        },
      },
    },
  });
  const CLOUD = '1324a887-45db-1bf4-1e99-ef0ff456d421';

  it('the OAuth gateway form without /wiki is refused, naming the form to use', async () => {
    const e = await expectError(
      createConnector(admin, 'conf-gw', { type: 'ATLASSIAN_CONFLUENCE', auth: oauth(`https://api.atlassian.com/ex/confluence/${CLOUD}`) }),
      'InvalidParameterValueException',
      400,
    );
    expect(e.message).toContain(
      `Value at 'authenticationConfig.authenticationMetadata.authorizationCodeGrantMetadata.baseEndpoint' failed to satisfy constraint: Member must include /wiki for connector type ATLASSIAN_CONFLUENCE: the OAuth gateway form is https://api.atlassian.com/ex/confluence/{cloudId}/wiki (here https://api.atlassian.com/ex/confluence/${CLOUD}/wiki)`,
    );
    await createConnector(admin, 'conf-gw', { type: 'ATLASSIAN_CONFLUENCE', auth: oauth(`https://api.atlassian.com/ex/confluence/${CLOUD}/wiki`) });
    // Update is checked too, and a refused one changes nothing.
    await expectError(update('conf-gw', oauth(`https://api.atlassian.com/ex/confluence/${CLOUD}/`)), 'InvalidParameterValueException', 400);
    const d = await describeC('conf-gw');
    expect(d.AuthenticationConfig?.AuthenticationMetadata?.AuthorizationCodeGrantMetadata?.BaseEndpoint).toBe(
      `https://api.atlassian.com/ex/confluence/${CLOUD}/wiki`,
    );
  });

  it('the site form without /wiki is refused too', async () => {
    const e = await expectError(
      createConnector(admin, 'conf-site', { type: 'ATLASSIAN_CONFLUENCE', auth: apiKeyAuth('https://acme.atlassian.net', KEY, 'bot@acme.example.com') }),
      'InvalidParameterValueException',
      400,
    );
    expect(e.message).toContain('the API token form is https://{site}.atlassian.net/wiki (here https://acme.atlassian.net/wiki)');
    await createConnector(admin, 'conf-site', {
      type: 'ATLASSIAN_CONFLUENCE',
      auth: apiKeyAuth('https://acme.atlassian.net/wiki', KEY, 'bot@acme.example.com'),
    });
    // Jira's site form has no /wiki: not Confluence's rule.
    await createConnector(admin, 'jira-site', { type: 'JIRA_CLOUD', auth: apiKeyAuth('https://acme.atlassian.net', KEY, 'bot@acme.example.com') });
  });
});
