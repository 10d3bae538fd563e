// API definitions (issue 17): PutActionConnectorApiDefinition, DescribeActionConnectorApiDefinition,
// DeleteActionConnectorApiDefinition, and the connector's actions with them (actionsOf).
//
// A connector may carry an OpenAPI document; each selected operation becomes an action
// beside its type's built-in catalog (src/catalog/openapi.ts), invoked exactly as catalog
// actions are: at the connector's BaseEndpoint, with its own authentication, under the
// same request rules. The document never routes nor authenticates.
//
// Storage: each put is a version (store.apiDefinitions); the connector row names the
// current one. The actions are not stored: every node derives them from the stored
// document (parsed JSON, the put-time checks' decisions replayed, no checks compiled)
// the first time it needs that (connector, version), and keeps them (a version names one
// document for good). So a row changed outside ActionBridge cannot make an action that a
// document could not: none leaves the BaseEndpoint or carries other credentials.
import { createHash } from 'node:crypto';
import type { ConnectorRecord, RequestContext } from '../domain/types.js';
import type { ApiOperationFilter, OperationTypes } from '../protocol/generated/model.js';
import { ServiceError, constraint, invalidParameter, notFound, validationError } from '../protocol/errors.js';
import { catalogFor, type CatalogAction } from '../catalog/index.js';
import { ApiDefinitionError, type DefinedActions, type Filter, defineActions } from '../catalog/openapi.js';
import { readApiDocument, DEFAULT_WORKER_LIMITS, type WorkerLimits } from '../catalog/openapi-worker.js';
import { baseEndpointOf } from '../domain/auth-config.js';
import { authConfigOf } from '../connections/destination.js';
import { deepFreeze } from '../deep-freeze.js';
import { perStore, versionKey } from './version-cache.js';
import { Stale } from '../store/store.js';
import type { ApiDefinitionRecord } from '../store/store.js';
import { storeWrite } from './store-errors.js';
import { mcpActionsOf } from './mcp-servers.js';
import type { ExtensionOperations } from './index.js';
import type { Services } from './services.js';

type IO<K extends keyof OperationTypes> = OperationTypes[K];
type Ops = Pick<ExtensionOperations, 'PutActionConnectorApiDefinition' | 'DescribeActionConnectorApiDefinition' | 'DeleteActionConnectorApiDefinition'>;

/** The most bytes of document text (UTF-8). */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
/** Versions kept per connector (the current one and the ones before it). */
export const KEPT_VERSIONS = 10;
/** Documents read at once per process (each in a worker thread), and how many may wait. */
const READERS = 1;
const MAX_WAITING = 4;

/** What Describe returns of a version, as stored with it (JSON in api_definitions.summary). */
interface StoredSummary {
  Title: string;
  ApiVersion: string;
  SpecVersion: string;
  DocumentSha256: string;
  DocumentBytes: number;
  Actions: { ActionId: string; Name: string; Method: string; Path: string }[];
  Skipped: { Operation: string; Reason: string }[];
  Notes: string[];
  /** The checks' decisions, replayed when the actions are derived again (DefineOptions.known). */
  checked: DefinedActions['checked'];
}

const toFilter = (f: ApiOperationFilter | undefined): Filter | undefined => {
  if (!f) return undefined;
  const out: Filter = {};
  if (f.OperationIds?.length) out.operationIds = [...f.OperationIds];
  if (f.Tags?.length) out.tags = [...f.Tags];
  if (f.PathPrefixes?.length) out.pathPrefixes = [...f.PathPrefixes];
  return Object.keys(out).length ? out : undefined;
};
const fromFilter = (f: Filter | undefined): ApiOperationFilter | undefined =>
  f
    ? {
        ...(f.operationIds ? { OperationIds: f.operationIds } : {}),
        ...(f.tags ? { Tags: f.tags } : {}),
        ...(f.pathPrefixes ? { PathPrefixes: f.pathPrefixes } : {}),
      }
    : undefined;

/** The built-in catalog's action ids of a type (defined actions never take one). */
const catalogIds = (rec: ConnectorRecord): string[] => (catalogFor(rec.type)?.actions ?? []).map((a) => a.ActionId);

/** Defined actions by (connector incarnation, version), on this node. */
const cacheOf = perStore<readonly CatalogAction[]>();
const cacheKey = versionKey;

/** A stored definition that does not give its actions again: the row was changed outside ActionBridge. */
function storedDefinitionMalformed(rec: ConnectorRecord, version: number, why: string): ServiceError {
  return new ServiceError(
    'ConflictException',
    `Action connector ${rec.id} cannot use its API definition (version ${version}): ${why} (it was changed outside ActionBridge). ` +
      'Nothing was sent. Put the API definition again with PutActionConnectorApiDefinition, or delete it.',
  );
}

/** Derives a stored version's actions (no YAML, no checks compiled: what the checks decided at put time is replayed). */
function deriveStored(rec: ConnectorRecord, def: ApiDefinitionRecord): readonly CatalogAction[] {
  try {
    const summary = JSON.parse(def.summary) as StoredSummary;
    const doc = JSON.parse(def.documentJson) as unknown;
    const d = defineActions(doc, {
      ...(def.filters.include ? { include: def.filters.include } : {}),
      ...(def.filters.exclude ? { exclude: def.filters.exclude } : {}),
      reservedIds: catalogIds(rec),
      check: false,
      known: summary.checked,
    });
    // The actions the put announced, no other: a document changed in the row gives no action the put did not check.
    const announced = new Set(summary.Actions.map((a) => a.ActionId));
    return deepFreeze(d.actions.filter((a) => announced.has(a.ActionId)));
  } catch (err) {
    throw storedDefinitionMalformed(rec, def.version, err instanceof ApiDefinitionError ? err.message : 'it does not parse');
  }
}

/** The connector's defined actions (none without an API definition), derived once per node and version. */
export function definedActionsOf(s: Pick<Services, 'store'>, rec: ConnectorRecord): Promise<readonly CatalogAction[]> {
  const version = rec.apiDefinitionVersion;
  if (version === null) return Promise.resolve([]);
  return cacheOf(s.store).get(cacheKey(rec, version), async () => {
    const def = await s.store.apiDefinitions.getApiDefinition(rec, version);
    if (!def) throw storedDefinitionMalformed(rec, version, 'the version the connector names is not stored');
    return deriveStored(rec, def);
  });
}

/** The connector's actions beside its type's catalog: its API definition's, or its MCP server's tools (src/ops/mcp-servers.ts). */
export async function extraActionsOf(s: Pick<Services, 'store'>, rec: ConnectorRecord): Promise<readonly CatalogAction[]> {
  if (rec.apiDefinitionVersion === null && rec.mcpServerVersion === null) return [];
  const [defined, tools] = await Promise.all([definedActionsOf(s, rec), mcpActionsOf(s, rec)]);
  return tools.length ? [...defined, ...tools] : defined;
}

/** Every action of the connector: its type's catalog, then its defined actions and MCP tools. */
export async function actionsOf(s: Pick<Services, 'store'>, rec: ConnectorRecord): Promise<readonly CatalogAction[]> {
  const catalog = catalogFor(rec.type)?.actions ?? [];
  if (rec.apiDefinitionVersion === null && rec.mcpServerVersion === null) return catalog;
  return [...catalog, ...(await extraActionsOf(s, rec))];
}

/** One action of the connector (catalog, defined, or an MCP server's tool). */
export async function findConnectorAction(s: Pick<Services, 'store'>, rec: ConnectorRecord, actionId: string): Promise<CatalogAction | undefined> {
  const builtIn = catalogFor(rec.type)?.actions.find((a) => a.ActionId === actionId);
  if (builtIn || (rec.apiDefinitionVersion === null && rec.mcpServerVersion === null)) return builtIn;
  return (await extraActionsOf(s, rec)).find((a) => a.ActionId === actionId);
}

/** Documents read one at a time per process (each in its own worker); a few may wait, more are throttled. */
class ReaderGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.running >= READERS) {
      if (this.waiting.length >= MAX_WAITING) {
        throw new ServiceError('ThrottlingException', 'Too many API definitions are being read on this server; retry in a few seconds.');
      }
      await new Promise<void>((r) => this.waiting.push(r));
    }
    this.running++;
    try {
      return await fn();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}

export function apiDefinitionOps(s: Services, workerLimits: WorkerLimits = DEFAULT_WORKER_LIMITS): Ops {
  const gate = new ReaderGate();
  const key = (ctx: RequestContext, input: { AwsAccountId: string; ActionConnectorId: string }) => ({
    region: ctx.region,
    accountId: input.AwsAccountId,
    id: input.ActionConnectorId,
  });

  /** The ids of the connector's defined actions now; for a stored version that no longer derives, the ids its put announced. */
  async function definedIdsOf(rec: ConnectorRecord): Promise<Set<string>> {
    if (rec.apiDefinitionVersion === null) return new Set();
    try {
      return new Set((await definedActionsOf(s, rec)).map((a) => a.ActionId));
    } catch {
      const def = await s.store.apiDefinitions.getApiDefinition(rec, rec.apiDefinitionVersion);
      try {
        return new Set(def ? (JSON.parse(def.summary) as StoredSummary).Actions.map((a) => a.ActionId) : []);
      } catch {
        return new Set();
      }
    }
  }

  /** Only connectors that send HTTP under a BaseEndpoint can take defined actions. */
  function requireHttp(rec: ConnectorRecord): void {
    if (catalogFor(rec.type)?.actions.some((a) => a.aws) || !baseEndpointOf(authConfigOf(rec))) {
      throw invalidParameter(
        `Action connector ${rec.id} (type ${rec.type}) calls AWS APIs, not an HTTP API under a BaseEndpoint: it cannot take an API definition. ` +
          'Use a GENERIC_HTTP connector (or another type with a BaseEndpoint) for the API.',
      );
    }
    if (rec.mcpServerVersion !== null) {
      throw new ServiceError(
        'ConflictException',
        `Action connector ${rec.id} has an MCP server; a connector has an API definition or an MCP server, not both. ` +
          'Delete the MCP server first (DeleteActionConnectorMcpServer), or use another connector for the API.',
      );
    }
  }

  const withEnabled = (summary: StoredSummary, rec: Pick<ConnectorRecord, 'enabledActions'>) => {
    const on = new Set(rec.enabledActions);
    return summary.Actions.map((a) => ({ ...a, Enabled: on.has(a.ActionId) }));
  };

  async function put(ctx: RequestContext, input: IO<'PutActionConnectorApiDefinition'>['input']): Promise<IO<'PutActionConnectorApiDefinition'>['output']> {
    const k = key(ctx, input);
    const rec = await s.perms.require(ctx, k, 'quicksight:UpdateActionConnector');
    requireHttp(rec);
    const bytes = Buffer.byteLength(input.Document, 'utf8');
    if (bytes > MAX_DOCUMENT_BYTES) {
      throw validationError([constraint('document', `Member must be at most ${MAX_DOCUMENT_BYTES} bytes of UTF-8 text (it is ${bytes})`)]);
    }
    const include = toFilter(input.Include);
    const exclude = toFilter(input.Exclude);
    let read: Awaited<ReturnType<typeof readApiDocument>>;
    try {
      read = await gate.run(() =>
        readApiDocument(input.Document, { ...(include ? { include } : {}), ...(exclude ? { exclude } : {}), reservedIds: catalogIds(rec) }, workerLimits),
      );
    } catch (err) {
      if (err instanceof ApiDefinitionError)
        throw validationError([constraint('document', `Member must be a usable OpenAPI 3.0/3.1 or Swagger 2.0 document: ${err.message}`)]);
      throw err;
    }
    const d = read.defined;
    const summary: StoredSummary = {
      Title: d.title,
      ApiVersion: d.version,
      SpecVersion: read.specVersion,
      DocumentSha256: createHash('sha256').update(input.Document, 'utf8').digest('hex'),
      DocumentBytes: bytes,
      Actions: d.actions.map((a) => {
        const r = Array.isArray(a.request) ? a.request[0] : a.request;
        return { ActionId: a.ActionId, Name: a.Name, Method: r?.method ?? 'GET', Path: r?.path ?? '' };
      }),
      Skipped: d.skipped.map((x) => ({ Operation: x.operation, Reason: x.reason })),
      Notes: d.notes,
      checked: d.checked,
    };

    // Which actions leave and join EnabledActions.
    const beforeIds = await definedIdsOf(rec);
    const afterIds = new Set(d.actions.map((a) => a.ActionId));
    const removed = rec.enabledActions.filter((id) => beforeIds.has(id) && !afterIds.has(id));
    const added = [...afterIds].filter((id) => !beforeIds.has(id));
    const enabled = [...rec.enabledActions.filter((id) => !removed.includes(id)), ...(input.EnableNewActions === false ? [] : added)];
    const described = (version: number, createdAt?: number) => ({
      DefinitionVersion: version,
      Title: summary.Title,
      ApiVersion: summary.ApiVersion,
      SpecVersion: summary.SpecVersion,
      DocumentSha256: summary.DocumentSha256,
      DocumentBytes: summary.DocumentBytes,
      ...(input.Include ? { Include: input.Include } : {}),
      ...(input.Exclude ? { Exclude: input.Exclude } : {}),
      Actions: withEnabled(summary, { enabledActions: enabled }),
      Skipped: summary.Skipped,
      Notes: summary.Notes,
      ...(createdAt !== undefined ? { CreatedTime: new Date(createdAt), CreatedBy: ctx.caller.userArn } : {}),
    });

    if (input.DryRun) return { ApiDefinition: described(0), RemovedFromEnabledActions: removed, DryRun: true };
    if (d.actions.length === 0) {
      const why = d.skipped
        .slice(0, 5)
        .map((x) => `${x.operation}: ${x.reason}`)
        .join('; ');
      throw validationError([
        constraint(
          'document',
          `Member must give at least one action; no operation selected became one${why ? ` (${why}${d.skipped.length > 5 ? '; …' : ''})` : ''}`,
        ),
      ]);
    }
    const now = s.now();
    let version: number;
    try {
      version = await storeWrite({ key: k }, () =>
        s.store.apiDefinitions.putApiDefinition(
          rec,
          {
            document: input.Document,
            documentJson: read.json,
            filters: { ...(include ? { include } : {}), ...(exclude ? { exclude } : {}) },
            summary: JSON.stringify(summary),
            createdAt: now,
            createdBy: ctx.caller.userArn,
          },
          enabled,
          KEPT_VERSIONS,
        ),
      );
    } catch (err) {
      if (err instanceof Stale) {
        throw new ServiceError(
          'ConflictException',
          `The API definition of action connector ${rec.id} changed while this one was being read; read it again and retry.`,
        );
      }
      throw err;
    }
    // This node has the actions already (checked): no need to derive them again.
    cacheOf(s.store).set(cacheKey(rec, version), Promise.resolve(deepFreeze(d.actions)));
    return { ApiDefinition: described(version, now), RemovedFromEnabledActions: removed };
  }

  async function describe(
    ctx: RequestContext,
    input: IO<'DescribeActionConnectorApiDefinition'>['input'],
  ): Promise<IO<'DescribeActionConnectorApiDefinition'>['output']> {
    const rec = await s.perms.require(ctx, key(ctx, input), 'quicksight:DescribeActionConnector');
    if (rec.apiDefinitionVersion === null) {
      throw notFound(`Action connector ${rec.id} has no API definition; PutActionConnectorApiDefinition gives it one.`);
    }
    const version = input.DefinitionVersion ?? rec.apiDefinitionVersion;
    const def = version <= rec.apiDefinitionVersion ? await s.store.apiDefinitions.getApiDefinition(rec, version) : undefined;
    if (!def) {
      throw notFound(
        `Action connector ${rec.id} has no API definition version ${version}; the current one is ${rec.apiDefinitionVersion}, and the last ${KEPT_VERSIONS} are kept.`,
      );
    }
    let summary: StoredSummary;
    try {
      summary = JSON.parse(def.summary) as StoredSummary;
    } catch {
      throw storedDefinitionMalformed(rec, version, 'its summary does not parse');
    }
    const include = fromFilter(def.filters.include);
    const exclude = fromFilter(def.filters.exclude);
    return {
      ApiDefinition: {
        DefinitionVersion: def.version,
        Title: summary.Title,
        ApiVersion: summary.ApiVersion,
        SpecVersion: summary.SpecVersion,
        DocumentSha256: summary.DocumentSha256,
        DocumentBytes: summary.DocumentBytes,
        ...(include ? { Include: include } : {}),
        ...(exclude ? { Exclude: exclude } : {}),
        // Enabled says what the connector enables now (an earlier version's actions may be gone).
        Actions: withEnabled(summary, rec),
        Skipped: summary.Skipped,
        Notes: summary.Notes,
        CreatedTime: new Date(def.createdAt),
        CreatedBy: def.createdBy,
      },
      ...(input.IncludeDocument ? { Document: def.document } : {}),
    };
  }

  async function remove(
    ctx: RequestContext,
    input: IO<'DeleteActionConnectorApiDefinition'>['input'],
  ): Promise<IO<'DeleteActionConnectorApiDefinition'>['output']> {
    const k = key(ctx, input);
    const rec = await s.perms.require(ctx, k, 'quicksight:UpdateActionConnector');
    if (rec.apiDefinitionVersion === null) {
      throw notFound(`Action connector ${rec.id} has no API definition.`);
    }
    // Its actions leave EnabledActions; a definition that no longer derives leaves the ids the summary announced.
    const ids = await definedIdsOf(rec);
    const builtIn = new Set(catalogIds(rec));
    const removed = rec.enabledActions.filter((id) => ids.has(id) && !builtIn.has(id));
    try {
      await storeWrite({ key: k }, () =>
        s.store.apiDefinitions.removeApiDefinition(
          rec,
          rec.enabledActions.filter((id) => !removed.includes(id)),
          s.now(),
        ),
      );
    } catch (err) {
      if (err instanceof Stale) {
        throw new ServiceError('ConflictException', `The API definition of action connector ${rec.id} changed meanwhile; read it again and retry.`);
      }
      throw err;
    }
    return { RemovedFromEnabledActions: removed };
  }

  return { PutActionConnectorApiDefinition: put, DescribeActionConnectorApiDefinition: describe, DeleteActionConnectorApiDefinition: remove };
}
