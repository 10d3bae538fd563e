// `actionbridge actions list|invoke|test|authorize|invocations` and `actionbridge mcp`:
// commands that talk to a running ActionBridge through the client library
// (actionbridge/client), signed with the caller's access key from the AWS
// provider chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, a profile, ...).
// registerActionCommands adds them to the program; a new `actions` subcommand goes there.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { ActionBridgeClient } from '../client/index.js';
import { UsageError } from '../identities.js';
import { collect, examples, listOptions, need, print, printList, progressOf, progressOption, values, type Values } from './common.js';

const CLIENT_NOTE = `
--endpoint, --account and --region default to ACTIONBRIDGE_ENDPOINT, ACTIONBRIDGE_ACCOUNT_ID and AWS_REGION;
credentials come from the AWS provider chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, profiles, ...).`;

/** --endpoint, --account, --region: the server and account the client commands talk to. */
function clientOptions(cmd: Command): Command {
  return cmd
    .option('--endpoint <url>', 'the ActionBridge server [ACTIONBRIDGE_ENDPOINT]')
    .option('--account <id>', 'the AWS account id (12 digits) [ACTIONBRIDGE_ACCOUNT_ID]')
    .option('--region <region>', 'the region to sign for [AWS_REGION] (default: us-east-1)')
    .addHelpText('after', CLIENT_NOTE);
}

async function client(v: Record<string, unknown>): Promise<ActionBridgeClient> {
  const { ActionBridgeClient } = await import('../client/index.js');
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

async function run(sub: string, v: Values): Promise<void> {
  switch (sub) {
    case 'list': {
      const out = readable(await (await client(v)).listActionConnectorActions({ ActionConnectorId: need(v, 'connector') }));
      printList(v, out, 'Actions', ['ActionId', 'Enabled', 'Name', 'Description']);
      return;
    }
    case 'invoke': {
      const c = await client(v);
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
    case 'test':
      print(readable(await (await client(v)).testActionConnector({ ActionConnectorId: need(v, 'connector') })));
      return;
    case 'authorize':
      // AuthorizationUrl: ActionBridge's one-time /oauth/start URL (a confirmation page naming the user the sign-in
      // is linked to, then the provider); the sign-in must end in the browser that opens it.
      print(readable(await (await client(v)).startActionConnectorAuthorization({ ActionConnectorId: need(v, 'connector') })));
      return;
    case 'invocations': {
      const c = await client(v);
      const max = v['max-results'] === undefined ? undefined : Number(v['max-results']);
      if (max !== undefined && !(Number.isInteger(max) && max > 0)) throw new UsageError('--max-results must be a positive integer');
      const input = {
        ActionConnectorId: need(v, 'connector'),
        ...(max ? { MaxResults: max } : {}),
        ...(v['next-token'] ? { NextToken: v['next-token'] as string } : {}),
      };
      const columns = ['Time', 'InvocationId', 'ActionId', 'InvokeActionStatus', 'HttpStatusCode', 'DurationMs', 'EndUserArn', 'Client'];
      if (v.all) {
        const all = [];
        for await (const r of c.iterateActionInvocations(input)) all.push(r);
        printList(v, readable({ Invocations: all }), 'Invocations', columns);
      } else printList(v, readable(await c.listActionInvocations(input)), 'Invocations', columns);
      return;
    }
    case 'define': {
      const c = await client(v);
      const file = need(v, 'file');
      let document: string;
      try {
        document = file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
      } catch (e) {
        throw new UsageError(`--file ${file}: ${(e as Error).message}`);
      }
      const filter = (kind: 'include' | 'exclude') => {
        const f = {
          ...(Array.isArray(v[`${kind}-operation`]) ? { OperationIds: v[`${kind}-operation`] as string[] } : {}),
          ...(Array.isArray(v[`${kind}-tag`]) ? { Tags: v[`${kind}-tag`] as string[] } : {}),
          ...(Array.isArray(v[`${kind}-path`]) ? { PathPrefixes: v[`${kind}-path`] as string[] } : {}),
        };
        return Object.keys(f).length ? f : undefined;
      };
      const include = filter('include');
      const exclude = filter('exclude');
      const progress = progressOf(v);
      const started = Date.now();
      progress?.(`reading ${file === '-' ? 'stdin' : file} (${(Buffer.byteLength(document) / 1e6).toFixed(1)} MB) on the server...`);
      const out = await c.putActionConnectorApiDefinition({
        ActionConnectorId: need(v, 'connector'),
        Document: document,
        ...(include ? { Include: include } : {}),
        ...(exclude ? { Exclude: exclude } : {}),
        ...(v['dry-run'] ? { DryRun: true } : {}),
        ...(v['keep-new-disabled'] ? { EnableNewActions: false } : {}),
      });
      const d = out.ApiDefinition;
      progress?.(
        `${v['dry-run'] ? 'dry run (nothing saved)' : `saved as version ${d.DefinitionVersion}`}: ${d.Actions.length} actions, ${d.Skipped.length} operations skipped, ` +
          `${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
      printList(v, readable({ ...d, RemovedFromEnabledActions: out.RemovedFromEnabledActions ?? [] }), 'Actions', [
        'ActionId',
        'Method',
        'Path',
        'Enabled',
        'Name',
      ]);
      return;
    }
    case 'definition': {
      const c = await client(v);
      const version = v.version === undefined ? undefined : Number(v.version);
      if (version !== undefined && !(Number.isInteger(version) && version > 0)) throw new UsageError('--version must be a positive integer');
      const out = await c.describeActionConnectorApiDefinition({
        ActionConnectorId: need(v, 'connector'),
        ...(version ? { DefinitionVersion: version } : {}),
        ...(v.document ? { IncludeDocument: true } : {}),
      });
      // --document: the document as put, as it is (YAML stays YAML), for a file or a pipe.
      if (v.document) process.stdout.write(out.Document ?? '');
      else printList(v, readable(out.ApiDefinition), 'Actions', ['ActionId', 'Method', 'Path', 'Enabled', 'Name']);
      return;
    }
    case 'mcp-attach': {
      const transport = v.transport === undefined ? undefined : String(v.transport).toUpperCase();
      if (transport !== undefined && transport !== 'AUTO' && transport !== 'STREAMABLE_HTTP' && transport !== 'SSE') {
        throw new UsageError('--transport must be auto, streamable_http or sse');
      }
      const out = await (await client(v)).putActionConnectorMcpServer({
        ActionConnectorId: need(v, 'connector'),
        ...(v.path ? { ServerPath: v.path as string } : {}),
        ...(transport ? { Transport: transport } : {}),
        ...(v['keep-new-disabled'] ? { EnableNewActions: false } : {}),
      });
      printList(v, readable({ ...out.McpServer, RemovedFromEnabledActions: out.RemovedFromEnabledActions ?? [] }), 'Tools', [
        'ActionId',
        'ToolName',
        'Enabled',
        'Title',
      ]);
      return;
    }
    case 'mcp-refresh': {
      const out = await (await client(v)).refreshActionConnectorMcpTools({
        ActionConnectorId: need(v, 'connector'),
        ...(v['keep-new-disabled'] ? { EnableNewActions: false } : {}),
      });
      const { McpServer, ...changes } = out as unknown as { McpServer: Record<string, unknown> } & Record<string, unknown>;
      printList(v, readable({ ...McpServer, ...changes }), 'Tools', ['ActionId', 'ToolName', 'Enabled', 'Title']);
      return;
    }
    case 'mcp-server': {
      const out = await (await client(v)).describeActionConnectorMcpServer({ ActionConnectorId: need(v, 'connector') });
      printList(v, readable(out.McpServer), 'Tools', ['ActionId', 'ToolName', 'Enabled', 'Title']);
      return;
    }
    case 'mcp-detach':
      print(readable(await (await client(v)).deleteActionConnectorMcpServer({ ActionConnectorId: need(v, 'connector') })));
      return;
    case 'undefine':
      print(readable(await (await client(v)).deleteActionConnectorApiDefinition({ ActionConnectorId: need(v, 'connector') })));
      return;
    default:
      throw new UsageError(`actions: unknown subcommand '${sub}'`);
  }
}

/** The server's error as JSON on stderr (exit 1); usage errors go to main's handler (exit 2). */
async function reportingErrors(fn: () => Promise<void>): Promise<number> {
  try {
    await fn();
    return 0;
  } catch (e) {
    const { ActionBridgeError } = await import('../client/index.js');
    if (e instanceof ActionBridgeError) {
      process.stderr.write(
        `${JSON.stringify({ Error: e.name, Message: e.message, ...(e.requestId ? { RequestId: e.requestId } : {}), ...(e.httpStatus ? { HttpStatus: e.httpStatus } : {}) }, null, 2)}\n`,
      );
      return 1;
    }
    throw e;
  }
}

export async function mcpCommand(v: Values): Promise<number> {
  const c = await client(v); // checks the flags before stdio is taken over
  const every = v['watch-interval'] === undefined ? 30 : Number(v['watch-interval']);
  if (!Number.isFinite(every) || every < 0) throw new UsageError('--watch-interval must be a number of seconds (0: never)');
  const { runStdioServer } = await import('../mcp/stdio.js');
  await runStdioServer({ endpoint: c.endpoint.href, accountId: c.accountId, region: c.region, watchIntervalMs: every * 1000 });
  return 0;
}

/**
 * `actions ...` and `mcp` on the program. `setCode` receives each command's exit code.
 * A new `actions` subcommand: `actions.command(name)` here, with clientOptions and examples.
 */
export function registerActionCommands(program: Command, setCode: (code: number) => void): void {
  const actions = program.command('actions').description("list, invoke and test the actions of a connector on a running server (as the access key's user)");
  examples(
    actions,
    'export ACTIONBRIDGE_ENDPOINT=http://127.0.0.1:4599 ACTIONBRIDGE_ACCOUNT_ID=111122223333',
    'actionbridge actions list --connector jira-prod',
    'actionbridge actions invoke --help',
  );
  const sub = (name: string, description: string, build: (c: Command) => Command, ...ex: string[]) => {
    const c = build(clientOptions(actions.command(name).description(description)));
    examples(c, ...ex);
    c.action(async (_o, cmd: Command) => setCode(await reportingErrors(() => run(name, values(cmd)))));
  };
  sub(
    'list',
    "the actions of the connector's type, and whether the connector enables each",
    (c) => listOptions(c.option('--connector <id>', 'the connector (required)')),
    'actionbridge actions list --endpoint http://127.0.0.1:4599 --account 111122223333 --connector jira-prod',
  );
  sub(
    'invoke',
    'run one action of a connector (InvokeAction) and print its result',
    (c) =>
      c
        .option('--connector <id>', 'the connector (required)')
        .option('--action <id>', 'the action (required)')
        .option('--input <json|@file|->', "the action's input: a JSON object, @file holding one, or - for stdin", undefined),
    `actionbridge actions invoke --connector jira-prod --action CreateIssue --input '{"project":"OPS","summary":"Disk full"}'`,
    'actionbridge actions invoke --connector jira-prod --action CreateIssue --input @issue.json',
  );
  sub(
    'test',
    "check that the connector's endpoint and credentials work (TestActionConnector)",
    (c) => c.option('--connector <id>', 'the connector (required)'),
    'actionbridge actions test --endpoint http://127.0.0.1:4599 --account 111122223333 --connector jira-prod',
  );
  sub(
    'authorize',
    'start the OAuth sign-in of an OAUTH2_AUTHORIZATION_CODE connector: prints the URL to open',
    (c) => c.option('--connector <id>', 'the connector (required)'),
    'actionbridge actions authorize --connector github --account 111122223333',
  );
  sub(
    'invocations',
    "the connector's InvokeAction records (the audit trail), newest first",
    (c) =>
      listOptions(
        c
          .option('--connector <id>', 'the connector (required)')
          .option('--max-results <n>', 'records per page')
          .option('--next-token <token>', 'continue from a previous page')
          .option('--all', 'every page'),
      ),
    'actionbridge actions invocations --connector jira-prod --max-results 20',
    'actionbridge actions invocations --connector jira-prod --all --json > audit.json',
  );
  sub(
    'define',
    'give the connector an API definition (PutActionConnectorApiDefinition): an OpenAPI 3.0/3.1 or Swagger 2.0 file, JSON or YAML, whose operations become actions',
    (c) =>
      progressOption(
        listOptions(
          c
            .option('--connector <id>', 'the connector (required)')
            .option('--file <path|->', 'the document (required); - for stdin')
            .option('--include-tag <tag>', 'only operations with this tag (repeatable)', collect)
            .option('--include-operation <operationId>', 'only this operation (repeatable)', collect)
            .option('--include-path <prefix>', 'only operations whose path starts so (repeatable)', collect)
            .option('--exclude-tag <tag>', 'leave out operations with this tag (repeatable)', collect)
            .option('--exclude-operation <operationId>', 'leave out this operation (repeatable)', collect)
            .option('--exclude-path <prefix>', 'leave out operations whose path starts so (repeatable)', collect)
            .option('--dry-run', 'show the actions the document would give; store nothing')
            .option('--keep-new-disabled', 'do not enable the actions this version adds'),
        ),
      ),
    'actionbridge actions define --connector shop --file shop-api.yaml --dry-run',
    'actionbridge actions define --connector jira-prod --file jira-openapi.json --include-tag "Issue worklogs" --exclude-operation deleteWorklog',
  );
  sub(
    'definition',
    "the connector's API definition (DescribeActionConnectorApiDefinition): its actions, or the document itself",
    (c) =>
      listOptions(
        c
          .option('--connector <id>', 'the connector (required)')
          .option('--version <n>', 'an earlier version (the last 10 are kept)')
          .option('--document', 'print the document as it was put, not the summary'),
      ),
    'actionbridge actions definition --connector shop',
    'actionbridge actions definition --connector shop --document > shop-api.yaml',
  );
  sub(
    'mcp-attach',
    "attach a remote MCP server (Streamable HTTP or SSE) at the connector's BaseEndpoint: its tools become actions (PutActionConnectorMcpServer)",
    (c) =>
      listOptions(
        c
          .option('--connector <id>', 'the connector (required)')
          .option('--path <path>', "the server's path under the BaseEndpoint, e.g. /mcp (default: the BaseEndpoint itself)")
          .option('--transport <kind>', 'auto (Streamable HTTP, else the legacy SSE transport), streamable_http or sse (default: auto)')
          .option('--keep-new-disabled', 'do not enable the tools'),
      ),
    'actionbridge actions mcp-attach --connector linear --path /mcp',
  );
  sub(
    'mcp-refresh',
    "list the MCP server's tools again: new ones become actions, removed ones leave EnabledActions (RefreshActionConnectorMcpTools)",
    (c) => listOptions(c.option('--connector <id>', 'the connector (required)').option('--keep-new-disabled', 'do not enable tools that are new')),
    'actionbridge actions mcp-refresh --connector linear',
  );
  sub(
    'mcp-server',
    "the connector's MCP server: where it is, what it said it is, its tools (DescribeActionConnectorMcpServer)",
    (c) => listOptions(c.option('--connector <id>', 'the connector (required)')),
    'actionbridge actions mcp-server --connector linear --json',
  );
  sub(
    'mcp-detach',
    "detach the connector's MCP server and remove its tools' actions (DeleteActionConnectorMcpServer)",
    (c) => c.option('--connector <id>', 'the connector (required)'),
    'actionbridge actions mcp-detach --connector linear',
  );
  sub(
    'undefine',
    "remove the connector's API definition and its actions (DeleteActionConnectorApiDefinition)",
    (c) => c.option('--connector <id>', 'the connector (required)'),
    'actionbridge actions undefine --connector shop',
  );

  const mcp = clientOptions(
    program
      .command('mcp')
      .description("an MCP server on stdio acting as the access key's user (for agent clients)")
      .option('--watch-interval <seconds>', 'how often to look for changed connectors (0: never)', undefined),
  );
  mcp.addHelpText('after', '\nThe default --watch-interval is 30 seconds.\n');
  examples(mcp, 'AWS_PROFILE=me actionbridge mcp --endpoint http://127.0.0.1:4599 --account 111122223333');
  mcp.action(async (_o, cmd: Command) => setCode(await mcpCommand(values(cmd))));
}
