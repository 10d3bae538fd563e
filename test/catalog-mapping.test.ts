// The mapping language of catalogs (value templates), the vendor hooks, and the
// output shaper, on their own.
import { describe, expect, it } from 'vitest';
import { evaluate, parseRef, templateProblems } from '../src/catalog/mapping.js';
import { textToAdf, valueHooks } from '../src/catalog/hooks.js';
import { shapeOutput } from '../src/catalog/output.js';
import type { CatalogAction, Template } from '../src/catalog/types.js';

const input = {
  Summary: 'Disk full',
  Count: 3,
  Tags: ['a', 'b'],
  Empty: '',
  Nested: { 'odd.key': 1, list: [{ v: 'x' }, { v: 'y' }] },
  Flag: false,
  B64: 'aGk=',
};

describe('value templates', () => {
  const cases: [string, Template, unknown][] = [
    ['a reference', '$.Summary', 'Disk full'],
    ['the whole root', '$', input],
    ['a missing member is nothing', '$.Nope', undefined],
    ['a path through lists and quoted names', '$.Nested.list[1].v', 'y'],
    ['a quoted member name', "$.Nested['odd.key']", 1],
    ['literals', { a: 'text', b: 42, c: true, d: null }, { a: 'text', b: 42, c: true, d: null }],
    ['members that resolve to nothing are left out', { s: '$.Summary', n: '$.Nope' }, { s: 'Disk full' }],
    ['an object of nothing is nothing', { p: { name: '$.Nope' } }, undefined],
    ['an empty literal object stays', { p: {} }, { p: {} }],
    ['$literal', { $literal: '$.Summary' }, '$.Summary'],
    ['$coalesce', { $coalesce: ['$.Nope', '$.Summary'] }, 'Disk full'],
    ['$concat', { $concat: ['type:ticket ', '$.Summary'] }, 'type:ticket Disk full'],
    ['$concat with a missing part', { $concat: ['x', '$.Nope'] }, undefined],
    ['$join', { $join: '$.Tags' }, 'a,b'],
    ['$join with a separator', { $join: '$.Tags', $separator: ' ' }, 'a b'],
    ['$string', { $string: '$.Count' }, '3'],
    ['$number', { $number: { $literal: '57' } }, 57],
    ['$number of text', { $number: '$.Summary' }, undefined],
    ['$json', { $json: '$.Tags' }, '["a","b"]'],
    ['$merge', { $merge: [{ a: 1, b: 1 }, { $literal: { b: 2, c: 3 } }, '$.Nope'] }, { a: 1, b: 2, c: 3 }],
    [
      '$each',
      { $each: '$.Nested.list', $as: { V: '@.v', S: '$.Summary' } },
      [
        { V: 'x', S: 'Disk full' },
        { V: 'y', S: 'Disk full' },
      ],
    ],
    ['$if true', { $if: '$.Summary', $then: 'yes', $else: 'no' }, 'yes'],
    ['$if false', { $if: '$.Flag', $then: 'yes', $else: 'no' }, 'no'],
    ['$if missing, no else', { $if: '$.Nope', $then: 'yes' }, undefined],
    ['$toBase64 of text', { $toBase64: '$.Summary' }, Buffer.from('Disk full').toString('base64')],
    ['$hook nonEmpty', { $hook: 'nonEmpty', $of: '$.Empty' }, undefined],
    ['$hook urlQueryParam', { $hook: 'urlQueryParam', $of: { $literal: 'https://x.example/a?page=3&b=1' }, $args: { name: 'page' } }, '3'],
    ['$hook lastPathSegment', { $hook: 'lastPathSegment', $of: { $literal: '/services/data/v62.0/query/01g-2000' } }, '01g-2000'],
  ];
  for (const [what, t, expected] of cases) {
    it(what, () => {
      expect(templateProblems(t, 't')).toEqual([]);
      expect(evaluate(t, input)).toEqual(expected);
    });
  }

  it('$fromBase64 decodes, and refuses what is not base64', () => {
    expect(evaluate({ $fromBase64: '$.B64' }, input)).toEqual(Buffer.from('hi'));
    expect(() => evaluate({ $fromBase64: '$.Summary' }, input)).toThrow(/base64/);
  });

  it('reports malformed templates', () => {
    expect(templateProblems({ a: '$.x[', b: { $upper: 1 }, c: { $join: '$.x', $sep: ',' }, d: { $each: '$.x' }, e: { $hook: 'nope', $of: 1 } }, 't')).toEqual([
      "t.a: '$.x[': expected [n] or ['name'] at 3",
      't.b: unknown operator $upper',
      't.c: $join does not take $sep',
      't.d: $each needs $as',
      't.e: unknown hook "nope"',
    ]);
    expect(() => parseRef('Summary')).toThrow(/not a reference/);
  });
});

describe('hooks', () => {
  it('turns text into an Atlassian document and passes documents through', () => {
    expect(textToAdf('a\nb\n\nc')).toEqual({
      type: 'doc',
      version: 1,
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'a' }, { type: 'hardBreak' }, { type: 'text', text: 'b' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'c' }] },
      ],
    });
    const doc = { type: 'doc', version: 1, content: [] };
    expect(valueHooks.adf!(doc, {})).toBe(doc);
  });
});

describe('output shaping', () => {
  const action = (output?: CatalogAction['output'], binary?: CatalogAction['binary']): CatalogAction => ({
    ActionId: 'A',
    Name: 'A',
    Description: 'A',
    InputSchema: { type: 'object', properties: {} },
    idempotent: true,
    request: { method: 'GET', path: '/' },
    output,
    binary,
  });
  const json = { 'content-type': 'application/json; charset=utf-8' };

  it('parses JSON, keeps text, returns the whole body by default', () => {
    expect(shapeOutput(action(), 200, json, Buffer.from('{"a":1}'))).toEqual({ InvokeActionStatus: 'SUCCESS', HttpStatusCode: 200, Output: { a: 1 } });
    expect(shapeOutput(action(), 200, { 'content-type': 'application/vnd.api+json' }, Buffer.from('[1]')).Output).toEqual([1]);
    expect(shapeOutput(action(), 200, { 'content-type': 'text/plain' }, Buffer.from('hello')).Output).toBe('hello');
    expect(shapeOutput(action(), 200, json, Buffer.from('not json')).Output).toBe('not json');
    expect(shapeOutput(action(), 204, {}, Buffer.alloc(0)).Output).toBe(null);
  });

  it('an upstream 4xx/5xx is FAILED with its status and the vendor error', () => {
    const a = action({ value: { Id: '$.Body.id' } });
    expect(shapeOutput(a, 403, json, Buffer.from('{"message":"no"}'))).toEqual({
      InvokeActionStatus: 'FAILED',
      HttpStatusCode: 403,
      Output: { message: 'no' },
    });
    expect(shapeOutput(a, 502, {}, Buffer.from('<html>Bad gateway</html>'))).toEqual({
      InvokeActionStatus: 'FAILED',
      HttpStatusCode: 502,
      Output: '<html>Bad gateway</html>',
    });
  });

  it('in-body failures (equals, exists) are FAILED', () => {
    const slack = action({ failWhen: [{ ref: '$.Body.ok', equals: false }] });
    expect(shapeOutput(slack, 200, json, Buffer.from('{"ok":false,"error":"not_in_channel"}')).InvokeActionStatus).toBe('FAILED');
    expect(shapeOutput(slack, 200, json, Buffer.from('{"ok":true}')).InvokeActionStatus).toBe('SUCCESS');
    const graphql = action({ failWhen: [{ ref: '$.Body.errors', exists: true }] });
    expect(shapeOutput(graphql, 200, json, Buffer.from('{"errors":[{}]}')).InvokeActionStatus).toBe('FAILED');
    expect(shapeOutput(graphql, 200, json, Buffer.from('{"data":{}}')).InvokeActionStatus).toBe('SUCCESS');
  });

  it('binary answers are base64 when successful, errors are still read', () => {
    const bin = action(undefined, { maxBytes: 10, output: true });
    expect(shapeOutput(bin, 200, { 'content-type': 'application/pdf' }, Buffer.from([0, 1, 2])).Output).toBe('AAEC');
    expect(shapeOutput(bin, 404, json, Buffer.from('{"error":"gone"}')).Output).toEqual({ error: 'gone' });
  });

  it('output sees headers, lower-case, repeated values joined', () => {
    const a = action({ value: { Total: { $number: "$.Headers['x-total-count']" }, Links: '$.Headers.link' } });
    expect(shapeOutput(a, 200, { 'X-Total-Count': '5', link: ['<a>', '<b>'] }, Buffer.alloc(0)).Output).toEqual({ Total: 5, Links: '<a>, <b>' });
  });
});
