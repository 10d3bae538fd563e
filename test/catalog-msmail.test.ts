// Outlook and Teams input limits that the samples (catalog-actions.test.ts) do not show:
// each is refused before anything is built, naming the reason, because Graph would
// refuse it (page sizes, name characters, a one-on-one chat's shape) or because it
// could change the request's meaning (a quote closing an OData bind).
import { describe, expect, it } from 'vitest';
import { buildHttpRequest, findAction, validateActionInput } from '../src/catalog/index.js';
import { ServiceError } from '../src/protocol/errors.js';

const GRAPH = 'https://graph.microsoft.com/v1.0';
const TEAM = '02bd9fd6-8f93-4758-87c3-1fb73740a315';
const CHANNEL = '19:09fc54a3141a45d0bc769cf506d2e079@thread.skype';

const build = (type: 'MICROSOFT_OUTLOOK' | 'MICROSOFT_TEAMS', actionId: string, input: unknown) => {
  const action = findAction(type, actionId);
  expect(action, `${type} ${actionId}`).toBeDefined();
  return buildHttpRequest(action!, GRAPH, validateActionInput(action!, input));
};

function refused(type: 'MICROSOFT_OUTLOOK' | 'MICROSOFT_TEAMS', actionId: string, input: unknown): string {
  try {
    build(type, actionId, input);
  } catch (err) {
    expect(err).toBeInstanceOf(ServiceError);
    expect((err as ServiceError).name).toBe('InvalidParameterValueException');
    return (err as Error).message;
  }
  throw new Error(`expected ${actionId} to refuse ${JSON.stringify(input)}`);
}

describe('Teams inputs', () => {
  it('a user in an OData bind can hold no quote, slash or space (it would end the users(...) key)', () => {
    for (const user of ["x')/../groups('1", 'a b@contoso.com', "o'brien@contoso.com", 'a/b', 'a?b']) {
      expect(refused('MICROSOFT_TEAMS', 'AddTeamMember', { TeamId: TEAM, UserId: user }), user).toMatch(/userId.*pattern/i);
      expect(refused('MICROSOFT_TEAMS', 'CreateChat', { MemberIds: ['alex@contoso.com', user] }), user).toMatch(/memberIds.*pattern/i);
    }
    const ok = build('MICROSOFT_TEAMS', 'AddTeamMember', { TeamId: TEAM, UserId: 'alex@contoso.com' });
    expect(JSON.parse(String(ok.body))['user@odata.bind']).toBe("https://graph.microsoft.com/v1.0/users('alex@contoso.com')");
  });

  it('a one-on-one chat has exactly two members and no topic; a group chat may have more and a topic', () => {
    refused('MICROSOFT_TEAMS', 'CreateChat', { MemberIds: ['a@contoso.com', 'b@contoso.com', 'c@contoso.com'] });
    refused('MICROSOFT_TEAMS', 'CreateChat', { MemberIds: ['a@contoso.com', 'b@contoso.com'], Topic: 'x' });
    refused('MICROSOFT_TEAMS', 'CreateChat', { MemberIds: ['a@contoso.com'] });
    const group = build('MICROSOFT_TEAMS', 'CreateChat', { ChatType: 'group', Topic: 'x', MemberIds: ['a@contoso.com', 'b@contoso.com', 'c@contoso.com'] });
    expect(JSON.parse(String(group.body)).members).toHaveLength(3);
  });

  it('message and chat pages are at most 50 (Graph refuses more)', () => {
    expect(refused('MICROSOFT_TEAMS', 'ListChannelMessages', { TeamId: TEAM, ChannelId: CHANNEL, Top: 51 })).toMatch(/top/i);
    refused('MICROSOFT_TEAMS', 'ListChatMessages', { ChatId: '19:abc@thread.v2', Top: 51 });
    refused('MICROSOFT_TEAMS', 'ListChats', { Top: 51 });
    refused('MICROSOFT_TEAMS', 'ListMessageReplies', { TeamId: TEAM, ChannelId: CHANNEL, MessageId: '1616990032035', Top: 51 });
  });

  it("channel names follow Teams' rules: at most 50 characters, none of # % & * { } / \\ : < > ? + | ' \"", () => {
    for (const name of ['a#b', 'a/b', 'a:b', 'a"b', "a'b", 'x'.repeat(51), ''])
      refused('MICROSOFT_TEAMS', 'CreateChannel', { TeamId: TEAM, DisplayName: name });
    refused('MICROSOFT_TEAMS', 'CreateChannel', { TeamId: TEAM, DisplayName: 'Shared', MembershipType: 'shared' });
  });

  it('presence of another user needs their object id (Graph takes no userPrincipalName there)', () => {
    refused('MICROSOFT_TEAMS', 'GetPresence', { UserId: 'alex@contoso.com' });
    expect(build('MICROSOFT_TEAMS', 'GetPresence', { UserId: '66825e03-7ef5-42da-9069-724602c31f6b' }).url).toBe(
      `${GRAPH}/users/66825e03-7ef5-42da-9069-724602c31f6b/presence`,
    );
  });

  it('an online meeting needs start and end with a zone', () => {
    refused('MICROSOFT_TEAMS', 'CreateOnlineMeeting', { Subject: 'x', StartDateTime: '2025-03-01T09:30:00', EndDateTime: '2025-03-01T10:00:00' });
  });
});

describe('Outlook inputs', () => {
  it('UpdateEvent needs something to change', () => {
    refused('MICROSOFT_OUTLOOK', 'UpdateEvent', { EventId: 'AAMkAGI1AAAt9AHjAAA=' });
    refused('MICROSOFT_OUTLOOK', 'UpdateEvent', { EventId: 'AAMkAGI1AAAt9AHjAAA=', TimeZone: 'UTC' });
  });

  it('RespondToEvent takes only the three answers Graph has (the answer is a path segment)', () => {
    for (const response of ['cancel', 'forward', '../cancel', 'Accept'])
      refused('MICROSOFT_OUTLOOK', 'RespondToEvent', { EventId: 'AAMkAGI1AAAt9AHjAAA=', Response: response });
  });

  it('a message id is one path segment: slashes and dots cannot reach another resource', () => {
    const r = build('MICROSOFT_OUTLOOK', 'DeleteMessage', { MessageId: '../mailFolders/inbox' });
    expect(r.url).toBe(`${GRAPH}/me/messages/..%2FmailFolders%2Finbox`);
    refused('MICROSOFT_OUTLOOK', 'DeleteMessage', { MessageId: '..' });
  });

  it('reply, forward and find-meeting-times inputs Graph requires', () => {
    refused('MICROSOFT_OUTLOOK', 'ReplyToMessage', { MessageId: 'AAMk=', Comment: '' });
    refused('MICROSOFT_OUTLOOK', 'ForwardMessage', { MessageId: 'AAMk=', To: [] });
    refused('MICROSOFT_OUTLOOK', 'FindMeetingTimes', {
      Attendees: ['a@contoso.com'],
      Start: '2025-03-03T09:00:00',
      End: '2025-03-07T17:00:00',
      DurationMinutes: 0,
    });
    refused('MICROSOFT_OUTLOOK', 'CreateContact', { GivenName: 'A', Emails: ['a@x.com', 'b@x.com', 'c@x.com', 'd@x.com'] });
  });
});
