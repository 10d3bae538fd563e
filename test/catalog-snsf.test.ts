// ServiceNow and Salesforce (issue 16's breadth): inputs that would reach another table,
// another query, another path or another host are refused before anything is sent; the
// Link-header paging hook; and what every action of both catalogs carries for agents.
import { describe, expect, it } from 'vitest';
import { buildHttpRequest, catalogFor, findAction, validateActionInput } from '../src/catalog/index.js';
import type { ActionConnectorType } from '../src/protocol/generated/model.js';
import { valueHooks } from '../src/catalog/hooks.js';

const SNOW = 'https://acme.service-now.com';
const SFDC = 'https://acme.my.salesforce.com';
const INC = '9d385017c611228701d22104cc95c371';

/** The URL the action would call, validating the input first as InvokeAction does. */
function urlOf(type: ActionConnectorType, actionId: string, input: unknown, base: string): string {
  const action = findAction(type, actionId);
  if (!action) throw new Error(`no action ${actionId}`);
  return buildHttpRequest(action, base, validateActionInput(action, input)).url;
}
const sn = (actionId: string, input: unknown) => urlOf('SERVICENOW_NOW_PLATFORM', actionId, input, SNOW);
const sf = (actionId: string, input: unknown) => urlOf('SALESFORCE_CRM', actionId, input, SFDC);

describe('ServiceNow inputs', () => {
  it('a table name is one plain table: no path, query or upper case', () => {
    for (const Table of ['incident/../sys_user', 'incident?sysparm_query=x', 'Incident', 'sys_user%2F', '', 'a'.repeat(81)]) {
      expect(() => sn('CreateRecord', { Table, Fields: { short_description: 'x' } }), Table).toThrow(/input\.table/);
      expect(() => sn('DeleteRecord', { Table, SysId: INC }), Table).toThrow(/input\.table/);
    }
    expect(sn('DeleteRecord', { Table: 'u_asset_request', SysId: INC })).toBe(`${SNOW}/api/now/table/u_asset_request/${INC}`);
  });

  it('an email cannot add encoded-query terms to the user lookup', () => {
    expect(() => sn('GetUserByEmail', { Email: 'a@example.com^ORDERBYname' })).toThrow(/input\.email/);
    expect(() => sn('GetUserByEmail', { Email: 'a@example.com^NQactive=true' })).toThrow(/input\.email/);
    expect(sn('GetUserByEmail', { Email: 'a@example.com' })).toContain('sysparm_query=email%3Da%40example.com&');
  });

  it('a change number cannot add query terms; SysId and Number exclude each other', () => {
    expect(() => sn('GetChangeRequest', { Number: 'CHG0030001^ORactive=true' })).toThrow(/input\.number/);
    expect(() => sn('GetChangeRequest', { SysId: INC, Number: 'CHG0030001' })).toThrow(/input/);
    expect(() => sn('GetChangeRequest', {})).toThrow(/input/);
  });

  it('a CI class is a cmdb_ci table', () => {
    expect(() => sn('ListConfigurationItems', { Class: 'sys_user' })).toThrow(/input\.class/);
    expect(sn('ListConfigurationItems', {})).toBe(`${SNOW}/api/now/table/cmdb_ci?sysparm_exclude_reference_link=true`);
  });

  it('column names of a write are plain column names', () => {
    expect(() => sn('UpdateRecord', { Table: 'incident', SysId: INC, Fields: { 'state&sysparm_x': '2' } })).toThrow(/input\.fields/);
    expect(() => sn('UpdateRecord', { Table: 'incident', SysId: INC, Fields: {} })).toThrow(/input\.fields/);
  });

  it('attachments need a record or a query; uploads are bounded', () => {
    expect(() => sn('ListAttachments', {})).toThrow(/input/);
    expect(() => sn('ListAttachments', { TableName: 'incident' })).toThrow(/input/);
    const big = Buffer.alloc(4 * 1024 * 1024 + 1).toString('base64');
    expect(() => sn('UploadAttachment', { TableName: 'incident', TableSysId: INC, FileName: 'big.bin', Content: big })).toThrow(
      /at most 4194304 bytes|input\.content/,
    );
    expect(() => sn('UploadAttachment', { TableName: 'incident', TableSysId: INC, FileName: '../x', Content: 'eA==' })).toThrow(/input\.fileName/i);
  });

  it('a work note needs a note or a comment', () => {
    expect(() => sn('AddWorkNote', { SysId: INC })).toThrow(/input/);
  });
});

describe('Salesforce inputs', () => {
  it('composite subrequests stay under /services/data on the same instance', () => {
    const req = (Url: string) => ({ Requests: [{ Method: 'GET', Url, ReferenceId: 'r1' }] });
    for (const Url of [
      'https://evil.example/services/data/v62.0/limits',
      '//evil.example/x',
      '/services/apexrest/x',
      'services/data/v62.0/limits',
      '/services/data/v62.0/ x',
    ]) {
      expect(() => sf('Composite', req(Url)), Url).toThrow(/input\.requests/);
    }
    const many = { Requests: Array.from({ length: 26 }, (_, i) => ({ Method: 'GET', Url: '/services/data/v62.0/limits', ReferenceId: `r${i}` })) };
    expect(() => sf('Composite', many)).toThrow(/input\.requests/);
    expect(sf('Composite', req('/services/data/v62.0/sobjects/Account/001D000000IqhSLIAZ'))).toBe(`${SFDC}/services/data/v62.0/composite`);
  });

  it('a SOSL search starts with FIND', () => {
    expect(() => sf('Search', { Sosl: 'SELECT Id FROM Account' })).toThrow(/input\.sosl/);
  });

  it("an external id value cannot hold a '/'; the field is a field name", () => {
    expect(() => sf('UpsertRecord', { SObject: 'Account', ExternalIdField: 'ERP_Id__c', ExternalId: 'a/b', Fields: { Name: 'x' } })).toThrow(
      /input\.externalId/,
    );
    expect(() => sf('GetRecordByExternalId', { SObject: 'Account', ExternalIdField: 'ERP_Id__c/x', ExternalId: 'a' })).toThrow(/input\.externalIdField/);
  });

  it('a collection holds at most 200 records', () => {
    const records = Array.from({ length: 201 }, () => ({ LastName: 'Doe' }));
    expect(() => sf('CreateRecords', { SObject: 'Contact', Records: records })).toThrow(/input\.records/);
  });
});

describe('linkRel hook', () => {
  const link = valueHooks.linkRel!;
  it('finds the URL of a relation in a Link header', () => {
    const header = '<https://x/a?sysparm_offset=0>;rel="first",<https://x/a?sysparm_offset=4>;rel="next",<https://x/a?sysparm_offset=8>; rel=last';
    expect(link(header, { rel: 'next' })).toBe('https://x/a?sysparm_offset=4');
    expect(link(header, { rel: 'last' })).toBe('https://x/a?sysparm_offset=8');
    expect(link(header, { rel: 'NEXT' })).toBe('https://x/a?sysparm_offset=4');
    expect(link('<https://x/b>; rel="prev next"', { rel: 'next' })).toBe('https://x/b');
  });
  it('gives nothing without that relation or without a header', () => {
    expect(link('<https://x/a>;rel="first"', { rel: 'next' })).toBeUndefined();
    expect(link(undefined, { rel: 'next' })).toBeUndefined();
    expect(link('<https://x/a>;rel="next"', {})).toBeUndefined();
  });
});

describe('what agents get', () => {
  for (const type of ['SERVICENOW_NOW_PLATFORM', 'SALESFORCE_CRM'] as const) {
    it(`${type}: at least 15 actions, each with a reference page and examples`, () => {
      const actions = catalogFor(type)!.actions;
      expect(actions.length).toBeGreaterThanOrEqual(15);
      for (const a of actions) {
        expect(a.reference, a.ActionId).toMatch(/^https:\/\/(www\.servicenow\.com|developer\.salesforce\.com|help\.salesforce\.com)\//);
        expect(a.Examples?.length, a.ActionId).toBeGreaterThanOrEqual(1);
        expect(a.Description.length, a.ActionId).toBeGreaterThan(60);
      }
    });
  }
  it('Salesforce REST actions need the api scope', () => {
    for (const a of catalogFor('SALESFORCE_CRM')!.actions) {
      if (a.ActionId !== 'GetUserInfo') expect(a.requires?.scopes, a.ActionId).toEqual(['api']);
    }
  });
});
