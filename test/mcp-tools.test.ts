// Tool names and tool lists from action connectors (src/mcp/tools.ts), without a server.
import { describe, expect, it } from 'vitest';
import { MAX_TOOL_NAME, callTool, listTools, toolFor, toolName, toolsFingerprint, type McpAction, type McpBackend } from '../src/mcp/tools.js';

const VALID = /^[A-Za-z0-9_-]{1,64}$/;
const action = (id: string, enabled = true): McpAction => ({
  ActionId: id,
  Name: `Do ${id}`,
  Description: `Does ${id}.`,
  InputSchema: { type: 'object', properties: {} },
  Enabled: enabled,
});

describe('toolName', () => {
  it('is `<connector>__<action>` when that is valid and short enough', () => {
    expect(toolName('jira-prod', 'CreateIssue')).toBe('jira-prod__CreateIssue');
    expect(toolName('gh', 'HttpRequest')).toBe('gh__HttpRequest');
  });

  it('sanitizes and shortens with a hash of the exact pair: valid, at most 64, stable, unique', () => {
    const pairs: [string, string][] = [
      ['a'.repeat(512), 'CreateIssue'],
      [`${'a'.repeat(511)}b`, 'CreateIssue'],
      ['x', 'Sites/Lists:Get'],
      ['x', 'Sites_Lists_Get'],
      ['x', 'Sites.Lists.Get'],
      ['conn', 'A'.repeat(128)],
      ['conn', `${'A'.repeat(127)}B`],
      ['c'.repeat(60), 'DoIt'],
      ['c'.repeat(61), 'DoIt'],
    ];
    const names = pairs.map(([c, a]) => toolName(c, a));
    for (const n of names) expect(n).toMatch(VALID);
    expect(new Set(names).size).toBe(names.length);
    expect(names.map((n) => n.length).every((l) => l <= MAX_TOOL_NAME)).toBe(true);
    expect(pairs.map(([c, a]) => toolName(c, a))).toEqual(names);
    // Readable: the action stays in the name.
    expect(toolName('x', 'Sites/Lists:Get')).toMatch(/^x__Sites_Lists_Get_[0-9a-f]{8}$/);
    expect(toolName('a'.repeat(512), 'CreateIssue')).toMatch(/__CreateIssue_[0-9a-f]{8}$/);
  });
});

describe('toolFor', () => {
  const teams = { ActionConnectorId: 'teams', Name: 'Teams', Type: 'MICROSOFT_TEAMS' as const };
  it("tells the action's requirements, examples and vendor reference in the description (MCP has no members for them)", () => {
    const t = toolFor(teams, {
      ...action('SendChatMessage'),
      Requirements: { Grant: 'DELEGATED', Scopes: ['ChatMessage.Send', 'Chat.ReadWrite'], RateLimit: 'Teams: 5 requests/second per app per tenant' },
      Examples: [
        { Title: 'Say hello', Input: { ChatId: '19:a@unq.gbl.spaces', Body: 'Hello' } },
        { Title: 'Huge', Input: { Body: 'x'.repeat(1000) } },
      ],
      Reference: 'https://learn.microsoft.com/en-us/graph/api/chat-post-messages',
    });
    expect(t.description).toContain(
      'Requires a signed-in user (delegated grant): an app-only connector cannot run it; the vendor permissions ChatMessage.Send, Chat.ReadWrite.',
    );
    expect(t.description).toContain('Vendor rate limit: Teams: 5 requests/second per app per tenant.');
    expect(t.description).toContain('Example (Say hello): {"ChatId":"19:a@unq.gbl.spaces","Body":"Hello"}');
    expect(t.description).not.toContain('Huge');
    expect(t.description).toContain('Vendor reference: https://learn.microsoft.com/en-us/graph/api/chat-post-messages');
    // Without them, the description is as before.
    expect(toolFor(teams, action('ListTeams')).description).toMatch(/with your own permissions and sign-in\.$/);
  });
});

describe('listTools', () => {
  const backend = (over: Partial<McpBackend> = {}): McpBackend => ({
    listConnectors: async () => [
      { ActionConnectorId: 'a', Name: 'A', Type: 'GENERIC_HTTP' },
      { ActionConnectorId: 'b', Name: 'B', Type: 'JIRA_CLOUD' },
      { ActionConnectorId: 'c', Name: 'C', Type: 'SLACK' },
    ],
    listActions: async (id) => {
      if (id === 'c') throw Object.assign(new Error('no'), { name: 'AccessDeniedException' });
      return id === 'a' ? [action('HttpRequest')] : [action('CreateIssue'), action('GetIssue', false)];
    },
    invoke: async () => ({ InvokeActionStatus: 'SUCCESS', HttpStatusCode: 200, Output: { ok: 1 } }),
    authorize: async () => ({ AuthorizationUrl: 'https://idp.example/authorize?x', ExpiresAt: new Date(0) }),
    ...over,
  });

  it('enabled actions of connectors the user may list and invoke; refused connectors are skipped', async () => {
    const tools = await listTools(backend());
    expect(tools.map((t) => t.name)).toEqual(['a__HttpRequest', 'b__CreateIssue']);
    expect(tools[1]!.description).toContain('connector "B" (id b, type JIRA_CLOUD)');
    const noInvoke = await listTools(backend({ mayInvoke: async (id) => id !== 'a' }));
    expect(noInvoke.map((t) => t.name)).toEqual(['b__CreateIssue']);
    expect(toolsFingerprint(tools)).not.toBe(toolsFingerprint(noInvoke));
  });

  it('other failures are failures of the listing', async () => {
    await expect(
      listTools(
        backend({
          listActions: async () => {
            throw Object.assign(new Error('slow down'), { name: 'ThrottlingException' });
          },
        }),
      ),
    ).rejects.toThrow('slow down');
  });

  it('a call turns every outcome into a tool result', async () => {
    const t = { name: 'a__HttpRequest', connectorId: 'a', actionId: 'HttpRequest' };
    expect(await callTool(backend(), t, {}, 'mcp:x')).toMatchObject({ content: [{ type: 'text', text: '{\n  "ok": 1\n}' }] });
    const failed = await callTool(backend({ invoke: async () => ({ InvokeActionStatus: 'FAILED', HttpStatusCode: 500, Output: 'oops' }) }), t, {}, 'mcp:x');
    expect(failed).toMatchObject({ isError: true, content: [{ text: expect.stringMatching(/HTTP 500:\noops/) }] });
    const signIn = await callTool(
      backend({
        invoke: async () => {
          throw Object.assign(new Error('sign in'), { name: 'AccessTokenNotFoundException' });
        },
      }),
      t,
      {},
      'mcp:x',
    );
    expect(signIn).toMatchObject({ isError: true, structuredContent: { AuthorizationUrl: 'https://idp.example/authorize?x' } });
    const boom = await callTool(
      backend({
        invoke: async () => {
          throw new TypeError('boom');
        },
      }),
      t,
      {},
      'mcp:x',
    );
    expect(boom).toMatchObject({ isError: true, content: [{ text: expect.stringContaining('TypeError: boom') }] });
  });
});
