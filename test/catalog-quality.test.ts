// Issue 16, item 3: every action of every shipped catalog has a human title, a
// description an agent can act on (long enough to say when to use it, and saying what it
// returns), examples (check.ts validates each against InputSchema when the catalog loads),
// and a link to the vendor's reference page where the vendor has no spec in
// ../shared/reference/vendors that the spec-check test can check the action against.
//
// The test prints a table per catalog (actions, checked, what is missing) and asserts on
// every action not listed in PENDING: the catalogs (TYPE) or single actions (TYPE:ActionId)
// other engineers are finishing at the same time. PENDING is emptied when their work is in.
import type { ActionConnectorType } from '../src/protocol/generated/model.js';
import { describe, expect, it } from 'vitest';
import { catalogs } from '../src/catalog/data/index.js';
import { buildAwsCall, buildHttpRequest, catalogFor, validateActionInput } from '../src/catalog/index.js';
import type { CatalogAction, Template } from '../src/catalog/types.js';

const PENDING: readonly string[] = [];

/**
 * Types whose vendor has no spec here to check actions against, so each action links its
 * reference page: ServiceNow, Salesforce, Microsoft Graph (only the CSDL, no OpenAPI),
 * the SAP services without an OpenAPI/EDMX here, and every AWS type (the SDK models are
 * the machine check; the API reference is for people). The SAP business partner and
 * physical inventory services, Atlassian, Slack, Zendesk, PagerDuty, Asana, Smartsheet
 * and BambooHR have specs; GENERIC_HTTP has no vendor.
 */
const NO_SPEC: ReadonlySet<ActionConnectorType> = new Set<ActionConnectorType>([
  'SERVICENOW_NOW_PLATFORM',
  'SALESFORCE_CRM',
  'MICROSOFT_OUTLOOK',
  'MICROSOFT_TEAMS',
  'MICROSOFT_ONEDRIVE',
  'MICROSOFT_SHAREPOINT',
  'SAP_PRODUCTMASTERDATA',
  'SAP_BILLOFMATERIALS',
  'SAP_MATERIALSTOCK',
]);
const needsReference = (type: ActionConnectorType) => NO_SPEC.has(type) || type.startsWith('AMAZON_');

/** Where each vendor publishes its reference: a `reference` elsewhere is a copy-paste slip (GENERIC_HTTP has no vendor). */
function referenceHosts(type: ActionConnectorType): readonly string[] | undefined {
  if (type.startsWith('AMAZON_')) return ['docs.aws.amazon.com'];
  if (type.startsWith('MICROSOFT_')) return ['learn.microsoft.com'];
  if (type.startsWith('SAP_')) return ['api.sap.com', 'help.sap.com'];
  const hosts: Partial<Record<ActionConnectorType, string[]>> = {
    JIRA_CLOUD: ['developer.atlassian.com'],
    ATLASSIAN_CONFLUENCE: ['developer.atlassian.com'],
    SLACK: ['docs.slack.dev', 'api.slack.com'],
    SERVICENOW_NOW_PLATFORM: ['www.servicenow.com', 'docs.servicenow.com', 'developer.servicenow.com'],
    SALESFORCE_CRM: ['developer.salesforce.com', 'help.salesforce.com'],
    ZENDESK_SUITE: ['developer.zendesk.com'],
    PAGERDUTY_ADVANCE: ['developer.pagerduty.com'],
    ASANA: ['developers.asana.com'],
    SMARTSHEET: ['developers.smartsheet.com', 'smartsheet.redoc.ly'],
    BAMBOO_HR: ['documentation.bamboohr.com'],
  };
  return hosts[type];
}

const MAX_NAME = 60;
const MIN_DESCRIPTION = 60;
/** The words with which a description says what the action gives back. */
const RETURNS = /\b(returns?|returned|answers?|answered|gives)\b/i;

/** Every member name an output template produces, at any depth (operators, `$…`, are not members). */
function outputMembers(t: Template | undefined, into = new Set<string>()): Set<string> {
  if (Array.isArray(t)) for (const x of t) outputMembers(x, into);
  else if (t && typeof t === 'object') {
    for (const [k, v] of Object.entries(t)) {
      if (!k.startsWith('$')) into.add(k);
      outputMembers(v, into);
    }
  }
  return into;
}

/**
 * A description says what the action returns when it says "returns"/"answers"/"gives",
 * or names a member of its output (e.g. "…: Id, DisplayName, WebUrl", "NextToken for more").
 */
function saysWhatItReturns(a: CatalogAction): boolean {
  if (RETURNS.test(a.Description)) return true;
  const members = [...outputMembers(a.output?.value)].filter((m) => /^\w+$/.test(m));
  return members.some((m) => new RegExp(`\\b${m}\\b`, 'i').test(a.Description));
}

type Problem = 'name' | 'description' | 'returns' | 'examples' | 'reference';

function problemsOf(type: ActionConnectorType, a: CatalogAction): Problem[] {
  const p: Problem[] = [];
  const name = a.Name.trim();
  // Human: not the id, starts with a capital, several words or one capitalized word ("Converse" as an id is not a title).
  if (name === a.ActionId || name.length > MAX_NAME || !/^[A-Z]/.test(name) || !(/\s/.test(name) || /^[A-Z][a-z]+$/.test(name))) p.push('name');
  if (a.Description.trim().length < MIN_DESCRIPTION) p.push('description');
  if (!saysWhatItReturns(a)) p.push('returns');
  // 1–2 examples, each titled (check.ts has validated each Input against InputSchema at load).
  if (!a.Examples?.length || a.Examples.length > 2 || a.Examples.some((e) => !e.Title?.trim())) p.push('examples');
  const hosts = referenceHosts(type);
  let host: string | undefined;
  try {
    const url = new URL(a.reference ?? '');
    if (url.protocol === 'https:' && url.pathname.length > 1) host = url.host;
  } catch {}
  if (a.reference !== undefined ? !host || (hosts && !hosts.includes(host)) : needsReference(type)) p.push('reference');
  return p;
}

/**
 * What goes wrong when an agent starts from each example: it must pass the input checks
 * InvokeAction applies and build the vendor request (placeholders filled, path under
 * BaseEndpoint, headers allowed), exactly as an invocation would.
 */
function exampleFailures(type: ActionConnectorType, actionId: string): string[] {
  const action = catalogFor(type)?.actions.find((a) => a.ActionId === actionId);
  if (!action) return [`${actionId}: not in the loaded catalog`];
  return (action.Examples ?? []).flatMap((example) => {
    try {
      const input = validateActionInput(action, example.Input);
      if (action.aws) buildAwsCall(action, input);
      else buildHttpRequest(action, 'https://vendor.example.com', input);
      return [];
    } catch (err) {
      return [`${actionId} example "${example.Title}": ${err instanceof Error ? err.message : String(err)}`];
    }
  });
}

const isPending = (type: string, actionId: string) => PENDING.includes(type) || PENDING.includes(`${type}:${actionId}`);

describe('catalog quality (issue 16 item 3)', () => {
  const rows = catalogs.map((c) => {
    const found = c.actions.map((a) => {
      const failures = exampleFailures(c.Type, a.ActionId);
      const problems = problemsOf(c.Type, a);
      if (failures.length && !problems.includes('examples')) problems.push('examples');
      return { id: a.ActionId, problems, failures, pending: isPending(c.Type, a.ActionId) };
    });
    const count = (what: Problem) => found.filter((f) => f.problems.includes(what)).length;
    return {
      type: c.Type,
      found,
      row: {
        Type: c.Type,
        Actions: c.actions.length,
        Checked: found.filter((f) => !f.pending).length,
        'Bad names': count('name'),
        'Weak descriptions': found.filter((f) => f.problems.includes('description') || f.problems.includes('returns')).length,
        'Missing or failing examples': count('examples'),
        'Missing or wrong reference': count('reference'),
        Pending: PENDING.includes(c.Type) ? 'catalog' : found.some((f) => f.pending) ? 'some actions' : '',
      },
    };
  });

  it('reports per catalog: actions checked, weak names and descriptions, missing examples and references', () => {
    console.log('Catalog quality (issue 16 item 3):');
    console.table(rows.map((r) => r.row));
    const ready = PENDING.filter((entry) => {
      const [type, id] = entry.split(':');
      const found = rows.find((r) => r.type === type)?.found.filter((f) => !id || f.id === id) ?? [];
      return found.length > 0 && found.every((f) => f.problems.length === 0);
    });
    if (ready.length) console.log(`Complete now, can leave PENDING: ${ready.join(', ')}`);
    expect(rows.reduce((n, r) => n + r.row.Actions, 0)).toBeGreaterThan(0);
  });

  it('PENDING names only shipped catalogs (an action another branch adds may not be here yet)', () => {
    for (const entry of PENDING) {
      const [type, id] = entry.split(':');
      const catalog = catalogs.find((c) => c.Type === type);
      expect(catalog, entry).toBeDefined();
      if (id && !catalog!.actions.some((a) => a.ActionId === id)) console.log(`PENDING ${entry}: no such action in this tree`);
    }
  });

  for (const { type, found } of rows) {
    if (PENDING.includes(type)) continue;
    it(`${type}: every action has a human title, a description that says what it returns, examples${needsReference(type) ? ' and its reference page' : ''}`, () => {
      const problems = found
        .filter((f) => !f.pending && f.problems.length)
        .map((f) => `${f.id}: ${f.problems.join(', ')}${f.failures.length ? ` (${f.failures.join('; ')})` : ''}`);
      expect(problems).toEqual([]);
    });
  }

  it('the rules catch what they are for', () => {
    const action = (over: Partial<CatalogAction>): CatalogAction => ({
      ActionId: 'ListThings',
      Name: 'List things',
      Description: 'Lists the things of the account, a page at a time; returns Things and NextToken while more remain.',
      InputSchema: { type: 'object' },
      request: { method: 'GET', path: '/things' },
      output: { value: { Things: '$.Body.things', NextToken: '$.Body.next' } },
      idempotent: true,
      Examples: [{ Title: 'List things', Input: {} }],
      reference: 'https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/things.htm',
      ...over,
    });
    expect(problemsOf('SALESFORCE_CRM', action({}))).toEqual([]);
    expect(problemsOf('SALESFORCE_CRM', action({ Name: 'ListThings' }))).toEqual(['name']);
    expect(problemsOf('SALESFORCE_CRM', action({ Name: 'list things' }))).toEqual(['name']);
    expect(problemsOf('SALESFORCE_CRM', action({ Name: 'Things' }))).toEqual([]);
    expect(problemsOf('SALESFORCE_CRM', action({ Name: `List ${'very '.repeat(12)}many things` }))).toEqual(['name']);
    expect(problemsOf('SALESFORCE_CRM', action({ Description: 'Lists all.' }))).toEqual(['description', 'returns']);
    // Naming an output member (at any depth) says what comes back.
    expect(problemsOf('SALESFORCE_CRM', action({ Description: 'Lists the things of the account, a page at a time: their Things, with NextToken.' }))).toEqual(
      [],
    );
    expect(
      problemsOf(
        'SALESFORCE_CRM',
        action({
          Description: 'Lists the things of the account, a page at a time, each with its Id and DisplayName.',
          output: { value: { Things: { $each: '$.Body.things', $as: { Id: '@.id', DisplayName: '@.name' } } } },
        }),
      ),
    ).toEqual([]);
    expect(
      problemsOf('SALESFORCE_CRM', action({ Description: 'Archives the old records of the account, oldest first, a page at a time, for tidiness.' })),
    ).toEqual(['returns']);
    expect(problemsOf('SALESFORCE_CRM', action({ Examples: [] }))).toEqual(['examples']);
    expect(problemsOf('SALESFORCE_CRM', action({ Examples: undefined }))).toEqual(['examples']);
    expect(problemsOf('SALESFORCE_CRM', action({ Examples: [1, 2, 3].map((n) => ({ Title: `Example ${n}`, Input: {} })) }))).toEqual(['examples']);
    expect(problemsOf('SALESFORCE_CRM', action({ Examples: [{ Title: ' ', Input: {} }] }))).toEqual(['examples']);
    expect(problemsOf('SALESFORCE_CRM', action({ reference: undefined }))).toEqual(['reference']);
    expect(problemsOf('AMAZON_BEDROCK_RUNTIME', action({ reference: 'http://docs.aws.amazon.com/bedrock/' }))).toEqual(['reference']);
    // The link goes to the vendor's own reference.
    expect(
      problemsOf('AMAZON_BEDROCK_RUNTIME', action({ reference: 'https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html' })),
    ).toEqual([]);
    expect(problemsOf('SAP_MATERIALSTOCK', action({ reference: 'https://learn.microsoft.com/en-us/graph/api/user-get' }))).toEqual(['reference']);
    expect(problemsOf('SAP_MATERIALSTOCK', action({ reference: 'https://api.sap.com/' }))).toEqual(['reference']);
    // A vendor with a spec here may leave the link out; GENERIC_HTTP has no vendor.
    expect(problemsOf('SLACK', action({ reference: undefined }))).toEqual([]);
    expect(problemsOf('SLACK', action({ reference: 'https://docs.slack.dev/reference/methods/conversations.list' }))).toEqual([]);
    expect(problemsOf('GENERIC_HTTP', action({ reference: undefined }))).toEqual([]);
  });
});
