// Input can never leave the connector's BaseEndpoint, set credentials or inject
// headers, and input that breaks an action's schema is refused naming the member
// — all before anything is sent.
import type http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Egress } from '../src/egress/index.js';
import { buildHttpRequest, findAction, invokeHttpAction, validateActionInput, type CatalogAction } from '../src/catalog/index.js';
import fc from 'fast-check';
import { assertUnderBase, parseBaseEndpoint, relativePath, relativePathChecked } from '../src/catalog/url.js';
import { ServiceError } from '../src/protocol/errors.js';
import { startHttpsServer, type TestHttpsServer } from './support/https-server.js';
import { staticResolver } from './support/resolver.js';
import { createTestCa } from './support/tls.js';

const http_ = findAction('GENERIC_HTTP', 'HttpRequest')!;
const BASE = 'https://api.vendor.example/v2';

function refusal(fn: () => unknown): ServiceError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ServiceError);
    expect((err as ServiceError).name).toBe('InvalidParameterValueException');
    expect((err as ServiceError).status).toBe(400);
    return err as ServiceError;
  }
  throw new Error('expected a refusal');
}

/** Validates and builds, as InvokeAction does before sending. */
const build = (action: CatalogAction, input: unknown, base = BASE) => buildHttpRequest(action, base, validateActionInput(action, input));

describe("GENERIC_HTTP's Path stays under BaseEndpoint", () => {
  const escapes = [
    '../secret',
    '..',
    '/..',
    'a/../../secret',
    './../secret',
    '%2e%2e/secret',
    '%2E%2E/secret',
    '.%2e/secret',
    '%2e./secret',
    '..%2fsecret',
    '..%2Fsecret',
    'a/%2e%2e/%2e%2e/secret',
    '%252e%252e/secret',
    '..%252fsecret',
    'a%2fb',
    'a%5cb',
    'https://evil.example/x',
    'HTTPS://evil.example/x',
    'http:evil.example',
    'javascript:alert(1)',
    '//evil.example/x',
    '///evil.example',
    '\\\\evil.example\\x',
    '/\\evil.example',
    'a\\..\\..\\secret',
    'a//b',
    'a?admin=1',
    'a#frag',
    'a\r\nHost: evil.example',
    'a\tb',
    'a%00b',
    'a%0d%0aX: y',
    '%zz',
    'v1:batch',
  ];
  for (const path of escapes) {
    it(`refuses ${JSON.stringify(path)}`, () => {
      const err = refusal(() => build(http_, { Method: 'GET', Path: path }));
      expect(err.message).toMatch(
        /^1 validation error detected: Value at 'input.path' failed to satisfy constraint: Member must be a relative path under the connector's BaseEndpoint/,
      );
    });
  }

  const allowed: [string, string][] = [
    ['', '/v2/'],
    ['/', '/v2/'],
    ['items', '/v2/items'],
    ['/items/42/', '/v2/items/42/'],
    ['a/./b', '/v2/a/b'],
    ['a/b/../c', '/v2/a/c'],
    ['a/..', '/v2/'],
    ['caf%C3%A9/x y', '/v2/caf%C3%A9/x%20y'],
    ['projects/p1:batch', '/v2/projects/p1:batch'],
    ["Entity(Key='a b',N=1)/me@example.com", "/v2/Entity(Key='a%20b',N=1)/me@example.com"],
    ['%41%2C', '/v2/A,'],
    ['...', '/v2/...'],
  ];
  for (const [path, expected] of allowed) {
    it(`builds ${JSON.stringify(path)} as ${expected}`, () => {
      const req = build(http_, { Method: 'GET', Path: path });
      expect(new URL(req.url).pathname).toBe(expected);
      expect(req.url.startsWith('https://api.vendor.example/v2/')).toBe(true);
    });
  }
});

describe('placeholders are single encoded segments', () => {
  const getIssue = findAction('JIRA_CLOUD', 'GetIssue')!;
  const base = 'https://api.atlassian.com/ex/jira/abc';
  const cases: [string, string][] = [
    ['../../admin', '/ex/jira/abc/rest/api/3/issue/..%2F..%2Fadmin'],
    ['%2e%2e', '/ex/jira/abc/rest/api/3/issue/%252e%252e'],
    ['..%2f', '/ex/jira/abc/rest/api/3/issue/..%252f'],
    ['a?b#c', '/ex/jira/abc/rest/api/3/issue/a%3Fb%23c'],
    ['a\\b', '/ex/jira/abc/rest/api/3/issue/a%5Cb'],
    ['https://evil.example/x', '/ex/jira/abc/rest/api/3/issue/https:%2F%2Fevil.example%2Fx'],
    ['19:abc@thread.tacv2', '/ex/jira/abc/rest/api/3/issue/19:abc@thread.tacv2'],
    ['a b%20c', '/ex/jira/abc/rest/api/3/issue/a%20b%2520c'],
    ['//evil.example', '/ex/jira/abc/rest/api/3/issue/%2F%2Fevil.example'],
    ['a\r\nb', '/ex/jira/abc/rest/api/3/issue/a%0D%0Ab'],
    ['...', '/ex/jira/abc/rest/api/3/issue/...'],
  ];
  for (const [value, path] of cases) {
    it(`encodes ${JSON.stringify(value)}`, () => {
      const req = build(getIssue, { IssueIdOrKey: value }, base);
      const url = new URL(req.url);
      expect(url.origin).toBe('https://api.atlassian.com');
      expect(url.pathname).toBe(path);
      expect(url.search).toBe('');
    });
  }
  for (const value of ['.', '..']) {
    it(`refuses the dot segment ${JSON.stringify(value)}`, () => {
      const err = refusal(() => build(getIssue, { IssueIdOrKey: value }, base));
      expect(err.message).toContain("Value at 'input.issueIdOrKey' failed to satisfy constraint: Member must not be '.' or '..'");
    });
  }
  it('doubles quotes in OData key strings', async () => {
    const { fillPath } = await import('../src/catalog/request.js');
    expect(fillPath("/A_BusinessPartner('{Id|odata}')", { Id: "O'Brien/1" })).toBe("/A_BusinessPartner('O''Brien%2F1')");
    expect(fillPath("/A_BusinessPartner('{Id|odata}')", { Id: "x')/../A_Supplier('1" })).toBe("/A_BusinessPartner('x'')%2F..%2FA_Supplier(''1')");
  });
});

describe('headers from input', () => {
  const forbidden = [
    'Authorization',
    'authorization',
    'Host',
    'Cookie',
    'Proxy-Authorization',
    'Proxy-Anything',
    'Connection',
    'Transfer-Encoding',
    'Content-Length',
    'TE',
    'Upgrade',
    'Expect',
    'Keep-Alive',
    'Trailer',
  ];
  for (const name of forbidden) {
    it(`cannot set ${name}`, () => {
      const err = refusal(() => build(http_, { Method: 'GET', Path: 'x', Headers: { [name]: 'v' } }));
      expect(err.message).toMatch(new RegExp(`Value at 'input.headers' failed to satisfy constraint: Member must not set the ${name.toLowerCase()} header`));
    });
  }
  const injections: [string, Record<string, string>][] = [
    ['CR LF in a value', { 'X-A': 'a\r\nX-Injected: 1' }],
    ['LF in a value', { 'X-A': 'a\nb' }],
    ['NUL in a value', { 'X-A': 'a\u0000b' }],
    ['DEL in a value', { 'X-A': 'a\u007fb' }],
    ['a space in a name', { 'X A': 'v' }],
    ['a colon in a name', { 'X-A:': 'v' }],
    ['CR LF in a name', { 'X-A\r\nX-B': 'v' }],
    ['an empty name', { '': 'v' }],
  ];
  for (const [what, headers] of injections) {
    it(`refuses ${what}`, () => {
      const err = refusal(() => build(http_, { Method: 'GET', Path: 'x', Headers: headers }));
      expect(err.message).toMatch(
        /Value at 'input.headers' failed to satisfy constraint: (Header values must not contain CR, LF|Header names must be HTTP tokens)/,
      );
    });
  }
  it('passes ordinary headers, tabs included, lower-cased', () => {
    const req = build(http_, { Method: 'GET', Path: 'x', Headers: { 'X-Trace-Id': 'a\tb', Accept: 'text/csv' } });
    expect(req.headers).toEqual({ 'x-trace-id': 'a\tb', accept: 'text/csv' });
  });
  it('refuses a body on GET', () => {
    const err = refusal(() => build(http_, { Method: 'GET', Path: 'x', Body: 'hi' }));
    expect(err.message).toContain("Value at 'input.body' failed to satisfy constraint: Member must be absent for a GET request");
  });
});

describe('schema-violating input names the member', () => {
  const cases: [string, string, unknown, string][] = [
    [
      'JIRA_CLOUD',
      'CreateIssue',
      { ProjectKey: 'OPS' },
      "1 validation error detected: Value null at 'input.summary' failed to satisfy constraint: Member must not be null",
    ],
    [
      'JIRA_CLOUD',
      'CreateIssue',
      { ProjectKey: 'OPS', Summary: 'x'.repeat(256) },
      "1 validation error detected: Value at 'input.summary' failed to satisfy constraint: Member must have length less than or equal to 255",
    ],
    ['JIRA_CLOUD', 'CreateIssue', { ProjectKey: 'ops', Summary: 's', Labels: ['has space'] }, '2 validation errors detected: '],
    [
      'JIRA_CLOUD',
      'CreateIssue',
      { ProjectKey: 'OPS', Summary: 's', Labels: ['ok', 'has space'] },
      "Value at 'input.labels.2.member' failed to satisfy constraint: Member must satisfy regular expression pattern",
    ],
    ['ZENDESK_SUITE', 'GetTicket', { TicketId: '35436' }, "Value at 'input.ticketId' failed to satisfy constraint: Member must be of type integer"],
    [
      'ZENDESK_SUITE',
      'UpdateTicket',
      { TicketId: 1, Status: 'deleted' },
      "Value at 'input.status' failed to satisfy constraint: Member must satisfy enum value set: [new, open, pending, hold, solved, closed]",
    ],
    [
      'SLACK',
      'AddReaction',
      { Channel: 'general', Timestamp: '1.2', Name: 'ok' },
      "Value at 'input.channel' failed to satisfy constraint: Member must satisfy regular expression pattern",
    ],
    [
      'SERVICENOW_NOW_PLATFORM',
      'QueryRecords',
      { Table: '../sys_user' },
      "Value at 'input.table' failed to satisfy constraint: Member must satisfy regular expression pattern",
    ],
    ['SALESFORCE_CRM', 'GetRecord', { SObject: 'Account', RecordId: '001/../../x' }, "Value at 'input.recordId' failed to satisfy constraint"],
    ['GENERIC_HTTP', 'HttpRequest', { Method: 'TRACE', Path: 'x' }, "Value at 'input.method' failed to satisfy constraint: Member must satisfy enum value set"],
    ['GENERIC_HTTP', 'HttpRequest', { Method: 'GET', Path: 'x', Query: { a: { b: 1 } } }, "Value at 'input.query.a' failed to satisfy constraint"],
    ['GENERIC_HTTP', 'HttpRequest', 'not an object', "Value at 'input' failed to satisfy constraint: Member must be of type structure"],
    ['GENERIC_HTTP', 'HttpRequest', undefined, "Value null at 'input.method' failed to satisfy constraint: Member must not be null"],
  ];
  for (const [type, id, input, message] of cases) {
    it(`${type} ${id} ${JSON.stringify(input)?.slice(0, 60)}`, () => {
      const err = refusal(() => validateActionInput(findAction(type as never, id)!, input));
      expect(err.message).toContain(message);
    });
  }
  it("does not change the caller's input and fills schema defaults", () => {
    const input = { ProjectKey: 'OPS', Summary: 's' };
    const valid = validateActionInput(findAction('JIRA_CLOUD', 'CreateIssue')!, input);
    expect(valid).toEqual({ ProjectKey: 'OPS', Summary: 's', IssueType: 'Task' });
    expect(input).toEqual({ ProjectKey: 'OPS', Summary: 's' });
  });
  it('never echoes the value in the message', () => {
    const err = refusal(() => validateActionInput(findAction('JIRA_CLOUD', 'CreateIssue')!, { ProjectKey: 'OPS', Summary: 'top-secret-'.repeat(30) }));
    expect(err.message).not.toContain('top-secret');
  });
});

describe('BaseEndpoint and the final guard', () => {
  it('refuses a BaseEndpoint that is not a plain https URL', () => {
    for (const base of [
      'http://api.vendor.example',
      'https://user:pw@api.vendor.example',
      'https://api.vendor.example/v2?x=1',
      'https://api.vendor.example/#f',
      'not a url',
    ]) {
      refusal(() => build(http_, { Method: 'GET', Path: 'x' }, base));
    }
  });
  it('a trailing slash on BaseEndpoint does not double', () => {
    expect(build(http_, { Method: 'GET', Path: '/x' }, 'https://api.vendor.example/v2/').url).toBe('https://api.vendor.example/v2/x');
    expect(build(http_, { Method: 'GET', Path: 'x' }, 'https://api.vendor.example').url).toBe('https://api.vendor.example/x');
  });
  it('assertUnderBase refuses what a builder bug could produce', () => {
    const base = parseBaseEndpoint(BASE);
    assertUnderBase('https://api.vendor.example/v2/x', base, '/v2/x');
    for (const [url, path] of [
      ['https://evil.example/v2/x', '/v2/x'],
      ['https://api.vendor.example/v3/x', '/v3/x'],
      ['https://api.vendor.example/v2x', '/v2x'],
      ['https://api.vendor.example/v2/../x', '/v2/../x'],
      ['https://api.vendor.example/v2/%2e%2e/x', '/v2/%2e%2e/x'],
      ['https://api.vendor.example:444/v2/x', '/v2/x'],
      ['https://user@api.vendor.example/v2/x', '/v2/x'],
    ]) {
      expect(() => assertUnderBase(url!, base, path!), url).toThrow(/would leave the connector's BaseEndpoint/);
    }
  });
  it("relativePath's plain-path shortcut answers exactly what every rule checked answers", () => {
    const outcome = (f: () => string) => {
      try {
        return { path: f() };
      } catch (e) {
        return { refused: (e as Error).message };
      }
    };
    // Paths near the shortcut's edges: dots, slashes, '%', ';', ':', schemes, controls, non-ASCII.
    const pieces = ['a', 'Z', '9', '-', '_', '.', '..', '/', '//', '%', '%2e', '%2F', ';', ':', '@', '$', '+', '=', ',', '!', '~', "'", '(', '*'];
    const path = fc.array(fc.constantFrom(...pieces, 'http:', ' ', '\u0001', 'é', '?', '#', '\\'), { maxLength: 12 }).map((parts) => parts.join(''));
    // Paths answered as given (the shortcut's kind): the generator must make plenty of them.
    let unchanged = 0;
    fc.assert(
      fc.property(path, (p) => {
        const fast = outcome(() => relativePath(p, 'input.path'));
        expect(fast, p).toEqual(outcome(() => relativePathChecked(p, 'input.path')));
        if ('path' in fast && fast.path === p.replace(/^\//, '')) unchanged++;
      }),
      { numRuns: 20_000, seed: 15 },
    );
    for (const p of ['items/1', '/rest/api/3/issue/', 'v1/name:batch', "Entity(key='x')"]) expect(relativePath(p, 'input.path')).toBe(p.replace(/^\//, ''));
    expect(unchanged).toBeGreaterThan(1000);
  });
  it('relativePath never yields a dot segment or an empty one', () => {
    for (const p of ['a/b/c', 'a/./b', 'x/../y/./z/', '%41/%2E', 'a/b/..']) {
      const out = relativePath(p, 'input.path');
      expect(
        out
          .split('/')
          .slice(0, -1)
          .every((s) => s !== '' && s !== '.' && s !== '..'),
      ).toBe(true);
    }
  });
});

describe('what an upstream receives', () => {
  let server: TestHttpsServer;
  let egress: Egress;
  const seen: { url: string; headers: http.IncomingHttpHeaders }[] = [];
  beforeAll(async () => {
    const ca = createTestCa();
    server = await startHttpsServer({
      cert: ca.issue({ dnsNames: ['api.vendor.example'], ips: ['127.0.0.1'] }),
      handler: (req, res) => {
        seen.push({ url: req.url!, headers: req.headers });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      },
    });
    egress = new Egress({ caPems: [ca.certPem], allowCidrs: ['127.0.0.1/32'], resolve: staticResolver({ 'api.vendor.example': '127.0.0.1' }).resolve });
  });
  afterAll(async () => {
    await egress.close();
    await server.close();
  });

  it('tricky but allowed inputs arrive under the base, and refused ones send nothing', async () => {
    const base = `https://api.vendor.example:${server.port}/v2`;
    const send = (req: Parameters<Parameters<typeof invokeHttpAction>[2]['send']>[0]) => egress.request(req);
    const getIssue = findAction('JIRA_CLOUD', 'GetIssue')!;
    await invokeHttpAction(getIssue, { IssueIdOrKey: '../../../admin?x=1#y' }, { baseEndpoint: base, send });
    await invokeHttpAction(
      http_,
      { Method: 'GET', Path: 'a/b/../c', Query: { 'x&y': 'a=b&c', q: '../..' }, Headers: { 'X-T': 'v' } },
      { baseEndpoint: base, send },
    );
    expect(seen.map((s) => s.url)).toEqual(['/v2/rest/api/3/issue/..%2F..%2F..%2Fadmin%3Fx=1%23y', '/v2/a/c?x%26y=a%3Db%26c&q=..%2F..']);
    for (const s of seen) expect(s.headers.host).toBe(`api.vendor.example:${server.port}`);
    seen.length = 0;
    for (const Path of ['../x', '//evil.example/x', 'https://evil.example/']) {
      await expect(invokeHttpAction(http_, { Method: 'GET', Path }, { baseEndpoint: base, send })).rejects.toThrow(ServiceError);
    }
    await expect(invokeHttpAction(http_, { Method: 'GET', Path: 'x', Headers: { Host: 'evil.example' } }, { baseEndpoint: base, send })).rejects.toThrow(
      /host header/,
    );
    await expect(
      invokeHttpAction(http_, { Method: 'GET', Path: 'x', Headers: { Authorization: 'Bearer stolen' } }, { baseEndpoint: base, send }),
    ).rejects.toThrow(/authorization header/);
    expect(seen).toEqual([]);
  });
});
