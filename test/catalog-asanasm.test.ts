// Issue 16 breadth for Asana and Smartsheet: the actions their users need daily are there
// (Asana comments and project tasks; Smartsheet rows and comments), and each one says what it
// is for, shows examples, links the vendor's page, and states the OAuth scopes the vendor's
// spec lists for it and the vendor's rate limit. The requests themselves are exercised in
// catalog-actions.test.ts.
import { describe, expect, it } from 'vitest';
import { catalogFor } from '../src/catalog/index.js';

const asana = catalogFor('ASANA')!;
const smartsheet = catalogFor('SMARTSHEET')!;
const ids = (c: typeof asana) => c.actions.map((a) => a.ActionId);

describe('Asana and Smartsheet catalogs (issue 16 breadth)', () => {
  it('cover what their users do daily, at least 15 actions each', () => {
    expect(asana.actions.length).toBeGreaterThanOrEqual(15);
    expect(smartsheet.actions.length).toBeGreaterThanOrEqual(15);
    expect(ids(asana)).toEqual(
      expect.arrayContaining([
        'CreateTask',
        'GetTask',
        'UpdateTask',
        'CompleteTask',
        'DeleteTask',
        'ListProjectTasks',
        'ListSectionTasks',
        'ListUserTasks',
        'SearchTasks',
        'AddComment',
        'ListTaskStories',
        'CreateSubtask',
        'ListSubtasks',
        'AddTaskToProject',
        'AddTaskToSection',
        'ListSections',
        'CreateSection',
        'ListProjects',
        'GetProject',
        'CreateProject',
        'ListWorkspaces',
        'ListTeams',
        'GetUser',
        'ListUsers',
        'AddFollowers',
        'ListTags',
        'AddTagToTask',
      ]),
    );
    expect(ids(smartsheet)).toEqual(
      expect.arrayContaining([
        'ListSheets',
        'GetSheet',
        'AddRows',
        'UpdateRows',
        'GetRow',
        'DeleteRows',
        'ListColumns',
        'Search',
        'SearchSheet',
        'AddRowComment',
        'AddSheetComment',
        'ReplyToDiscussion',
        'ListDiscussions',
        'ListRowDiscussions',
        'ShareSheet',
        'ListWorkspaces',
        'GetWorkspace',
        'GetReport',
        'GetCurrentUser',
        'ListRowAttachments',
        'GetAttachment',
      ]),
    );
    // The ids users' EnabledActions already name keep their place.
    expect(ids(asana).slice(0, 5)).toEqual(['CreateTask', 'GetTask', 'UpdateTask', 'ListProjects', 'SearchTasks']);
    expect(ids(smartsheet).slice(0, 5)).toEqual(['ListSheets', 'GetSheet', 'AddRows', 'UpdateRows', 'Search']);
  });

  for (const [catalog, host, scopes] of [
    [asana, 'https://developers.asana.com/reference/', /^(default|[a-z_]+:(read|write|delete))$/],
    [smartsheet, 'https://developers.smartsheet.com/api/smartsheet/openapi/', /^[A-Z_]+$/],
  ] as const) {
    it(`${catalog.Type}: every action has a title, a usable description, examples, its reference page and its requirements`, () => {
      const problems: string[] = [];
      for (const a of catalog.actions) {
        if (!/^[A-Z][a-z]/.test(a.Name)) problems.push(`${a.ActionId}: Name`);
        if (a.Description.length < 60) problems.push(`${a.ActionId}: Description too short to act on`);
        if (!a.Examples?.length || a.Examples.length > 2) problems.push(`${a.ActionId}: 1–2 Examples`);
        if (!a.reference?.startsWith(host)) problems.push(`${a.ActionId}: reference`);
        if (!a.requires?.rateLimit) problems.push(`${a.ActionId}: rate limit`);
        // Smartsheet's GET /users/me is the one operation the spec lists no scope for.
        if (!(catalog.Type === 'SMARTSHEET' && a.ActionId === 'GetCurrentUser') && !a.requires?.scopes?.length) problems.push(`${a.ActionId}: scopes`);
        for (const s of a.requires?.scopes ?? []) if (!scopes.test(s)) problems.push(`${a.ActionId}: scope ${s}`);
      }
      expect(problems).toEqual([]);
    });
  }

  it('Asana search says it is premium-only and has its own rate limit', () => {
    const search = asana.actions.find((a) => a.ActionId === 'SearchTasks')!;
    expect(search.Description).toMatch(/Premium only/);
    expect(search.Description).toMatch(/402/);
    expect(search.requires!.rateLimit).toMatch(/60 requests per minute/);
  });
});
