// Issue 16's catalog findings that are input rules (the requests themselves are
// samples in support/catalog-samples-findings.ts): Outlook ListMessages refuses
// Search with Filter or OrderBy up front, as Microsoft Graph would with a 400;
// Comprehend's language and size limits come from the SDK's model.
import { describe, expect, it } from 'vitest';
import { findAction, validateActionInput } from '../src/catalog/index.js';
import { ServiceError } from '../src/protocol/errors.js';

function refusal(fn: () => unknown): ServiceError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ServiceError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('Outlook ListMessages: $search goes with neither $filter nor $orderby', () => {
  const listMessages = findAction('MICROSOFT_OUTLOOK', 'ListMessages')!;

  it('Search with OrderBy or Filter is refused, naming the member and why', () => {
    const e = refusal(() => validateActionInput(listMessages, { Search: 'budget', OrderBy: 'receivedDateTime desc' }));
    expect(e.name).toBe('InvalidParameterValueException');
    expect(e.message).toBe(
      "1 validation error detected: Value at 'input.orderBy' failed to satisfy constraint: Member must not be set together with Search: Microsoft Graph cannot combine $search with $orderby",
    );
    const both = refusal(() => validateActionInput(listMessages, { Search: 'budget', Filter: 'isRead eq false', OrderBy: 'subject' }));
    expect(both.message).toMatch(/^2 validation errors detected: /);
    expect(both.message).toContain(
      "Value at 'input.filter' failed to satisfy constraint: Member must not be set together with Search: Microsoft Graph cannot combine $search with $filter",
    );
  });

  it('each alone, Filter with OrderBy, and Search with a page token are fine', () => {
    expect(validateActionInput(listMessages, { Search: 'budget', NextToken: 'MSZZVlNC', Top: 10 })).toMatchObject({ Search: 'budget' });
    expect(validateActionInput(listMessages, { Filter: 'isRead eq false', OrderBy: 'receivedDateTime desc' })).toMatchObject({ Filter: 'isRead eq false' });
  });
});

it('Outlook ListEvents: StartDateTime and EndDateTime come together (the rule was a keyword Ajv ignored)', () => {
  const e = refusal(() => validateActionInput(findAction('MICROSOFT_OUTLOOK', 'ListEvents')!, { StartDateTime: '2025-03-01T09:30:00' }));
  expect(e.message).toContain("Value null at 'input.endDateTime' failed to satisfy constraint: Member must not be null when StartDateTime is set");
});
