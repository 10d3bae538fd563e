// sendResult with values written once (serializeOnce): the bytes on the wire are exactly
// what the plain encoder writes for the same output, the kept JSON is reused, and only
// frozen values may be registered.
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { type OperationSpec, sendResult, serializeOnce } from '../src/protocol/http.js';
import { deepFreeze } from '../src/deep-freeze.js';

const spec = { name: 'Test', responseCode: 200, statusCodeMembers: ['Status'] } as unknown as OperationSpec;

class Summary {
  constructor(
    readonly Id: string,
    readonly Created: Date,
  ) {}
  toJSON() {
    return { Id: this.Id, Created: this.Created.getTime() / 1000 };
  }
}

const connector = () => ({
  Arn: 'arn:aws:quicksight:us-east-1:111122223333:action-connector/a"b\\c',
  Name: 'Ünïcode "quoted" \u2028',
  CreatedTime: new Date(1796564481305),
  Nested: { List: [1, 'two', null, { Three: new Date(0) }], Empty: {} },
  Gone: undefined,
});

async function answer(output: object): Promise<string> {
  const app = Fastify();
  app.get('/', (_req, reply) => sendResult(reply, spec, 'req-1', output));
  const r = await app.inject({ method: 'GET', url: '/' });
  await app.close();
  return r.body;
}

describe('sendResult with serializeOnce', () => {
  it('writes a registered member exactly as the plain encoder writes it, in member order', async () => {
    const plain = await answer({ Status: 200, First: 1, ActionConnector: connector(), Skipped: undefined, Last: 'x' });
    const kept = serializeOnce(deepFreeze(connector()));
    const once = await answer({ Status: 200, First: 1, ActionConnector: kept, Skipped: undefined, Last: 'x' });
    expect(once).toBe(plain);
    expect(JSON.parse(once)).toEqual({
      First: 1,
      ActionConnector: JSON.parse(JSON.stringify({ ...connector(), CreatedTime: 1796564481.305, Nested: { List: [1, 'two', null, { Three: 0 }], Empty: {} } })),
      Last: 'x',
      RequestId: 'req-1',
    });
    // Again: the kept text is reused and still the same.
    expect(await answer({ Status: 200, First: 1, ActionConnector: kept, Skipped: undefined, Last: 'x' })).toBe(plain);
  });

  it('writes a list of registered items (a page of summaries) as the plain encoder does; a list with one unregistered item falls back', async () => {
    const items = [new Summary('a', new Date(1000)), new Summary('b"', new Date(2500))];
    const plain = await answer({ Items: items, NextToken: 't' });
    const kept = items.map((s) => serializeOnce(deepFreeze(new Summary(s.Id, new Date(s.Created.getTime())))));
    expect(await answer({ Items: kept, NextToken: 't' })).toBe(plain);
    expect(await answer({ Items: [kept[0], items[1]], NextToken: 't' })).toBe(plain);
    expect(await answer({ Items: [], NextToken: 't' })).toBe(await answer({ Items: [], NextToken: 't' }));
  });

  it('refuses a value that is not frozen (it could change after its JSON was kept)', () => {
    expect(() => serializeOnce({ a: 1 })).toThrow(/frozen/);
  });
});
