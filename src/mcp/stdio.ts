// `actionbridge mcp --endpoint URL`: an MCP server on stdin/stdout that acts through
// a running ActionBridge with the user's access key (AWS_ACCESS_KEY_ID,
// AWS_SECRET_ACCESS_KEY, AWS_REGION or the rest of the AWS provider chain) — the
// shape a desktop MCP client's configuration starts. stdout carries only the protocol.
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { ActionBridgeClient, type ActionBridgeClientOptions } from '../client/index.js';
import { ClientBackend } from './client-backend.js';
import { createMcpSession } from './server.js';
import { VERSION } from './version.js';

export interface StdioOptions extends ActionBridgeClientOptions {
  /** How often to look for changes of the tool list, in ms (0: never). Default 30 s. */
  watchIntervalMs?: number;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
}

/** Runs until stdin ends; resolves then. */
export async function runStdioServer(opts: StdioOptions): Promise<void> {
  const client = new ActionBridgeClient(opts);
  if (!client.accountId) throw new Error('No account: pass --account (or set ACTIONBRIDGE_ACCOUNT_ID).');
  const backend = new ClientBackend(client);
  const session = createMcpSession({
    version: VERSION,
    backend: async () => backend,
    watchBackend: async () => backend,
    watchIntervalMs: opts.watchIntervalMs,
    log: (level, obj, msg) => process.stderr.write(`${JSON.stringify({ level, msg, ...obj })}\n`),
  });
  const transport = new StdioServerTransport(opts.input as never, opts.output as never);
  const done = new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
    (opts.input ?? process.stdin).once('end', () => resolve());
  });
  await session.server.connect(transport);
  await done;
  await session.close();
}
