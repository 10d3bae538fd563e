// `actionbridge actions list|invoke|test|authorize|invocations` and `actionbridge mcp`:
// commands that talk to a running ActionBridge through the client library
// (actionbridge/client), signed with the caller's access key from the AWS
// provider chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, a profile, ...).
import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ActionBridgeClient, ActionBridgeError } from '../client/index.js';
import { UsageError } from '../identities.js';

export const ACTIONS_HELP = `  actionbridge actions list --endpoint URL --account A --connector ID
  actionbridge actions invoke --endpoint URL --account A --connector ID --action ID [--input JSON|@file|-]
  actionbridge actions test --endpoint URL --account A --connector ID
  actionbridge actions authorize --endpoint URL --account A --connector ID
  actionbridge actions invocations --endpoint URL --account A --connector ID [--max-results N] [--all]
  actionbridge mcp --endpoint URL --account A [--watch-interval SECONDS]
                                  an MCP server on stdio acting as the access key's user
  (--endpoint, --account, --region default to ACTIONBRIDGE_ENDPOINT, ACTIONBRIDGE_ACCOUNT_ID, AWS_REGION;
   credentials come from the AWS provider chain: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, profiles, ...)
`;

const clientOptions = {
  endpoint: { type: 'string' },
  account: { type: 'string' },
  region: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

function parse<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  try {
    return parseArgs({ args, options: { ...clientOptions, ...options }, allowPositionals: false, strict: true }).values as Record<
      string,
      string | boolean | undefined
    >;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

const print = (o: unknown) => process.stdout.write(`${JSON.stringify(o, null, 2)}\n`);

function client(v: Record<string, unknown>): ActionBridgeClient {
  const endpoint = (v.endpoint as string | undefined) ?? process.env.ACTIONBRIDGE_ENDPOINT;
  if (!endpoint) throw new UsageError('--endpoint is required (or set ACTIONBRIDGE_ENDPOINT)');
  const accountId = (v.account as string | undefined) ?? process.env.ACTIONBRIDGE_ACCOUNT_ID;
  if (!accountId) throw new UsageError('--account is required (or set ACTIONBRIDGE_ACCOUNT_ID)');
  const region = (v.region as string | undefined) ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1';
  try {
    return new ActionBridgeClient({ endpoint, accountId, region });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

const need = (v: Record<string, unknown>, k: string): string => {
  const x = v[k];
  if (typeof x !== 'string' || !x) throw new UsageError(`--${k} is required`);
  return x;
};

/** `--input '{"a":1}'`, `--input @file.json` or `--input -` (stdin). */
function readInput(spec: string | undefined): Record<string, unknown> {
  if (spec === undefined) return {};
  let text: string;
  if (spec === '-') text = readFileSync(0, 'utf8');
  else if (spec.startsWith('@')) {
    try {
      text = readFileSync(spec.slice(1), 'utf8');
    } catch (e) {
      throw new UsageError(`--input ${spec}: ${(e as Error).message}`);
    }
  } else text = spec;
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw new UsageError('--input must be a JSON object (or @file holding one)');
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new UsageError('--input must be a JSON object');
  return v as Record<string, unknown>;
}

/** Dates as ISO strings for people. */
const readable = (o: unknown) => JSON.parse(JSON.stringify(o));

async function run(sub: string | undefined, args: string[]): Promise<void> {
  switch (sub) {
    case 'list': {
      const v = parse(args, { connector: { type: 'string' } });
      print(readable(await client(v).listActionConnectorActions({ ActionConnectorId: need(v, 'connector') })));
      return;
    }
    case 'invoke': {
      const v = parse(args, { connector: { type: 'string' }, action: { type: 'string' }, input: { type: 'string' } });
      const c = client(v);
      const input = readInput(v.input as string | undefined);
      print(
        readable(
          await c.invokeAction(
            { ActionConnectorId: need(v, 'connector'), ActionId: need(v, 'action'), Input: input },
            { headers: { 'x-actionbridge-client': 'actionbridge-cli' } },
          ),
        ),
      );
      return;
    }
    case 'test': {
      const v = parse(args, { connector: { type: 'string' } });
      print(readable(await client(v).testActionConnector({ ActionConnectorId: need(v, 'connector') })));
      return;
    }
    case 'authorize': {
      const v = parse(args, { connector: { type: 'string' } });
      // AuthorizationUrl: ActionBridge's one-time /oauth/start URL (a confirmation page naming the user the sign-in
      // is linked to, then the provider); the sign-in must end in the browser that opens it.
      print(readable(await client(v).startActionConnectorAuthorization({ ActionConnectorId: need(v, 'connector') })));
      return;
    }
    case 'invocations': {
      const v = parse(args, { connector: { type: 'string' }, 'max-results': { type: 'string' }, all: { type: 'boolean' }, 'next-token': { type: 'string' } });
      const c = client(v);
      const max = v['max-results'] === undefined ? undefined : Number(v['max-results']);
      if (max !== undefined && !(Number.isInteger(max) && max > 0)) throw new UsageError('--max-results must be a positive integer');
      const input = {
        ActionConnectorId: need(v, 'connector'),
        ...(max ? { MaxResults: max } : {}),
        ...(v['next-token'] ? { NextToken: v['next-token'] as string } : {}),
      };
      if (v.all) {
        const all = [];
        for await (const r of c.iterateActionInvocations(input)) all.push(r);
        print(readable({ Invocations: all }));
      } else print(readable(await c.listActionInvocations(input)));
      return;
    }
    default:
      throw new UsageError(`actions: unknown subcommand '${sub ?? ''}' (list, invoke, test, authorize, invocations)`);
  }
}

/** The server's error as JSON on stderr (exit 1); usage errors go to main's handler (exit 2). */
async function reportingErrors(fn: () => Promise<void>): Promise<number> {
  try {
    await fn();
    return 0;
  } catch (e) {
    if (e instanceof ActionBridgeError) {
      process.stderr.write(
        `${JSON.stringify({ Error: e.name, Message: e.message, ...(e.requestId ? { RequestId: e.requestId } : {}), ...(e.httpStatus ? { HttpStatus: e.httpStatus } : {}) }, null, 2)}\n`,
      );
      return 1;
    }
    throw e;
  }
}

export async function actionsCommand(sub: string | undefined, args: string[]): Promise<number> {
  if (sub === undefined || sub === 'help' || sub === '--help' || sub === '-h') {
    process.stdout.write(ACTIONS_HELP);
    return 0;
  }
  return reportingErrors(() => run(sub, args));
}

export async function mcpCommand(args: string[]): Promise<number> {
  const v = parse(args, { 'watch-interval': { type: 'string' } });
  if (v.help) {
    process.stdout.write(ACTIONS_HELP);
    return 0;
  }
  const c = client(v); // checks the flags before stdio is taken over
  const every = v['watch-interval'] === undefined ? 30 : Number(v['watch-interval']);
  if (!Number.isFinite(every) || every < 0) throw new UsageError('--watch-interval must be a number of seconds (0: never)');
  const { runStdioServer } = await import('../mcp/stdio.js');
  await runStdioServer({ endpoint: c.endpoint.href, accountId: c.accountId, region: c.region, watchIntervalMs: every * 1000 });
  return 0;
}
