// Issue 16, item 2: every catalog action of a vendor with a published spec is checked against
// it — the method and path exist, required parameters are sent, nothing undeclared is sent, our
// input schema is no looser than the spec (enums, lengths, bounds), the scopes we name are the
// spec's, and the auth placements the type uses are among the spec's security schemes. AWS
// actions are checked against the installed @aws-sdk clients' models; Microsoft Graph actions
// against Graph's CSDL (paths, action methods, body members) when it is there. Actions not
// checked against an OpenAPI spec or an SDK model (ServiceNow, Salesforce, Graph, the SAP
// services without a spec) must carry a `reference` link.
//
// Where the specs come from: $ACTIONBRIDGE_VENDOR_SPECS, else ../shared/reference/vendors next
// to the repository (or, in a git worktree, next to its main checkout). When they are there the
// index is built from them, and the committed extract test/fixtures/vendor-spec-index.json must
// match it (regenerate: `node scripts/vendor-spec-index.mjs`). When they are not (CI's clone),
// the committed extract is used: it holds the Apache-2.0/MIT specs only (Jira, Slack, Asana,
// BambooHR), so the other vendors are reported as not checked, by name.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalogs } from '../src/catalog/data/index.js';
import type { Catalog, HttpRequestTemplate } from '../src/catalog/types.js';
import { apiKeyHeaders } from '../src/connections/schemes.js';
import { ALLOWED_AUTHENTICATION } from '../src/domain/type-auth.js';
import type { ActionConnectorType } from '../src/protocol/generated/model.js';
import { type AwsMismatch, checkAwsAction } from './support/aws-models.js';
import { checkGraphCatalog, GRAPH_TYPES, loadCsdl } from './support/graph-csdl.js';
import {
  buildIndex,
  checkCatalog,
  indexLookup,
  type Mismatch,
  type Placement,
  ROUTERS,
  routeOf,
  SPEC_FILES,
  type SpecIndex,
  vendoredPart,
} from './support/vendor-specs.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The main checkout of a git worktree (its `.git` file names `<main>/.git/worktrees/<name>`), else the repository itself. */
function mainCheckout(root: string): string {
  try {
    const m = /^gitdir: (.+)\/\.git\/worktrees\/[^/]+\s*$/.exec(fs.readFileSync(path.join(root, '.git'), 'utf8'));
    return m ? path.resolve(root, m[1]!) : root;
  } catch {
    return root;
  }
}
const SPECS_DIR =
  process.env.ACTIONBRIDGE_VENDOR_SPECS ??
  [repoRoot, mainCheckout(repoRoot)].map((r) => path.resolve(r, '../shared/reference/vendors')).find((d) => fs.existsSync(path.join(d, 'SOURCES.md'))) ??
  path.resolve(repoRoot, '../shared/reference/vendors');
const FIXTURE = path.join(repoRoot, 'test/fixtures/vendor-spec-index.json');
const haveSpecs = fs.existsSync(path.join(SPECS_DIR, 'SOURCES.md'));

/**
 * Mismatches we accept, each with the reason. Keyed `Type ActionId kind: detail-prefix` (ActionId
 * `*` matches every action; the detail must start with the text after the colon). An entry that
 * matches nothing fails the test (when the specs are read), so remove it with its cause.
 */
const ALLOWED: Record<string, string> = {
  // --- the spec is incomplete; the vendor's documentation says otherwise ---
  'SLACK * auth: API_KEY (Authorization: Bearer)':
    "Slack's bot and user tokens (xoxb-, xoxp-) are OAuth tokens the workspace issued; the spec models only its oauth2 scheme, and Slack takes them as Bearer.",
  'ZENDESK_SUITE * auth: OAUTH2_AUTHORIZATION_CODE (Authorization: Bearer)':
    'Zendesk documents OAuth access tokens sent as Authorization: Bearer (developer.zendesk.com, "Using OAuth authentication"); the spec lists only basicAuth.',
  'ZENDESK_SUITE CreateTicket undeclared: ticket.requester ':
    'Zendesk documents `requester` ({name, email}) on ticket create to make a new requester ("Creating a ticket with a new requester"); the spec\'s TicketCreateInput omits it.',
  'SMARTSHEET AddRows undeclared: [].toTop ':
    'The request body description requires "one or more location-specifier attributes" (toTop, toBottom, parentId, siblingId); the Row schema it references omits them.',
  'SMARTSHEET AddRows undeclared: [].toBottom ': 'As above.',
  'SMARTSHEET AddRows undeclared: [].parentId ': 'As above.',
  'SAP_BUSINESSPARTNER * undeclared: query $skiptoken ':
    "OData V2 server-driven paging: the service's __next links carry $skiptoken, which the generated spec never lists.",
  'SAP_PHYSICALINVENTORY * undeclared: query $skiptoken ': 'As above.',
  'SAP_BUSINESSPARTNER * auth: OAUTH2_':
    'These are the on-premise specs (basic only); S/4HANA Cloud communication arrangements take OAuth 2.0 (client credentials, SAML bearer), which the type supports.',
  'SAP_PHYSICALINVENTORY * auth: OAUTH2_': 'As above.',
  'SAP_BUSINESSPARTNER * auth: API_KEY (apikey: …)':
    'The SAP Business Accelerator Hub sandbox and API Management proxies take their key in the APIKey header; the on-premise spec lists basic only.',
  'SAP_PHYSICALINVENTORY * auth: API_KEY (apikey: …)': 'As above.',
  'ZENDESK_SUITE UploadAttachment undeclared: query token ':
    'Zendesk documents `token` on POST /api/v2/uploads (add more files to one upload; "Upload Files"), in the description\'s prose only.',
  'ZENDESK_SUITE UploadAttachment undeclared: sends a body':
    "The spec leaves out the upload's binary request body (the file, with its Content-Type), which its description documents.",
  'SLACK * operation: POST /files.getUploadURLExternal ':
    'The Slack spec is from 2020; files.getUploadURLExternal and files.completeUploadExternal came in 2023 (and replace files.upload, retired in 2025).',
  'SLACK * operation: POST /files.completeUploadExternal ': 'As above.',
  'SLACK JoinChannel scopes: requires.scopes [channels:join]':
    "The 2020 spec predates granular bot scopes: conversations.join takes channels:join with a bot token (channels:write is the user token's), per Slack's method page.",
};

/** How each AuthenticationType of a connector type sends its credentials (schemes.ts and connections.ts). */
function placements(type: ActionConnectorType): Placement[] {
  const out: Placement[] = [];
  for (const authType of ALLOWED_AUTHENTICATION[type] ?? []) {
    if (authType === 'OAUTH2_AUTHORIZATION_CODE' || authType === 'OAUTH2_CLIENT_CREDENTIALS')
      out.push({ authType, how: 'bearer', label: `${authType} (Authorization: Bearer)` });
    else if (authType === 'BASIC') out.push({ authType, how: 'basic', label: 'BASIC (Authorization: Basic)' });
    else if (authType === 'API_KEY') {
      // Without and with Email (Atlassian and Zendesk keys need one): each placement the scheme
      // table produces, once; none where the connector would be refused.
      const seen = new Set<string>();
      for (const [suffix, email] of [
        ['', undefined],
        [' with Email', 'someone@example.com'],
      ] as const) {
        const entry = Object.entries(apiKeyHeaders(type, 'KEY', email))[0];
        if (!entry) continue;
        const [name, value] = entry;
        const how =
          name === 'authorization' && value.startsWith('Basic ')
            ? 'basic'
            : name === 'authorization' && value.startsWith('Bearer ')
              ? 'bearer'
              : `header:${name}`;
        const label = how === 'basic' ? 'Authorization: Basic' : how === 'bearer' ? 'Authorization: Bearer' : `${name}: ${value.replace('KEY', '…')}`;
        if (seen.has(how)) continue;
        seen.add(how);
        out.push({ authType, how, label: `API_KEY${suffix} (${label})` });
      }
    }
  }
  return out;
}

function allowedKey(m: Mismatch): string | undefined {
  return Object.keys(ALLOWED).find((k) => {
    const [head, prefix] = [k.slice(0, k.indexOf(': ')), k.slice(k.indexOf(': ') + 2)];
    const [type, action, kind] = head.split(' ');
    return type === m.type && (action === '*' || action === m.action) && kind === m.kind && m.detail.startsWith(prefix);
  });
}

const CHECKED_BY_AWS = new Set(catalogs.filter((c) => c.actions.some((a) => a.aws)).map((c) => c.Type));

describe('catalogs against the vendor specs', () => {
  // Parsing the YAML specs takes a few seconds: build once.
  let index: SpecIndex;
  let source: string;
  if (haveSpecs) {
    index = buildIndex(SPECS_DIR, catalogs);
    source = SPECS_DIR;
  } else {
    index = JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as SpecIndex;
    source = `${FIXTURE} (the full specs are not at ${SPECS_DIR}; set ACTIONBRIDGE_VENDOR_SPECS to the vendors directory of the reference collection to check every vendor)`;
  }

  it('the committed extract matches the specs (regenerate: node scripts/vendor-spec-index.mjs)', (ctx) => {
    if (!haveSpecs) ctx.skip();
    const committed = fs.existsSync(FIXTURE) ? JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) : undefined;
    const fresh = vendoredPart(index);
    if (process.env.ACTIONBRIDGE_WRITE_SPEC_INDEX === '1') fs.writeFileSync(FIXTURE, `${JSON.stringify(fresh, null, 1)}\n`);
    else expect(committed, 'test/fixtures/vendor-spec-index.json is stale: run node scripts/vendor-spec-index.mjs').toEqual(fresh);
  });

  it('every action of a vendor with a spec matches it; mismatches are reported per vendor', () => {
    const lookup = indexLookup(index);
    const rows: { Vendor: string; Checked: number; 'Not checked': number; Mismatches: number; Allowlisted: number; Notes: number }[] = [];
    const failures: Mismatch[] = [];
    const used = new Set<string>();
    const all: Mismatch[] = [];
    for (const c of catalogs) {
      if (!ROUTERS[c.Type]) continue;
      const r = checkCatalog(c, lookup, placements(c.Type));
      const http = c.actions.filter((a) => a.request).length;
      let allowlisted = 0;
      for (const m of r.mismatches) {
        all.push(m);
        if (m.kind === 'described') continue;
        const k = allowedKey(m);
        if (k) {
          used.add(k);
          allowlisted++;
        } else failures.push(m);
      }
      const notes = r.mismatches.filter((m) => m.kind === 'described').length;
      rows.push({
        Vendor: c.Type,
        Checked: r.checked,
        'Not checked': http - r.checked,
        Mismatches: r.mismatches.length - notes,
        Allowlisted: allowlisted,
        Notes: notes,
      });
    }
    console.log(`Vendor specs from ${source}`);
    console.table(rows);
    const label = (m: Mismatch) => (m.kind === 'described' ? 'note       ' : allowedKey(m) ? 'allowlisted' : 'MISMATCH   ');
    for (const m of all) console.log(`${label(m)} ${m.type} ${m.action} ${m.kind}: ${m.detail}`);
    if (!haveSpecs) {
      const skipped = SPEC_FILES.filter((f) => !index.specs[f.id]).map((f) => `${f.id} (${f.file}: ${f.licence}, not extracted)`);
      console.log(`Not checked here (their specs are only read from the reference collection): ${skipped.join(', ')}`);
    }
    expect(
      failures.map((m) => `${m.type} ${m.action} ${m.kind}: ${m.detail}`),
      haveSpecs ? undefined : 'an operation missing from the committed extract may be new: regenerate it where the specs are',
    ).toEqual([]);
    // Every entry must still match something (when the specs it concerns are read): an entry
    // whose mismatch is gone would silently excuse the next one of that kind.
    const unused = Object.keys(ALLOWED).filter((k) => !used.has(k));
    if (haveSpecs) expect(unused, 'allowlist entries that matched nothing: remove them').toEqual([]);
  });

  it('the checks catch a wrong path, an undeclared or missing parameter, a looser schema, a scope the spec does not name and a wrong auth placement', () => {
    // Broken copies of real actions of vendors whose extract is committed (so this runs everywhere).
    const lookup = indexLookup(index);
    const broken = (type: ActionConnectorType, edit: (c: Catalog) => void, auth: Placement[] = []) => {
      const c = structuredClone(catalogs.find((x) => x.Type === type)!);
      edit(c);
      return checkCatalog(c, lookup, auth)
        .mismatches.filter((m) => m.kind !== 'described' && allowedKey(m) === undefined) // notes and the allowlist, as above
        .map((m) => `${m.action} ${m.kind}: ${m.detail}`);
    };
    const action = (c: Catalog, id: string) => c.actions.find((a) => a.ActionId === id)!;
    const req = (c: Catalog, id: string) => action(c, id).request as HttpRequestTemplate;
    expect(broken('JIRA_CLOUD', () => {})).toEqual([]);
    expect(
      broken('JIRA_CLOUD', (c) => {
        req(c, 'CreateIssue').path = '/rest/api/3/issues';
      }),
    ).toContain('CreateIssue operation: POST /rest/api/3/issues is not an operation of jira');
    expect(
      broken('JIRA_CLOUD', (c) => {
        req(c, 'GetIssue').query = { field: { $join: '$.Fields' } };
      }),
    ).toContain('GetIssue undeclared: query field is not a parameter of the operation');
    expect(
      broken('SLACK', (c) => {
        const body = req(c, 'PostMessage').body!.value as Record<string, unknown>;
        delete body.channel;
      }),
    ).toContain('PostMessage required: body channel is required by the spec and never sent');
    expect(
      broken('ASANA', (c) => {
        const props = action(c, 'ListProjects').InputSchema.properties as Record<string, Record<string, unknown>>;
        delete props.Limit!.maximum;
      }),
    ).toContain('ListProjects looser: query limit (Limit): maximum none > spec 100');
    expect(
      broken('ASANA', (c) => {
        const props = action(c, 'SearchTasks').InputSchema.properties as Record<string, Record<string, unknown>>;
        props.SortBy!.enum = ['relevance', 'bogus'];
      }),
    ).toContain('SearchTasks looser: query sort_by (SortBy): enum has bogus the spec does not allow');
    expect(
      broken('SLACK', (c) => {
        action(c, 'PostMessage').requires = { scopes: ['chat:read'] };
      }),
    ).toContain("PostMessage scopes: requires.scopes [chat:read]: none is among the spec's [chat:write:user, chat:write:bot]");
    expect(
      broken('SLACK', (c) => {
        action(c, 'PostMessage').requires = { scopes: ['chat:write'] };
      }),
    ).toEqual([]);
    expect(broken('JIRA_CLOUD', () => {}, [{ authType: 'API_KEY', how: 'header:x-api-key', label: 'API_KEY (x-api-key: …)' }])).toContainEqual(
      expect.stringMatching(/^\* auth: API_KEY \(x-api-key: …\) is not among the spec's security schemes/),
    );
  });

  it('AWS actions match the @aws-sdk clients’ models (command, members, required members, enums)', async () => {
    const rows: { Vendor: string; Checked: number; Mismatches: number; Allowlisted: number }[] = [];
    const failures: AwsMismatch[] = [];
    const all: AwsMismatch[] = [];
    for (const c of catalogs) {
      if (!CHECKED_BY_AWS.has(c.Type)) continue;
      let n = 0;
      let allowlisted = 0;
      let count = 0;
      for (const a of c.actions) {
        if (!a.aws) continue;
        n++;
        for (const m of await checkAwsAction(c.Type, a)) {
          count++;
          all.push(m);
          if (allowedKey(m)) allowlisted++;
          else failures.push(m);
        }
      }
      rows.push({ Vendor: c.Type, Checked: n, Mismatches: count, Allowlisted: allowlisted });
    }
    console.table(rows);
    for (const m of all) console.log(`${allowedKey(m) ? 'allowlisted' : 'MISMATCH   '} ${m.type} ${m.action} ${m.kind}: ${m.detail}`);
    console.log('Length, range and pattern constraints are not in the @aws-sdk models (the generator drops them): not checked.');
    expect(failures.map((m) => `${m.type} ${m.action} ${m.kind}: ${m.detail}`)).toEqual([]);

    // The checks catch an unknown member, a missing required one, a looser enum and an unknown command.
    const s3 = catalogs.find((c) => c.Type === 'AMAZON_S3')!;
    const get = structuredClone(s3.actions.find((a) => a.ActionId === 'GetObject')!);
    get.aws!.input = { Bucket: '$.Bucket', Keys: '$.Key' };
    expect((await checkAwsAction('AMAZON_S3', get)).map((m) => `${m.kind}: ${m.detail}`)).toEqual([
      'undeclared: Keys is not a member of GetObjectRequest',
      'required: Key is required by GetObjectRequest and never sent',
    ]);
    const put = structuredClone(s3.actions.find((a) => a.ActionId === 'PutObject')!);
    (put.aws!.input as Record<string, unknown>).StorageClass = '$.StorageClass';
    (put.InputSchema.properties as Record<string, unknown>).StorageClass = { enum: ['STANDARD', 'CHEAPEST'] };
    expect((await checkAwsAction('AMAZON_S3', put)).map((m) => `${m.kind}: ${m.detail}`)).toEqual([
      'looser: StorageClass (StorageClass): enum has CHEAPEST the spec does not allow',
    ]);
    put.aws!.command = 'PutObjectsCommand';
    expect((await checkAwsAction('AMAZON_S3', put)).map((m) => `${m.kind}: ${m.detail}`)).toEqual(['operation: @aws-sdk/client-s3 has no PutObjectsCommand']);
  });

  it('Microsoft Graph actions match its CSDL: paths walk entity sets, navigation, casts and bound operations; body members are declared', (ctx) => {
    const file = path.join(SPECS_DIR, 'microsoft-graph/v1.0-Prod.csdl');
    const csdl = loadCsdl(file);
    if (!csdl) {
      console.log(`Graph not checked: no CSDL at ${file} (set ACTIONBRIDGE_VENDOR_SPECS)`);
      ctx.skip();
      return;
    }
    const rows: { Vendor: string; Checked: number; Mismatches: number }[] = [];
    const problems: string[] = [];
    for (const c of catalogs) {
      if (!GRAPH_TYPES.has(c.Type)) continue;
      const r = checkGraphCatalog(csdl, c);
      rows.push({ Vendor: c.Type, Checked: r.checked, Mismatches: r.problems.length });
      problems.push(...r.problems);
      for (const n of r.notes) console.log(`note ${c.Type} ${n}`);
    }
    console.table(rows);
    expect(problems).toEqual([]);

    // The walk catches a wrong segment, a wrong method for an action, and an undeclared member.
    const notes: string[] = [];
    expect(csdl.check('GET', '/me/mesages', undefined, notes)).toEqual([
      'mesages is not a navigation property, property or bound operation of microsoft.graph.user',
    ]);
    expect(csdl.check('GET', '/me/sendMail', undefined, notes)).toEqual(['sendMail is an action: POST, not GET']);
    expect(csdl.check('POST', '/me/sendMail', { encoding: 'json', value: { saveToSentItem: true } }, notes)).toEqual([
      'body saveToSentItem is not a parameter or member of sendMail',
      'body Message is required by sendMail and never sent',
    ]);
    expect(csdl.check('POST', '/me/events', { encoding: 'json', value: { subject: '$.Subject', colour: 'red' } }, notes)).toEqual([
      'body colour is not a parameter or member of microsoft.graph.event',
    ]);
    expect(csdl.check('PUT', '/drives/{DriveId}/items/{ParentId}:/{FileName}:/content', { encoding: 'base64', value: '$.Content' }, notes)).toEqual([]);
    expect(csdl.check('GET', '/sites/{HostName}:/{+SitePath}', undefined, notes)).toEqual([]);
  });

  it('every action of a vendor without a spec carries an https reference to its documentation', () => {
    const missing: string[] = [];
    // Covered: an AWS action, or one whose every request variant lands in a spec.
    const covered = (c: Catalog) => (a: Catalog['actions'][number]) => {
      if (a.aws) return true;
      const variants = a.request ? (Array.isArray(a.request) ? a.request : [a.request]) : [];
      return variants.length > 0 && variants.every((v) => typeof routeOf(c, v) === 'object');
    };
    for (const c of catalogs) {
      if (c.Type === 'GENERIC_HTTP') continue;
      const isCovered = covered(c);
      for (const a of c.actions) {
        if (isCovered(a)) continue;
        if (typeof a.reference !== 'string' || !/^https:\/\/[^\s/]+\.[^\s/]+\//.test(a.reference)) missing.push(`${c.Type} ${a.ActionId}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
