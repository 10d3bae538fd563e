// The setting of the MCP and client-library tests: a server trusting a test CA,
// a local HTTPS service standing in for a generic API and for Jira, connectors
// with grants for two users, and helpers to mint tokens and connect MCP clients.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ACCOUNT, BIN, qs, type TestUser } from '../helpers.js';
import { startActionUpstream, type ActionUpstream } from './action-upstream.js';
import { apiKeyAuth, basicAuth, createConnector } from './actions.js';
import { type ConnEnv, startConnEnv } from './conn-env.js';
import type { Config } from '../../src/config.js';
import { createMcpToken } from '../../src/cli/tokens.js';

const execFileP = promisify(execFile);

export const INVOKE = ['quicksight:DescribeActionConnector', 'quicksight:ListActionConnectorActions', 'quicksight:InvokeActionConnector'];
export const VIEW = ['quicksight:DescribeActionConnector'];
export const JIRA_KEY = 'jira-api-token-5e6f7a';

export interface McpEnv extends ConnEnv {
  upstream: ActionUpstream;
  admin: qs.QuickSightClient;
  alice: TestUser;
  bob: TestUser;
  /** Root of the upstream (no trailing slash): the Jira connector's BaseEndpoint. */
  root: string;
  stop(): Promise<void>;
}

/**
 * Connectors: `gh` (GENERIC_HTTP, BASIC) — alice and bob may invoke; `jira` (JIRA_CLOUD,
 * API_KEY) — alice may invoke, bob may only see it; `signin` (GENERIC_HTTP,
 * OAUTH2_AUTHORIZATION_CODE) — alice may invoke, nobody has signed in.
 */
export async function startMcpEnv(overrides: Partial<Config> = {}): Promise<McpEnv> {
  const env = await startConnEnv(overrides);
  const upstream = await startActionUpstream(env.ca);
  const admin = env.t.client();
  const alice = await env.t.addUser('alice', 'READER');
  const bob = await env.t.addUser('bob', 'READER');
  const root = upstream.url('/').replace(/\/$/, '');
  await createConnector(admin, 'gh', {
    auth: basicAuth(upstream.url('/api'), 'svc', 'gh-Pa55word-91'),
    permissions: [
      { Principal: alice.arn, Actions: INVOKE },
      { Principal: bob.arn, Actions: INVOKE },
    ],
  });
  await createConnector(admin, 'jira', {
    type: 'JIRA_CLOUD',
    auth: apiKeyAuth(root, JIRA_KEY, 'bot@acme.example.com'),
    permissions: [
      { Principal: alice.arn, Actions: INVOKE },
      { Principal: bob.arn, Actions: VIEW },
    ],
  });
  await createConnector(admin, 'signin', {
    auth: {
      AuthenticationType: 'OAUTH2_AUTHORIZATION_CODE',
      AuthenticationMetadata: {
        AuthorizationCodeGrantMetadata: {
          BaseEndpoint: upstream.url('/api'),
          RedirectUrl: 'https://actionbridge.example.com/oauth/callback',
          AuthorizationCodeGrantCredentialsSource: 'PLAIN_CREDENTIALS',
          AuthorizationCodeGrantCredentialsDetails: {
            AuthorizationCodeGrantDetails: {
              ClientId: 'ab-mcp-web',
              ClientSecret: 'ab-mcp-web-secret-3c4d',
              TokenEndpoint: upstream.url('/oauth/token'),
              AuthorizationEndpoint: upstream.url('/oauth/authorize'),
            },
          },
        },
      },
    },
    permissions: [{ Principal: alice.arn, Actions: INVOKE }],
  });
  return {
    ...env,
    upstream,
    admin,
    alice,
    bob,
    root,
    async stop() {
      await env.t.stop();
      await upstream.close();
    },
  };
}

/** `actionbridge tokens ...` against the server's data dir (while it runs). */
export async function tokensCli(dataDir: string, args: string[]): Promise<any> {
  const { stdout } = await execFileP(BIN, ['tokens', ...args, '--data-dir', dataDir], { encoding: 'utf8' });
  return JSON.parse(stdout);
}

/** A token minted the way `tokens create` mints it, without starting a process. */
export async function mintToken(env: McpEnv, userName: string, o: { expiresAt?: number } = {}): Promise<{ token: string; tokenId: string }> {
  const store = env.t.server.store;
  const user = await store.identities.getUser(ACCOUNT, userName);
  if (!user) throw new Error(`no user ${userName}`);
  return createMcpToken(store, { user, region: 'us-east-1', ...(o.expiresAt ? { expiresAt: o.expiresAt } : {}) });
}

export function grant(admin: qs.QuickSightClient, id: string, principal: string, actions: string[]) {
  return admin.send(
    new qs.UpdateActionConnectorPermissionsCommand({
      AwsAccountId: ACCOUNT,
      ActionConnectorId: id,
      GrantPermissions: [{ Principal: principal, Actions: actions }],
    }),
  );
}

export function revoke(admin: qs.QuickSightClient, id: string, principal: string, actions: string[]) {
  return admin.send(
    new qs.UpdateActionConnectorPermissionsCommand({
      AwsAccountId: ACCOUNT,
      ActionConnectorId: id,
      RevokePermissions: [{ Principal: principal, Actions: actions }],
    }),
  );
}

/** An MCP client (the SDK's own) connected to /mcp with a bearer token. */
export async function connectHttp(endpoint: string, token: string, name = 'mcp-test-client'): Promise<Client> {
  const client = new Client({ name, version: '1.2.3' });
  const transport = new StreamableHTTPClientTransport(new URL('/mcp', endpoint), { requestInit: { headers: { Authorization: `Bearer ${token}` } } });
  await client.connect(transport);
  return client;
}

/** The text of a tool result's first content item. */
export const textOf = (r: unknown) => (r as { content: { type: string; text: string }[] }).content[0]?.text ?? '';
