// Create, Describe, Update, Delete, List and Search of action connectors.
import type { ActionConnector, ActionConnectorSearchFilter, ActionConnectorSummary, OperationTypes, ResourcePermission } from '../protocol/generated/model.js';
import type { ConnectorRecord, ConnectorSummaryRecord, PermissionGrant, RequestContext, SearchFilter } from '../domain/types.js';
import { authConfigProblems, secretMemberPath, splitSecrets, toReadAuthConfig, type Violation } from '../domain/auth-config.js';
import { aad } from '../domain/aad.js';
import { destinationDigest } from '../domain/destination.js';
import { openSecrets } from '../connections/connector-auth.js';
import { authConfigOf, updateDropsTokens } from '../connections/destination.js';
import { vpcServes } from '../domain/vpc-connections.js';
import { connectorArn } from '../auth/arns.js';
import { OWNER_ACTIONS, OWNER_MARK, VIEWER_MARK } from '../auth/permissions.js';
import { type Problem, ServiceError, constraint, invalidParameter, missingMember, notFound, validationError } from '../protocol/errors.js';
import { storeWrite } from './store-errors.js';
import { serializeOnce } from '../protocol/http.js';
import { DEFAULT_PAGE_SIZE, MAX_TAGS, openPage, type Services } from './services.js';
import { checkPermissionList } from './permission-rules.js';
import { resolvePrincipalFilter } from './principal-filter.js';
import { authenticationTypeProblem, typeAuthConfigProblems } from '../domain/type-auth.js';
import { defaultEnabledActions, unknownActionIds } from '../catalog/index.js';
import type { ActionConnectorType } from '../protocol/generated/model.js';
import { deepFreeze } from '../deep-freeze.js';
import type { CatalogAction } from '../catalog/index.js';
import { extraActionsOf } from './api-definitions.js';

type IO<K extends keyof OperationTypes> = OperationTypes[K];

/**
 * EnabledActions (PRODUCT.md §1.2, non-standard): each id must be an action of the
 * type's catalog; a repeated id counts once. Problems are added to `problems`.
 */
function checkEnabledActions(
  type: ActionConnectorType,
  ids: string[] | undefined,
  problems: Problem[],
  defined: readonly CatalogAction[] = [],
): string[] | undefined {
  if (ids === undefined) return undefined;
  const definedIds = new Set(defined.map((a) => a.ActionId));
  const unknown = [...new Set(unknownActionIds(type, ids))].filter((id) => !definedIds.has(id));
  if (unknown.length) {
    const shown = unknown.slice(0, 10).join(', ') + (unknown.length > 10 ? `, ... (${unknown.length} in all)` : '');
    const whose = definedIds.size ? `of connector type ${type} or of its API definition or MCP server` : `of connector type ${type}`;
    problems.push(constraint('enabledActions', `Member must name actions ${whose} (ListActionConnectorActions lists them); unknown: ${shown}`));
  }
  return [...new Set(ids)];
}

const RESERVED_PREFIX = 'quicksuite-';

/** A domain rule's violation as the wire's problem (its AWS message fragment). */
const wire = (v: Violation): Problem => (v.value === 'null' ? missingMember(v.member, v.rule) : constraint(v.member, v.rule));

/** A VPC connection of another account (or region) gets the very words of one that is not configured. */
function checkVpc(s: Services, arn: string | undefined, tenant: { accountId: string; region: string }, problems: Problem[]) {
  if (arn === undefined) return;
  if (!vpcServes(s.config.vpcConnections, arn, tenant)) {
    problems.push(constraint('vpcConnectionArn', 'Member must name a VPC connection configured on this server (egress.vpcConnections in the config file)'));
  }
}

/** Seals the secrets bound to the connector's row and destination (`rec` as it will be stored). */
function sealSecrets(keys: Services['keys'], rec: ConnectorRecord, secrets: Record<string, string>): string | null {
  return Object.keys(secrets).length ? keys.seal(JSON.stringify(secrets), aad.connector(rec.region, rec.accountId, rec.id, destinationDigest(rec))) : null;
}

/** The stored secrets of `rec`, or undefined when they do not open (its row was changed outside ActionBridge). */
function currentSecrets(s: Services, rec: ConnectorRecord): Record<string, string> | undefined {
  try {
    return openSecrets(rec, s.keys);
  } catch (e) {
    if (e instanceof ServiceError) return undefined;
    throw e;
  }
}

/**
 * Describe's answer per stored record: a record served from the repository's cache is the
 * same frozen object until the next commit, so its wire form is built (and, through
 * serializeOnce, written as JSON) once. A changed connector is a new record object.
 */
const described = new WeakMap<ConnectorRecord, ActionConnector>();
function describedConnector(rec: ConnectorRecord): ActionConnector {
  if (!Object.isFrozen(rec)) return toActionConnector(rec);
  let out = described.get(rec);
  if (out === undefined) {
    out = serializeOnce(deepFreeze(toActionConnector(rec)));
    described.set(rec, out);
  }
  return out;
}

export function toActionConnector(rec: ConnectorRecord): ActionConnector {
  const arn = connectorArn(rec.region, rec.accountId, rec.id);
  const out: ActionConnector = {
    Arn: arn,
    ActionConnectorId: rec.id,
    Type: rec.type,
    Name: rec.name,
    CreatedTime: new Date(rec.createdAt),
    LastUpdatedTime: new Date(rec.updatedAt),
    Status: rec.status,
    AuthenticationConfig: toReadAuthConfig(authConfigOf(rec), arn),
    EnabledActions: rec.enabledActions,
  };
  if (rec.description !== null) out.Description = rec.description;
  if (rec.vpcConnectionArn !== null) out.VpcConnectionArn = rec.vpcConnectionArn;
  return out;
}

/**
 * A page's summary. Its times are Dates as the model types them (the console and MCP read
 * them so), with toJSON writing restJson1's epoch seconds directly: the response encoder
 * leaves an object with its own toJSON to JSON.stringify instead of copying it member by
 * member (protocol/http.ts#toWire), which was most of encoding a page of 100.
 */
function toSummary(region: string, accountId: string, rec: ConnectorSummaryRecord): ActionConnectorSummary {
  if (!Object.isFrozen(rec)) return new WireSummary(connectorArn(region, accountId, rec.id), rec);
  // A record from the repository's page cache: the same frozen object until the next
  // commit, so its summary is built (and written as JSON, serializeOnce) once.
  const arn = connectorArn(region, accountId, rec.id);
  let out = summaries.get(rec);
  if (out === undefined || out.Arn !== arn) {
    out = serializeOnce(deepFreeze(new WireSummary(arn, rec)));
    summaries.set(rec, out);
  }
  return out;
}
const summaries = new WeakMap<ConnectorSummaryRecord, WireSummary>();

class WireSummary implements ActionConnectorSummary {
  ActionConnectorId: string;
  Type: ActionConnectorType;
  Name: string;
  CreatedTime: Date;
  LastUpdatedTime: Date;
  Status: ActionConnectorSummary['Status'];
  constructor(
    readonly Arn: string,
    rec: ConnectorSummaryRecord,
  ) {
    this.ActionConnectorId = rec.id;
    this.Type = rec.type;
    this.Name = rec.name;
    this.CreatedTime = new Date(rec.createdAt);
    this.LastUpdatedTime = new Date(rec.updatedAt);
    this.Status = rec.status;
  }
  toJSON() {
    return {
      Arn: this.Arn,
      ActionConnectorId: this.ActionConnectorId,
      Type: this.Type,
      Name: this.Name,
      CreatedTime: this.CreatedTime.getTime() / 1000,
      LastUpdatedTime: this.LastUpdatedTime.getTime() / 1000,
      Status: this.Status,
    };
  }
}

/**
 * The record and grants a valid CreateActionConnector stores: secrets sealed, the creator
 * the owner unless Permissions are given. Exported for bench/scale.mjs, which loads many
 * connectors exactly as Create stores them.
 */
export function newConnector(
  keys: Services['keys'],
  region: string,
  creatorArn: string,
  input: IO<'CreateActionConnector'>['input'],
  enabledActions: string[],
  now: number,
): { rec: ConnectorRecord; perms: PermissionGrant[] } {
  const { publicPart, secrets } = splitSecrets(input.AuthenticationConfig);
  const rec: ConnectorRecord = {
    region,
    accountId: input.AwsAccountId,
    id: input.ActionConnectorId,
    name: input.Name,
    type: input.Type,
    description: input.Description ?? null,
    authType: input.AuthenticationConfig.AuthenticationType,
    authPublic: publicPart,
    authSecret: null,
    vpcConnectionArn: input.VpcConnectionArn ?? null,
    enabledActions,
    status: 'CREATION_SUCCESSFUL',
    createdAt: now,
    updatedAt: now,
    apiDefinitionVersion: null,
    mcpServerVersion: null,
  };
  rec.authSecret = sealSecrets(keys, rec, secrets);
  const perms: PermissionGrant[] = input.Permissions
    ? input.Permissions.map((p) => ({ principal: p.Principal, actions: p.Actions }))
    : [{ principal: creatorArn, actions: [...OWNER_ACTIONS] }];
  return { rec, perms };
}

export function connectorOps(s: Services) {
  const key = (ctx: RequestContext, accountId: string, id: string) => ({ region: ctx.region, accountId, id });

  async function create(ctx: RequestContext, input: IO<'CreateActionConnector'>['input']): Promise<IO<'CreateActionConnector'>['output']> {
    s.perms.requireAccount(ctx, input.AwsAccountId);
    s.perms.requireCreate(ctx);
    const problems: Problem[] = [];
    if (input.ActionConnectorId.toLowerCase().startsWith(RESERVED_PREFIX)) {
      problems.push(constraint('actionConnectorId', `Member must not start with '${RESERVED_PREFIX}' (reserved)`));
    }
    problems.push(...authConfigProblems(input.AuthenticationConfig).map(wire));
    const authTypeProblem = authenticationTypeProblem(input.Type, input.AuthenticationConfig.AuthenticationType);
    if (authTypeProblem) problems.push(wire(authTypeProblem));
    else problems.push(...typeAuthConfigProblems(input.Type, input.AuthenticationConfig).map(wire));
    const enabledActions = checkEnabledActions(input.Type, input.EnabledActions, problems) ?? defaultEnabledActions(input.Type);
    checkVpc(s, input.VpcConnectionArn, { accountId: input.AwsAccountId, region: ctx.region }, problems);
    if (input.Permissions) problems.push(...(await checkPermissionList(s, ctx, input.AwsAccountId, input.Permissions, 'permissions')));
    if (input.Tags) {
      const keys = new Set(input.Tags.map((t) => t.Key));
      if (keys.size !== input.Tags.length) problems.push(constraint('tags', 'Member must not repeat a tag key'));
      // LimitExceededException is not in CreateActionConnector's model error list: a create
      // that brings too many tags is an invalid parameter (TagResource answers LimitExceeded).
      if (keys.size > MAX_TAGS) problems.push(constraint('tags', `Member must have length less than or equal to ${MAX_TAGS} (tags per resource)`));
    }
    if (problems.length) throw validationError(problems);

    const { rec, perms } = newConnector(s.keys, ctx.region, ctx.caller.userArn, input, enabledActions, s.now());
    await storeWrite({ key: rec }, () =>
      s.store.connectors.insertConnector(
        rec,
        perms,
        (input.Tags ?? []).map((t) => ({ key: t.Key, value: t.Value })),
      ),
    );
    return { Arn: connectorArn(rec.region, rec.accountId, rec.id), ActionConnectorId: rec.id, CreationStatus: rec.status };
  }

  async function describe(ctx: RequestContext, input: IO<'DescribeActionConnector'>['input']): Promise<IO<'DescribeActionConnector'>['output']> {
    const rec = await s.perms.require(ctx, key(ctx, input.AwsAccountId, input.ActionConnectorId), 'quicksight:DescribeActionConnector');
    return { ActionConnector: describedConnector(rec) };
  }

  async function update(ctx: RequestContext, input: IO<'UpdateActionConnector'>['input']): Promise<IO<'UpdateActionConnector'>['output']> {
    const rec = await s.perms.require(ctx, key(ctx, input.AwsAccountId, input.ActionConnectorId), 'quicksight:UpdateActionConnector');
    const problems = authConfigProblems(input.AuthenticationConfig).map(wire);
    const authTypeProblem = authenticationTypeProblem(rec.type, input.AuthenticationConfig.AuthenticationType);
    if (authTypeProblem) problems.push(wire(authTypeProblem));
    else problems.push(...typeAuthConfigProblems(rec.type, input.AuthenticationConfig).map(wire));
    // Given: replaces the connector's list; omitted: the list is kept.
    const defined = input.EnabledActions !== undefined ? await extraActionsOf(s, rec) : [];
    const enabledActions = checkEnabledActions(rec.type, input.EnabledActions, problems, defined) ?? rec.enabledActions;
    checkVpc(s, input.VpcConnectionArn, rec, problems);
    if (problems.length) throw validationError(problems);
    const { publicPart, secrets } = splitSecrets(input.AuthenticationConfig);
    const next: ConnectorRecord = {
      ...rec,
      name: input.Name,
      description: input.Description ?? rec.description,
      authType: input.AuthenticationConfig.AuthenticationType,
      authPublic: publicPart,
      authSecret: null,
      vpcConnectionArn: input.VpcConnectionArn ?? rec.vpcConnectionArn,
      enabledActions,
      status: 'UPDATE_SUCCESSFUL',
      updatedAt: Math.max(s.now(), rec.updatedAt),
    };
    let dropTokens: boolean;
    if (ctx.keepSecret && secretMemberPath(next.authType) !== undefined) {
      // The console kept the stored secret (the input holds a placeholder, never stored).
      // Only where it was sent before: the same method, endpoints, client and account
      // details (the destination digest the sealed value is bound to), else it is asked again.
      if (rec.authType !== next.authType || destinationDigest(rec) !== destinationDigest(next)) {
        throw validationError([
          constraint(
            secretMemberPath(next.authType)!,
            'Member must be given again: the authentication method, an endpoint or the sign-in details changed, and a stored secret is only sent where it was sent before',
          ),
        ]);
      }
      next.authSecret = rec.authSecret;
      dropTokens = false;
    } else {
      next.authSecret = sealSecrets(s.keys, next, secrets);
      // A new destination or new secrets: the tokens obtained for the old ones go (users sign in again).
      dropTokens = updateDropsTokens(rec, next, currentSecrets(s, rec), secrets);
    }
    await storeWrite({ key: rec, vanishedIsConflict: true }, () => s.store.connectors.updateConnector(next, { dropTokens, previous: rec }));
    return { Arn: connectorArn(rec.region, rec.accountId, rec.id), ActionConnectorId: rec.id, UpdateStatus: next.status };
  }

  async function remove(ctx: RequestContext, input: IO<'DeleteActionConnector'>['input']): Promise<IO<'DeleteActionConnector'>['output']> {
    const k = key(ctx, input.AwsAccountId, input.ActionConnectorId);
    await s.perms.require(ctx, k, 'quicksight:DeleteActionConnector');
    if (!(await s.store.connectors.deleteConnector(k))) throw notFound(`Action connector ${k.id} does not exist in account ${k.accountId} (${k.region}).`);
    return { Arn: connectorArn(k.region, k.accountId, k.id), ActionConnectorId: k.id };
  }

  async function page(
    ctx: RequestContext,
    accountId: string,
    opName: string,
    filter: SearchFilter | undefined,
    filterKey: unknown,
    maxResults: number | undefined,
    nextToken: string | undefined,
  ) {
    s.perms.requireAccount(ctx, accountId);
    const binding = { accountId, region: ctx.region, callerArn: ctx.caller.userArn, query: JSON.stringify([opName, filterKey]) };
    const afterId = nextToken !== undefined ? openPage(s.pages, binding, nextToken) : undefined;
    const limit = maxResults || DEFAULT_PAGE_SIZE;
    const rows = await s.store.connectors.queryConnectors({
      region: ctx.region,
      accountId,
      visibleTo: s.perms.visibleTo(ctx),
      filter,
      afterId,
      limit: limit + 1,
    });
    const more = rows.length > limit;
    const pageRows = more ? rows.slice(0, limit) : rows;
    const out: { ActionConnectorSummaries: ActionConnectorSummary[]; NextToken?: string } = {
      ActionConnectorSummaries: pageRows.map((r) => toSummary(ctx.region, accountId, r)),
    };
    if (more) out.NextToken = s.pages.issue(binding, pageRows[pageRows.length - 1]!.id);
    return out;
  }

  async function list(ctx: RequestContext, input: IO<'ListActionConnectors'>['input']): Promise<IO<'ListActionConnectors'>['output']> {
    return page(ctx, input.AwsAccountId, 'List', undefined, null, input.MaxResults, input.NextToken);
  }

  async function search(ctx: RequestContext, input: IO<'SearchActionConnectors'>['input']): Promise<IO<'SearchActionConnectors'>['output']> {
    s.perms.requireAccount(ctx, input.AwsAccountId);
    const f = input.Filters[0];
    const filter = f ? await toFilter(ctx, input.AwsAccountId, f) : undefined;
    return page(ctx, input.AwsAccountId, 'Search', filter, f ? [f.Name, f.Operator, f.Value] : null, input.MaxResults, input.NextToken);
  }

  async function toFilter(ctx: RequestContext, accountId: string, f: ActionConnectorSearchFilter): Promise<SearchFilter> {
    const bad = (rule: string) => validationError([constraint('filters.1.member', rule)]);
    switch (f.Name) {
      case 'ACTION_CONNECTOR_NAME':
        return f.Operator === 'StringEquals' ? { kind: 'nameEquals', value: f.Value } : { kind: 'nameLike', value: f.Value };
      case 'ACTION_CONNECTOR_TYPE':
        if (f.Operator !== 'StringEquals') throw bad('Filter ACTION_CONNECTOR_TYPE supports only the StringEquals operator');
        return { kind: 'type', value: f.Value };
      default: {
        if (f.Operator !== 'StringEquals') throw bad(`Filter ${f.Name} supports only the StringEquals operator`);
        const direct = f.Name.startsWith('DIRECT_');
        const ownerOnly = f.Name === 'QUICKSIGHT_OWNER' || f.Name === 'DIRECT_QUICKSIGHT_OWNER' || f.Name === 'DIRECT_QUICKSIGHT_SOLE_OWNER';
        const principals = await resolvePrincipalFilter(s, ctx, accountId, f.Value, direct, bad);
        return {
          kind: 'principal',
          principals,
          actions: ownerOnly ? [OWNER_MARK] : [OWNER_MARK, VIEWER_MARK],
          sole: f.Name === 'DIRECT_QUICKSIGHT_SOLE_OWNER',
        };
      }
    }
  }

  void invalidParameter;
  return { create, describe, update, remove, list, search };
}

export type { ResourcePermission };
