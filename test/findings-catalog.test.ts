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

describe('Comprehend: the limits the SDK documents, refused before anything is sent', () => {
  const pii = findAction('AMAZON_COMPREHEND', 'DetectPiiEntities')!;
  const sentiment = findAction('AMAZON_COMPREHEND', 'DetectSentiment')!;

  it('DetectPiiEntities takes LanguageCode en or es only', () => {
    expect(validateActionInput(pii, { Text: 'Llámame al 555-0100', LanguageCode: 'es' })).toMatchObject({ LanguageCode: 'es' });
    const e = refusal(() => validateActionInput(pii, { Text: 'Appelez-moi au 555-0100', LanguageCode: 'fr' }));
    expect(e.message).toBe(
      "1 validation error detected: Value at 'input.languageCode' failed to satisfy constraint: Member must satisfy enum value set: [en, es]",
    );
    // The other operations take every language the SDK's LanguageCode enum has.
    expect(validateActionInput(sentiment, { Text: 'Très bien', LanguageCode: 'fr' })).toMatchObject({ LanguageCode: 'fr' });
  });

  it('DetectSentiment: at most 5000 bytes of UTF-8, counted in bytes, not characters', () => {
    expect(validateActionInput(sentiment, { Text: 'a'.repeat(5000) })).toMatchObject({ LanguageCode: 'en' });
    const chars = refusal(() => validateActionInput(sentiment, { Text: 'a'.repeat(5001) }));
    expect(chars.message).toContain("Value at 'input.text' failed to satisfy constraint: Member must have length less than or equal to 5000");
    // 2000 characters of 3 bytes each: within maxLength, over the byte limit.
    const bytes = refusal(() => validateActionInput(sentiment, { Text: '€'.repeat(2000) }));
    expect(bytes.message).toBe(
      "1 validation error detected: Value at 'input.text' failed to satisfy constraint: Member must have length less than or equal to 5000 bytes in UTF-8",
    );
  });

  it('S3 keys: at most 1024 bytes of UTF-8', () => {
    const get = findAction('AMAZON_S3', 'GetObject')!;
    expect(validateActionInput(get, { Bucket: 'reports', Key: 'é'.repeat(512) })).toMatchObject({ Bucket: 'reports' });
    const e = refusal(() => validateActionInput(get, { Bucket: 'reports', Key: 'é'.repeat(513) }));
    expect(e.message).toContain("Value at 'input.key' failed to satisfy constraint: Member must have length less than or equal to 1024 bytes in UTF-8");
  });
});
