// Issue 16 breadth for Slack and Zendesk: the actions their users need daily are there,
// and each one says what it is for, shows examples, links the vendor's page, and states
// what the credentials need (Slack: scopes and rate tier; Zendesk: OAuth scopes).
// The requests themselves are exercised in catalog-actions.test.ts.
import { describe, expect, it } from 'vitest';
import { catalogFor } from '../src/catalog/index.js';

const slack = catalogFor('SLACK')!;
const zendesk = catalogFor('ZENDESK_SUITE')!;
const ids = (c: typeof slack) => c.actions.map((a) => a.ActionId);

describe('Slack and Zendesk catalogs (issue 16 breadth)', () => {
  it('cover what their users do daily, at least 15 actions each', () => {
    expect(slack.actions.length).toBeGreaterThanOrEqual(15);
    expect(zendesk.actions.length).toBeGreaterThanOrEqual(15);
    expect(ids(slack)).toEqual(
      expect.arrayContaining([
        'PostMessage',
        'ReplyInThread',
        'UpdateMessage',
        'DeleteMessage',
        'LookupUserByEmail',
        'OpenDirectMessage',
        'SendDirectMessage',
        'ListChannels',
        'GetChannelHistory',
        'GetThreadReplies',
        'AddReaction',
        'GetUserInfo',
        'ListUsers',
        'ScheduleMessage',
        'GetPermalink',
        'SetChannelTopic',
        'InviteToChannel',
        'SearchMessages',
      ]),
    );
    expect(ids(zendesk)).toEqual(
      expect.arrayContaining([
        'CreateTicket',
        'GetTicket',
        'UpdateTicket',
        'SearchTickets',
        'AddTicketComment',
        'ListTicketComments',
        'DeleteTicket',
        'MergeTickets',
        'GetUser',
        'SearchUsers',
        'ListUsers',
        'CreateUser',
        'ListOrganizations',
        'GetOrganization',
        'ListGroups',
        'ListTicketFields',
        'ListViews',
        'ListViewTickets',
      ]),
    );
    // The ids users' EnabledActions already name keep their place.
    expect(ids(slack).slice(0, 4)).toEqual(['PostMessage', 'ListChannels', 'GetChannelHistory', 'AddReaction']);
    expect(ids(zendesk).slice(0, 4)).toEqual(['CreateTicket', 'GetTicket', 'UpdateTicket', 'SearchTickets']);
  });

  for (const [catalog, host] of [
    [slack, 'https://docs.slack.dev/reference/methods/'],
    [zendesk, 'https://developer.zendesk.com/api-reference/'],
  ] as const) {
    it(`${catalog.Type}: every action has a title, a usable description, examples, its reference page and its requirements`, () => {
      const problems: string[] = [];
      for (const a of catalog.actions) {
        if (!/^[A-Z][a-z]/.test(a.Name)) problems.push(`${a.ActionId}: Name`);
        if (a.Description.length < 60) problems.push(`${a.ActionId}: Description too short to act on`);
        if (!a.Examples?.length || a.Examples.length > 2) problems.push(`${a.ActionId}: 1–2 Examples`);
        if (!a.reference?.startsWith(host)) problems.push(`${a.ActionId}: reference`);
        if (!a.requires) problems.push(`${a.ActionId}: requires`);
        if (catalog.Type === 'SLACK') {
          // chat.getPermalink is the one method Slack documents without a scope.
          if (a.ActionId !== 'GetPermalink' && !a.requires?.scopes?.length) problems.push(`${a.ActionId}: scopes`);
          if (!/^(Tier [1-4] \(\d+\+ per minute\)|Special)/.test(a.requires?.rateLimit ?? '')) problems.push(`${a.ActionId}: Slack rate tier`);
        } else if (!a.requires?.scopes?.length) problems.push(`${a.ActionId}: scopes`);
      }
      expect(problems).toEqual([]);
    });
  }

  it('Slack search needs a user token: SearchMessages requires the delegated grant, nothing else does', () => {
    expect(slack.actions.filter((a) => a.requires?.grant).map((a) => [a.ActionId, a.requires!.grant])).toEqual([['SearchMessages', 'delegated']]);
    expect(slack.actions.find((a) => a.ActionId === 'SearchMessages')!.requires!.scopes).toEqual(['search:read']);
  });
});
