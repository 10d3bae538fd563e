// The catalog format: every shipped catalog passes its schema and checks, broken
// catalogs are refused with a reason, and the model's 27 connector types are
// walked to report which have catalogs.
import { describe, expect, it } from 'vitest';
import {
  ACTION_ID_PATTERN,
  CONNECTOR_TYPES,
  catalogFor,
  catalogProblems,
  defaultEnabledActions,
  describeActions,
  findAction,
  loadCatalogs,
  unknownActionIds,
  type Catalog,
} from '../src/catalog/index.js';
import { catalogs as shipped } from '../src/catalog/data/index.js';
import model from '../model/quicksight-action-connectors.model.json' with { type: 'json' };
import { COMPLETED_TYPES, REQUIRED_ACTIONS } from './support/catalog-samples.js';

const shapes = (model as unknown as { shapes: Record<string, { enum?: string[]; pattern?: string }> }).shapes;

describe('catalog format', () => {
  it('every shipped catalog passes the schema and the checks', () => {
    for (const c of shipped) expect(catalogProblems(c, CONNECTOR_TYPES), c.Type).toEqual([]);
    expect(() => loadCatalogs()).not.toThrow();
  });

  it("ActionIds match the model's ActionId pattern, read as Java reads it", () => {
    const javaPattern = new RegExp(`^(?:${shapes.ActionId!.pattern})$`);
    expect(shapes.ActionId!.pattern).toBe('[\\w@:_.,!?+-/]+');
    for (const c of shipped)
      for (const a of c.actions) {
        expect(javaPattern.test(a.ActionId), a.ActionId).toBe(true);
        expect(new RegExp(ACTION_ID_PATTERN).test(a.ActionId)).toBe(true);
      }
    // The anchored schema pattern accepts and refuses what the model's does.
    for (const id of ['Create-Issue', 'a/b', 'x@y:z', 'q?', 'a,b', 'a+b', 'a.b']) expect(new RegExp(ACTION_ID_PATTERN).test(id), id).toBe(javaPattern.test(id));
    for (const id of ['has space', 'semi;colon', 'a#b', 'a*b', 'é']) {
      expect(new RegExp(ACTION_ID_PATTERN).test(id), id).toBe(false);
      expect(javaPattern.test(id), id).toBe(false);
    }
  });

  const jira = () => structuredClone(shipped.find((c) => c.Type === 'JIRA_CLOUD')!) as Catalog;
  const broken: [string, (c: Catalog) => void, RegExp][] = [
    [
      'an ActionId outside the pattern',
      (c) => {
        c.actions[0]!.ActionId = 'Create Issue';
      },
      /ActionId|pattern/,
    ],
    [
      'an action with neither request nor aws',
      (c) => {
        delete c.actions[0]!.request;
      },
      /must match exactly one schema/,
    ],
    [
      'an action with both request and aws',
      (c) => {
        c.actions[0]!.aws = { client: '@aws-sdk/client-s3', command: 'ListBucketsCommand', signingName: 's3', input: {} };
      },
      /exactly one/,
    ],
    [
      'an InputSchema that is not an object schema',
      (c) => {
        c.actions[0]!.InputSchema = { type: 'string', properties: {} };
      },
      /InputSchema/,
    ],
    [
      'an InputSchema that does not compile',
      (c) => {
        c.actions[0]!.InputSchema = { type: 'object', properties: { A: { type: 'nope' } } };
      },
      /does not compile/,
    ],
    [
      'a placeholder naming no member',
      (c) => {
        (c.actions[1]!.request as { path: string }).path = '/rest/api/3/issue/{Nope}';
      },
      /\{Nope\} names no member/,
    ],
    [
      'a placeholder on an optional member',
      (c) => {
        (c.actions[1]!.request as { path: string }).path = '/rest/api/3/issue/{Expand}';
      },
      /must be a required member/,
    ],
    [
      'a dot segment in a path template',
      (c) => {
        (c.actions[1]!.request as { path: string }).path = '/rest/api/3/../issue/{IssueIdOrKey}';
      },
      /'\.\.'/,
    ],
    [
      'a reference to an undeclared member',
      (c) => {
        (c.actions[1]!.request as { query: unknown }).query = { fields: '$.Feilds' };
      },
      /\$\.Feilds names no member/,
    ],
    [
      'a malformed reference',
      (c) => {
        (c.actions[1]!.request as { query: unknown }).query = { fields: '$.Fields[x]' };
      },
      /expected \[n\]/,
    ],
    [
      'an unknown operator',
      (c) => {
        (c.actions[1]!.request as { query: unknown }).query = { fields: { $upper: '$.Fields' } };
      },
      /unknown operator \$upper/,
    ],
    [
      'an unknown hook',
      (c) => {
        (c.actions[1]!.request as { query: unknown }).query = { fields: { $hook: 'nope', $of: '$.Fields' } };
      },
      /unknown hook/,
    ],
    [
      'an output reference outside the response',
      (c) => {
        c.actions[1]!.output = { value: { Id: '$.id' } };
      },
      /must start with \$\.StatusCode/,
    ],
    [
      'a catalog setting Authorization',
      (c) => {
        c.defaultHeaders = { Authorization: 'Bearer x' };
      },
      /authorization/i,
    ],
    [
      'an action setting a Cookie header',
      (c) => {
        (c.actions[1]!.request as { headers: unknown }).headers = { cookie: 'a=b' };
      },
      /cookie/,
    ],
    [
      'an unknown member',
      (c) => {
        (c.actions[0] as unknown as Record<string, unknown>).retries = 3;
      },
      /additional properties/,
    ],
    [
      'duplicate ActionIds',
      (c) => {
        c.actions[1]!.ActionId = c.actions[0]!.ActionId;
      },
      /duplicate ActionId/,
    ],
    [
      'more than 100 actions',
      (c) => {
        c.actions = Array.from({ length: 101 }, (_, i) => ({ ...c.actions[0]!, ActionId: `A${i}` }));
      },
      /must NOT have more than 100 items/,
    ],
    [
      'an AWS client package that is not installed',
      (c) => {
        c.actions[0] = { ...c.actions[0]!, request: undefined, aws: { client: '@aws-sdk/client-nope', command: 'XCommand', signingName: 'x', input: {} } };
        delete c.actions[0]!.request;
      },
      /not an installed client package/,
    ],
    [
      'a pagination token that is not an input member',
      (c) => {
        c.actions[2]!.pagination = { inputToken: 'Cursor', outputToken: 'NextToken' };
      },
      /Cursor is not a member/,
    ],
    [
      'an example that does not validate against the input schema',
      (c) => {
        c.actions[0]!.Examples = [{ Title: 'No key', Input: {} }];
      },
      /Examples\/0 \(No key\): does not validate against InputSchema: .*required/,
    ],
    [
      'a reference that is not an https URL',
      (c) => {
        c.actions[0]!.reference = 'http://developer.example.com/x';
      },
      /reference: must match pattern/,
    ],
  ];
  for (const [what, breakIt, reason] of broken) {
    it(`refuses ${what}`, () => {
      const c = jira();
      breakIt(c);
      const problems = catalogProblems(c, CONNECTOR_TYPES);
      expect(problems.join('\n')).toMatch(reason);
      expect(() => loadCatalogs([c])).toThrow(/Invalid action catalogs/);
    });
  }

  it('refuses a catalog for a type the model does not name', () => {
    const c = { ...jira(), Type: 'MYSPACE' } as unknown as Catalog;
    expect(catalogProblems(c, CONNECTOR_TYPES).join('\n')).toMatch(/not a connector type of the model/);
  });

  it('finds actions and defaults EnabledActions to the whole catalog', () => {
    expect(findAction('JIRA_CLOUD', 'CreateIssue')?.Name).toBe('Create issue');
    expect(findAction('JIRA_CLOUD', 'Nope')).toBeUndefined();
    // The whole catalog in catalog order (new actions are appended, so the first ones keep their place).
    const slackIds = catalogFor('SLACK')!.actions.map((a) => a.ActionId);
    expect(slackIds.slice(0, 4)).toEqual(['PostMessage', 'ListChannels', 'GetChannelHistory', 'AddReaction']);
    expect(defaultEnabledActions('SLACK')).toEqual(slackIds);
    expect(unknownActionIds('SLACK', ['PostMessage', 'DeleteEverything'])).toEqual(['DeleteEverything']);
    const listed = describeActions('SLACK', ['PostMessage']);
    expect(listed.map((a) => [a.ActionId, a.Enabled])).toEqual(slackIds.map((id) => [id, id === 'PostMessage']));
    expect(listed[0]!.InputSchema).toMatchObject({ type: 'object', required: ['Channel'] });
    for (const c of shipped) expect(defaultEnabledActions(c.Type).length).toBeLessThanOrEqual(100);
  });

  it('walks the 27 connector types of the model and reports which have catalogs', () => {
    const enumTypes = shapes.ActionConnectorType!.enum!;
    expect(enumTypes).toHaveLength(27);
    expect([...CONNECTOR_TYPES]).toEqual(enumTypes);
    const report = enumTypes.map((t) => `${t}: ${catalogFor(t as never)?.actions.length ?? 'no'} actions`);
    console.info(`Action catalogs:\n  ${report.join('\n  ')}`);
    // Every type of the model has a catalog now; strict for each: at least the actions the issues name, each with a schema.
    expect([...COMPLETED_TYPES].sort()).toEqual([...enumTypes].sort());
    for (const type of COMPLETED_TYPES) {
      const c = catalogFor(type);
      expect(c, type).toBeDefined();
      const ids = c!.actions.map((a) => a.ActionId);
      for (const id of REQUIRED_ACTIONS[type] ?? []) expect(ids, `${type} ${id}`).toContain(id);
      for (const a of c!.actions) expect(a.InputSchema.type).toBe('object');
    }
  });
});
