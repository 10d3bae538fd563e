// validateActionInput validates a copy of the caller's input (validation fills defaults and
// drops unknown members): the copy is deep, the caller's object is never changed, and what
// is not JSON's (a Date) is copied as structuredClone copies it.
import { describe, expect, it } from 'vitest';
import { findAction, validateActionInput } from '../src/catalog/index.js';

const httpRequest = findAction('GENERIC_HTTP', 'HttpRequest')!;

describe('validateActionInput copies the input', () => {
  it('deeply: the caller’s object is unchanged, objects and arrays are new, "__proto__" stays a member', () => {
    const input = JSON.parse('{"Method":"POST","Path":"items","Body":{"__proto__":{"x":1},"list":[1,{"a":"b"}],"d":null}}');
    const before = JSON.stringify(input);
    const valid = validateActionInput(httpRequest, input) as { Body: Record<string, unknown> & { list: unknown[] } };
    expect(JSON.stringify(input)).toBe(before);
    expect(JSON.stringify(valid)).toBe(before);
    expect(valid).not.toBe(input);
    expect(valid.Body).not.toBe(input.Body);
    expect(valid.Body.list).not.toBe(input.Body.list);
    expect(valid.Body.list[1]).not.toBe(input.Body.list[1]);
    expect(Object.getPrototypeOf(valid.Body)).toBe(Object.prototype);
    expect(Object.keys(valid.Body)).toEqual(['__proto__', 'list', 'd']);
    expect(Object.getOwnPropertyDescriptor(valid.Body, '__proto__')?.value).toEqual({ x: 1 });
  });

  it('what is not JSON as structuredClone does: a Date is a new Date', () => {
    const when = new Date(0);
    const valid = validateActionInput(httpRequest, { Method: 'POST', Path: 'items', Body: { when } }) as { Body: { when: Date } };
    expect(valid.Body.when).toBeInstanceOf(Date);
    expect(valid.Body.when).not.toBe(when);
    expect(valid.Body.when.getTime()).toBe(0);
  });
});
