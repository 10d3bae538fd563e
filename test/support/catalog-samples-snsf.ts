// Sample invocations for the actions issue 16 adds to ServiceNow and Salesforce (see
// catalog-samples.ts for the format). Answers follow the vendors' reference pages:
// ServiceNow's Table, Attachment, Aggregate, Service Catalog and Knowledge Management
// APIs; Salesforce's REST API v62.0 and its OAuth UserInfo endpoint.
import type { HttpSample } from './catalog-samples.js';

const SNOW = 'https://acme.service-now.com';

const INC = '9d385017c611228701d22104cc95c371';
const incident = { sys_id: INC, number: 'INC0010001', short_description: 'Email is down', state: '1', urgency: '1', impact: '2' };
const PRB = 'd7296d02c0a801670085e737da016e70';
const problem = { sys_id: PRB, number: 'PRB0040010', short_description: 'Mail relay drops messages', priority: '2', state: '101' };
const CHG = 'c83c5e5347c12200e0ef563dbb9a7190';
const change = {
  sys_id: CHG,
  number: 'CHG0030001',
  short_description: 'Patch the orders database to 15.4',
  type: 'normal',
  state: '-5',
  start_date: '2025-03-01 22:00:00',
  end_date: '2025-03-01 23:30:00',
};
const ATT = '0254de0c4f889200086eeed18110c74c';
const attachment = {
  size_bytes: '16',
  file_name: 'relay.log',
  sys_mod_count: '0',
  average_image_color: '',
  image_width: '',
  sys_updated_on: '2025-02-14 09:31:02',
  sys_tags: '',
  table_name: 'incident',
  sys_id: ATT,
  image_height: '',
  sys_updated_by: 'abel.tuter',
  download_link: `${SNOW}/api/now/attachment/${ATT}/file`,
  content_type: 'text/plain',
  sys_created_on: '2025-02-14 09:31:02',
  size_compressed: '36',
  compressed: 'true',
  state: '',
  table_sys_id: INC,
  chunk_size_bytes: '700000',
  hash: '8a2f3b2ba8a8d56d3f62c1e69b8a6d7bcd4b1f9d2ab8c2d7e6b4ab2f0b2fd3a1',
  sys_created_by: 'abel.tuter',
};
const attachmentOut = {
  SysId: ATT,
  FileName: 'relay.log',
  ContentType: 'text/plain',
  SizeBytes: 16,
  TableName: 'incident',
  TableSysId: INC,
  DownloadLink: `${SNOW}/api/now/attachment/${ATT}/file`,
  CreatedOn: '2025-02-14 09:31:02',
  CreatedBy: 'abel.tuter',
};
const logBytes = Buffer.from('relay restarted\n', 'utf8');
const USER = '5137153cc611227c000bbd1bd8cd2005';
const user = { sys_id: USER, user_name: 'abel.tuter', name: 'Abel Tuter', email: 'abel.tuter@example.com', active: 'true', title: 'Network Engineer' };
const ITEM = '04b7e94b4f7b4200086eeed18110c7fd';

export const SNSF_SAMPLES: HttpSample[] = [
  // ── SERVICENOW_NOW_PLATFORM ─────────────────────────────────────────────────
  {
    type: 'SERVICENOW_NOW_PLATFORM',
    actionId: 'QueryRecords',
    note: 'NextOffset from the Link header',
    base: SNOW,
    input: { Table: 'incident', Query: 'active=true', Fields: ['number'], Limit: 2, Offset: 2 },
    expect: {
      method: 'GET',
      url: '/api/now/table/incident?sysparm_query=active%3Dtrue&sysparm_fields=number&sysparm_limit=2&sysparm_offset=2&sysparm_exclude_reference_link=true',
    },
    response: {
      json: { result: [{ number: 'INC0010003' }, { number: 'INC0010004' }] },
      headers: {
        'x-total-count': '7',
        link:
          `<${SNOW}/api/now/table/incident?sysparm_query=active%3Dtrue&sysparm_fields=number&sysparm_limit=2&sysparm_offset=0>;rel="first",` +
          `<${SNOW}/api/now/table/incident?sysparm_query=active%3Dtrue&sysparm_fields=number&sysparm_limit=2&sysparm_offset=0>;rel="prev",` +
          `<${SNOW}/api/now/table/incident?sysparm_query=active%3Dtrue&sysparm_fields=number&sysparm_limit=2&sysparm_offset=4>;rel="next",` +
          `<${SNOW}/api/now/table/incident?sysparm_query=active%3Dtrue&sysparm_fields=number&sysparm_limit=2&sysparm_offset=6>;rel="last"`,
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: { Records: [{ number: 'INC0010003' }, { number: 'INC0010004' }], TotalCount: 7, NextOffset: 4 },
    },
  },
  {
    type: 'SERVICENOW_NOW_PLATFORM',
    actionId: 'GetRecord',
    base: SNOW,
    input: { Table: 'problem', SysId: PRB, Fields: ['sys_id', 'number', 'short_description'], DisplayValue: 'false' },
    expect: {
      method: 'GET',
      url: `/api/now/table/problem/${PRB}?sysparm_fields=sys_id%2Cnumber%2Cshort_description&sysparm_display_value=false&sysparm_exclude_reference_link=true`,
      headers: { accept: 'application/json' },
    },
    response: { json: { result: { sys_id: PRB, number: 'PRB0040010', short_description: 'Mail relay drops messages' } } },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: { SysId: PRB, Number: 'PRB0040010', Record: { sys_id: PRB, number: 'PRB0040010', short_description: 'Mail relay drops messages' } },
    },
  },
  {
    type: 'SERVICENOW_NOW_PLATFORM',
    actionId: 'GetRecord',
    note: 'a missing record is FAILED',
    base: SNOW,
    input: { Table: 'problem', SysId: 'ffffffffffffffffffffffffffffffff' },
    expect: { method: 'GET', url: '/api/now/table/problem/ffffffffffffffffffffffffffffffff?sysparm_exclude_reference_link=true' },
    response: {
      status: 404,
      json: { error: { message: 'No Record found', detail: "Record doesn't exist or ACL restricts the record retrieval" }, status: 'failure' },
    },
    result: {
      status: 'FAILED',
      httpStatus: 404,
      output: { error: { message: 'No Record found', detail: "Record doesn't exist or ACL restricts the record retrieval" }, status: 'failure' },
    },
  },
  {
    type: 'SERVICENOW_NOW_PLATFORM',
    actionId: 'CreateRecord',
    base: SNOW,
    input: {
      Table: 'problem',
      Fields: { short_description: 'Mail relay drops messages', priority: '2' },
      InputDisplayValue: true,
      ReturnFields: ['sys_id', 'number'],
    },
    expect: {
      method: 'POST',
      url: '/api/now/table/problem?sysparm_fields=sys_id%2Cnumber&sysparm_input_display_value=true&sysparm_exclude_reference_link=true',
      headers: { 'content-type': 'application/json' },
      json: { short_description: 'Mail relay drops messages', priority: '2' },
    },
    response: { status: 201, headers: { location: `${SNOW}/api/now/table/problem/${PRB}` }, json: { result: { sys_id: PRB, number: 'PRB0040010' } } },
    result: { status: 'SUCCESS', httpStatus: 201, output: { SysId: PRB, Number: 'PRB0040010', Record: { sys_id: PRB, number: 'PRB0040010' } } },
  },
  {
    type: 'SERVICENOW_NOW_PLATFORM',
    actionId: 'UpdateRecord',
    base: SNOW,
    input: { Table: 'problem', SysId: PRB, Fields: { state: '102', work_notes: 'Root cause found.' }, DisplayValue: 'all' },
    expect: {
      method: 'PATCH',
      url: `/api/now/table/problem/${PRB}?sysparm_display_value=all&sysparm_exclude_reference_link=true`,
      json: { state: '102', work_notes: 'Root cause found.' },
    },
    response: { json: { result: { ...problem, state: { value: '102', display_value: 'Root Cause Analysis' } } } },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: { SysId: PRB, Number: 'PRB0040010', Record: { ...problem, state: { value: '102', display_value: 'Root Cause Analysis' } } },
    },
  },
  {
    type: 'SERVICENOW_NOW_PLATFORM',
    actionId: 'DeleteRecord',
    base: SNOW,
    input: { Table: 'incident', SysId: INC },
    expect: { method: 'DELETE', url: `/api/now/table/incident/${INC}` },
    response: { status: 204 },
    result: { status: 'SUCCESS', httpStatus: 204, output: { Deleted: true } },
  },
  {
    type: 'SERVICENOW_NOW_PLATFORM',
    actionId: 'ResolveIncident',
    base: SNOW,
    input: { SysId: INC, CloseCode: 'Solution provided', CloseNotes: 'Restarted the mail relay.', Comments: 'Mail flows again.' },
    expect: {
      method: 'PATCH',
      url: `/api/now/table/incident/${INC}?sysparm_exclude_reference_link=true`,
      json: { state: '6', close_code: 'Solution provided', close_notes: 'Restarted the mail relay.', comments: 'Mail flows again.' },
    },
    response: { json: { result: { ...incident, state: '6', close_code: 'Solution provided', close_notes: 'Restarted the mail relay.' } } },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        SysId: INC,
        Number: 'INC0010001',
        Record: { ...incident, state: '6', close_code: 'Solution provided', close_notes: 'Restarted the mail relay.' },
      },
    },
  },
  {
    type: 'SERVICENOW_NOW_PLATFORM',
    actionId: 'AddWorkNote',
    base: SNOW,
    input: { SysId: INC, WorkNote: 'Relay restarted; watching queues.' },
    expect: {
      method: 'PATCH',
      url: `/api/now/table/incident/${INC}?sysparm_fields=sys_id%2Cnumber%2Csys_updated_on&sysparm_exclude_reference_link=true`,
      json: { work_notes: 'Relay restarted; watching queues.' },
    },
    response: { json: { result: { sys_id: INC, number: 'INC0010001', sys_updated_on: '2025-02-14 09:40:11' } } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { SysId: INC, Number: 'INC0010001', UpdatedOn: '2025-02-14 09:40:11' } },
  },
  {
    type: 'SERVICENOW_NOW_PLATFORM',
    actionId: 'AddWorkNote',
    note: 'a comment on another task table',
    base: SNOW,
    input: { Table: 'sc_req_item', SysId: 'aeed229047801200e0ef563dbb9a71c2', Comment: 'Your laptop ships today.' },
    expect: {
      method: 'PATCH',
      url: '/api/now/table/sc_req_item/aeed229047801200e0ef563dbb9a71c2?sysparm_fields=sys_id%2Cnumber%2Csys_updated_on&sysparm_exclude_reference_link=true',
      json: { comments: 'Your laptop ships today.' },
    },
    response: { json: { result: { sys_id: 'aeed229047801200e0ef563dbb9a71c2', number: 'RITM0010002', sys_updated_on: '2025-02-14 10:02:45' } } },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: { SysId: 'aeed229047801200e0ef563dbb9a71c2', Number: 'RITM0010002', UpdatedOn: '2025-02-14 10:02:45' },
    },
  },
  {
    type: 'SERVICENOW_NOW_PLATFORM',
    actionId: 'CreateChangeRequest',
    base: SNOW,
    input: {
      ShortDescription: 'Patch the orders database to 15.4',
      Type: 'normal',
      Risk: '3',
      ConfigurationItem: '26e44e8a0a0a0bb40095ff953f9ee520',
      StartDate: '2025-03-01 22:00:00',
      EndDate: '2025-03-01 23:30:00',
      BackoutPlan: 'Restore the snapshot taken before the patch.',
      Fields: { u_maintenance_window: 'MW-7' },
    },
    expect: {
      method: 'POST',
      url: '/api/now/table/change_request?sysparm_exclude_reference_link=true',
      json: {
        short_description: 'Patch the orders database to 15.4',
        type: 'normal',
        risk: '3',
        cmdb_ci: '26e44e8a0a0a0bb40095ff953f9ee520',
        start_date: '2025-03-01 22:00:00',
        end_date: '2025-03-01 23:30:00',
        backout_plan: 'Restore the snapshot taken before the patch.',
        u_maintenance_window: 'MW-7',
      },
    },
    response: { status: 201, json: { result: change } },
    result: { status: 'SUCCESS', httpStatus: 201, output: { SysId: CHG, Number: 'CHG0030001', Record: change } },
  },
  {
    type: 'SERVICENOW_NOW_PLATFORM',
    actionId: 'GetChangeRequest',
    base: SNOW,
    input: { Number: 'CHG0030001', Fields: ['sys_id', 'number', 'state'], DisplayValue: 'true' },
    expect: {
      method: 'GET',
      url: '/api/now/table/change_request?sysparm_query=number%3DCHG0030001&sysparm_limit=1&sysparm_fields=sys_id%2Cnumber%2Cstate&sysparm_display_value=true&sysparm_exclude_reference_link=true',
    },
    response: { json: { result: [{ sys_id: CHG, number: 'CHG0030001', state: 'New' }] }, headers: { 'x-total-count': '1' } },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: { Found: true, SysId: CHG, Number: 'CHG0030001', Record: { sys_id: CHG, number: 'CHG0030001', state: 'New' } },
    },
  },
  {
    type: 'SERVICENOW_NOW_PLATFORM',
    actionId: 'GetChangeRequest',
    note: 'by sys_id',
    base: SNOW,
    input: { SysId: CHG },
    expect: { method: 'GET', url: `/api/now/table/change_request/${CHG}?sysparm_exclude_reference_link=true` },
    response: { json: { result: change } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Found: true, SysId: CHG, Number: 'CHG0030001', Record: change } },
  },
  {
    type: 'SERVICENOW_NOW_PLATFORM',
    actionId: 'GetChangeRequest',
    note: 'an unknown number is not found',
    base: SNOW,
    input: { Number: 'CHG0099999' },
    expect: { method: 'GET', url: '/api/now/table/change_request?sysparm_query=number%3DCHG0099999&sysparm_limit=1&sysparm_exclude_reference_link=true' },
    response: { json: { result: [] }, headers: { 'x-total-count': '0' } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Found: false } },
  },
  {
    type: 'SERVICENOW_NOW_PLATFORM',
    actionId: 'ListConfigurationItems',
    base: SNOW,
    input: { Class: 'cmdb_ci_linux_server', Query: 'nameSTARTSWITHweb', Fields: ['sys_id', 'name', 'ip_address'], Limit: 2 },
    expect: {
      method: 'GET',
      url: '/api/now/table/cmdb_ci_linux_server?sysparm_query=nameSTARTSWITHweb&sysparm_fields=sys_id%2Cname%2Cip_address&sysparm_limit=2&sysparm_exclude_reference_link=true',
    },
    response: {
      json: {
        result: [
          { sys_id: '3a307c930a0a0bb400353965d0b8861f', name: 'web-01', ip_address: '10.0.0.11' },
          { sys_id: '3a5dd3dbc0a8ce0100655f1ec66ed42c', name: 'web-02', ip_address: '10.0.0.12' },
        ],
      },
      headers: {
        'x-total-count': '3',
        link: `<${SNOW}/api/now/table/cmdb_ci_linux_server?sysparm_limit=2&sysparm_offset=0>;rel="first",<${SNOW}/api/now/table/cmdb_ci_linux_server?sysparm_limit=2&sysparm_offset=2>;rel="next",<${SNOW}/api/now/table/cmdb_ci_linux_server?sysparm_limit=2&sysparm_offset=2>;rel="last"`,
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Records: [
          { sys_id: '3a307c930a0a0bb400353965d0b8861f', name: 'web-01', ip_address: '10.0.0.11' },
          { sys_id: '3a5dd3dbc0a8ce0100655f1ec66ed42c', name: 'web-02', ip_address: '10.0.0.12' },
        ],
        TotalCount: 3,
        NextOffset: 2,
      },
    },
  },
  {
    type: 'SERVICENOW_NOW_PLATFORM',
    actionId: 'ListConfigurationItems',
    note: 'all CIs by default, the last page without a next link',
    base: SNOW,
    input: { Query: 'name=orders-db-01' },
    expect: { method: 'GET', url: '/api/now/table/cmdb_ci?sysparm_query=name%3Dorders-db-01&sysparm_exclude_reference_link=true' },
    response: { json: { result: [{ sys_id: '26e44e8a0a0a0bb40095ff953f9ee520', name: 'orders-db-01' }] }, headers: { 'x-total-count': '1' } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Records: [{ sys_id: '26e44e8a0a0a0bb40095ff953f9ee520', name: 'orders-db-01' }], TotalCount: 1 } },
  },
  {
    type: 'SERVICENOW_NOW_PLATFORM',
    actionId: 'ListAttachments',
    base: SNOW,
    input: { TableName: 'incident', TableSysId: INC, Limit: 10 },
    expect: { method: 'GET', url: `/api/now/attachment?sysparm_query=table_name%3Dincident%5Etable_sys_id%3D${INC}&sysparm_limit=10` },
    response: { json: { result: [attachment] } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Attachments: [attachmentOut] } },
  },
  {
    type: 'SERVICENOW_NOW_PLATFORM',
    actionId: 'UploadAttachment',
    base: SNOW,
    input: { TableName: 'incident', TableSysId: INC, FileName: 'relay.log', Content: logBytes.toString('base64'), ContentType: 'text/plain' },
    expect: {
      method: 'POST',
      url: `/api/now/attachment/file?table_name=incident&table_sys_id=${INC}&file_name=relay.log`,
      headers: { 'content-type': 'text/plain', 'content-length': String(logBytes.length) },
      bytes: logBytes,
    },
    response: { status: 201, headers: { location: `${SNOW}/api/now/attachment/${ATT}` }, json: { result: attachment } },
    result: { status: 'SUCCESS', httpStatus: 201, output: attachmentOut },
  },
  {
    type: 'SERVICENOW_NOW_PLATFORM',
    actionId: 'DownloadAttachment',
    base: SNOW,
    input: { SysId: ATT },
    expect: { method: 'GET', url: `/api/now/attachment/${ATT}/file`, headers: { accept: '*/*' } },
    response: { headers: { 'content-type': 'text/plain', 'content-length': String(logBytes.length) }, text: logBytes.toString('utf8') },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Content: logBytes.toString('base64'), ContentType: 'text/plain', SizeBytes: logBytes.length } },
  },
  {
    type: 'SERVICENOW_NOW_PLATFORM',
    actionId: 'DeleteAttachment',
    base: SNOW,
    input: { SysId: ATT },
    expect: { method: 'DELETE', url: `/api/now/attachment/${ATT}` },
    response: { status: 204 },
    result: { status: 'SUCCESS', httpStatus: 204, output: { Deleted: true } },
  },
  {
    type: 'SERVICENOW_NOW_PLATFORM',
    actionId: 'GetUserByEmail',
    base: SNOW,
    input: { Email: 'abel.tuter@example.com', Fields: ['sys_id', 'user_name', 'name', 'email', 'active', 'title'] },
    expect: {
      method: 'GET',
      url: '/api/now/table/sys_user?sysparm_query=email%3Dabel.tuter%40example.com&sysparm_limit=1&sysparm_fields=sys_id%2Cuser_name%2Cname%2Cemail%2Cactive%2Ctitle&sysparm_exclude_reference_link=true',
    },
    response: { json: { result: [user] }, headers: { 'x-total-count': '1' } },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: { Found: true, SysId: USER, UserName: 'abel.tuter', Name: 'Abel Tuter', Email: 'abel.tuter@example.com', Active: 'true', User: user },
    },
  },
  {
    type: 'SERVICENOW_NOW_PLATFORM',
    actionId: 'GetUserByEmail',
    note: 'nobody with that email',
    base: SNOW,
    input: { Email: 'nobody@example.com' },
    expect: { method: 'GET', url: '/api/now/table/sys_user?sysparm_query=email%3Dnobody%40example.com&sysparm_limit=1&sysparm_exclude_reference_link=true' },
    response: { json: { result: [] }, headers: { 'x-total-count': '0' } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Found: false } },
  },
  {
    type: 'SERVICENOW_NOW_PLATFORM',
    actionId: 'ListCatalogItems',
    base: SNOW,
    input: { Text: 'laptop', Limit: 1 },
    expect: { method: 'GET', url: '/api/sn_sc/servicecatalog/items?sysparm_text=laptop&sysparm_limit=1' },
    response: {
      json: {
        result: [
          {
            short_description: 'Lenovo - Carbon x1',
            kb_article: '',
            icon: 'images/service_catalog/generic_small.gifx',
            description: '<p>Lenovo ThinkPad X1 Carbon</p>',
            availability: 'on_desktop',
            mandatory_attachment: false,
            request_method: '',
            type: 'item',
            visible_standalone: true,
            sys_class_name: 'sc_cat_item',
            sys_id: ITEM,
            content_type: '',
            price: '$1,100.00',
            recurring_price: '',
            order: 0,
            url: '',
            name: 'Standard Laptop',
            category: { sys_id: 'd258b953c611227a0146101fb1be7c31', title: 'Hardware' },
            catalogs: [{ sys_id: 'e0d08b13c3330100c8b837659bba8fb4', title: 'Service Catalog' }],
            show_price: true,
          },
        ],
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Items: [{ SysId: ITEM, Name: 'Standard Laptop', ShortDescription: 'Lenovo - Carbon x1', Category: 'Hardware', Price: '$1,100.00', Type: 'item' }],
      },
    },
  },
  {
    type: 'SERVICENOW_NOW_PLATFORM',
    actionId: 'GetCatalogItem',
    base: SNOW,
    input: { SysId: ITEM },
    expect: { method: 'GET', url: `/api/sn_sc/servicecatalog/items/${ITEM}` },
    response: {
      json: {
        result: {
          sys_id: ITEM,
          name: 'Standard Laptop',
          short_description: 'Lenovo - Carbon x1',
          description: '<p>Lenovo ThinkPad X1 Carbon</p>',
          category: { sys_id: 'd258b953c611227a0146101fb1be7c31', title: 'Hardware' },
          variables: [
            {
              active: true,
              label: 'Adobe Acrobat',
              dynamic_value_field: '',
              type: 7,
              mandatory: false,
              displayvalue: 'false',
              friendly_type: 'boolean',
              display_type: 'Check Box',
              render_label: true,
              read_only: false,
              name: 'acrobat',
              attributes: '',
              id: 'IO:b2c2bd8d4f334200086eeed18110c79c',
              value: 'false',
              help_text: '',
              max_length: 0,
            },
            {
              active: true,
              label: 'Memory',
              type: 5,
              mandatory: true,
              friendly_type: 'select_box',
              display_type: 'Select Box',
              name: 'ram',
              id: 'IO:1f8a5aa74f334200086eeed18110c7a5',
              choices: [
                { index: 0, label: '8 GB', value: '8' },
                { index: 1, label: '16 GB', value: '16' },
              ],
              value: '8',
              help_text: 'Choose 16 GB for development work.',
            },
          ],
        },
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        SysId: ITEM,
        Name: 'Standard Laptop',
        ShortDescription: 'Lenovo - Carbon x1',
        Description: '<p>Lenovo ThinkPad X1 Carbon</p>',
        Variables: [
          { Name: 'acrobat', Label: 'Adobe Acrobat', Type: 'boolean', Mandatory: false, HelpText: '' },
          {
            Name: 'ram',
            Label: 'Memory',
            Type: 'select_box',
            Mandatory: true,
            HelpText: 'Choose 16 GB for development work.',
            Choices: [
              { Value: '8', Label: '8 GB' },
              { Value: '16', Label: '16 GB' },
            ],
          },
        ],
      },
    },
  },
  {
    type: 'SERVICENOW_NOW_PLATFORM',
    actionId: 'OrderCatalogItem',
    base: SNOW,
    input: { ItemSysId: ITEM, Variables: { acrobat: 'true', ram: '16' }, RequestedFor: USER },
    expect: {
      method: 'POST',
      url: `/api/sn_sc/servicecatalog/items/${ITEM}/order_now`,
      headers: { 'content-type': 'application/json' },
      json: { sysparm_quantity: '1', variables: { acrobat: 'true', ram: '16' }, sysparm_requested_for: USER },
    },
    response: {
      json: {
        result: {
          sys_id: 'f0a3b7e2db1e2010a8f6b3a4ce96195c',
          number: 'REQ0010004',
          request_number: 'REQ0010004',
          request_id: 'f0a3b7e2db1e2010a8f6b3a4ce96195c',
          table: 'sc_request',
        },
      },
    },
    result: { status: 'SUCCESS', httpStatus: 200, output: { RequestNumber: 'REQ0010004', RequestId: 'f0a3b7e2db1e2010a8f6b3a4ce96195c', Table: 'sc_request' } },
  },
  {
    type: 'SERVICENOW_NOW_PLATFORM',
    actionId: 'OrderCatalogItem',
    note: 'two-step checkout: only a cart',
    base: SNOW,
    input: { ItemSysId: ITEM, Quantity: 2 },
    expect: { method: 'POST', url: `/api/sn_sc/servicecatalog/items/${ITEM}/order_now`, json: { sysparm_quantity: '2' } },
    response: { json: { result: { cart_id: '2bbb8bb1836b5690f8e358472daad336' } } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { CartId: '2bbb8bb1836b5690f8e358472daad336' } },
  },
  {
    type: 'SERVICENOW_NOW_PLATFORM',
    actionId: 'SearchKnowledge',
    base: SNOW,
    input: { Query: 'reset password', KnowledgeBases: ['a7e8a78bff0221009b20ffffffffff17'], Fields: ['short_description'], Limit: 1 },
    expect: {
      method: 'GET',
      url: '/api/sn_km_api/knowledge/articles?query=reset%20password&kb=a7e8a78bff0221009b20ffffffffff17&fields=short_description&limit=1',
    },
    response: {
      json: {
        result: {
          meta: {
            start: 0,
            end: 1,
            fields: 'short_description',
            query: 'reset password',
            filter: '',
            kb: 'a7e8a78bff0221009b20ffffffffff17',
            language: 'en',
            count: 4,
            ts_query_id: 'e6b8d8c1db1e2010a8f6b3a4ce9619a2',
            status: { code: 200 },
          },
          articles: [
            {
              link: '?id=kb_article_view&sys_kb_id=3b07857187032100deddb882a2e3ec20',
              rank: 1,
              id: '3b07857187032100deddb882a2e3ec20',
              title: 'How to reset your password',
              snippet: 'Go to the self-service portal and choose <b>Reset password</b>…',
              score: 23.4,
              number: 'KB0000011',
              fields: {
                short_description: {
                  display_value: 'How to reset your password',
                  name: 'short_description',
                  label: 'Short description',
                  type: 'string',
                  value: 'How to reset your password',
                },
              },
            },
          ],
        },
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Count: 4,
        Articles: [
          {
            Id: '3b07857187032100deddb882a2e3ec20',
            Number: 'KB0000011',
            Title: 'How to reset your password',
            Snippet: 'Go to the self-service portal and choose <b>Reset password</b>…',
            Score: 23.4,
            Link: '?id=kb_article_view&sys_kb_id=3b07857187032100deddb882a2e3ec20',
            Fields: {
              short_description: {
                display_value: 'How to reset your password',
                name: 'short_description',
                label: 'Short description',
                type: 'string',
                value: 'How to reset your password',
              },
            },
          },
        ],
      },
    },
  },
  {
    type: 'SERVICENOW_NOW_PLATFORM',
    actionId: 'GetKnowledgeArticle',
    base: SNOW,
    input: { Id: 'KB0000011' },
    expect: { method: 'GET', url: '/api/sn_km_api/knowledge/articles/KB0000011' },
    response: {
      json: {
        result: {
          content: '<p>Go to the self-service portal and choose <b>Reset password</b>.</p>',
          template: false,
          sys_id: '3b07857187032100deddb882a2e3ec20',
          short_description: 'How to reset your password',
          display_attachments: false,
          attachments: [],
          embedded_content: [],
          number: 'KB0000011',
        },
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        SysId: '3b07857187032100deddb882a2e3ec20',
        Number: 'KB0000011',
        Title: 'How to reset your password',
        Content: '<p>Go to the self-service portal and choose <b>Reset password</b>.</p>',
        Article: {
          content: '<p>Go to the self-service portal and choose <b>Reset password</b>.</p>',
          template: false,
          sys_id: '3b07857187032100deddb882a2e3ec20',
          short_description: 'How to reset your password',
          display_attachments: false,
          attachments: [],
          embedded_content: [],
          number: 'KB0000011',
        },
      },
    },
  },
  {
    type: 'SERVICENOW_NOW_PLATFORM',
    actionId: 'CountRecords',
    base: SNOW,
    input: { Table: 'incident', Query: 'active=true^priority=1' },
    expect: { method: 'GET', url: '/api/now/stats/incident?sysparm_count=true&sysparm_query=active%3Dtrue%5Epriority%3D1' },
    response: { json: { result: { stats: { count: '12' } } } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Count: 12 } },
  },
  {
    type: 'SERVICENOW_NOW_PLATFORM',
    actionId: 'CountRecords',
    note: 'grouped by a column',
    base: SNOW,
    input: { Table: 'incident', Query: 'active=true', GroupBy: ['priority'] },
    expect: { method: 'GET', url: '/api/now/stats/incident?sysparm_count=true&sysparm_query=active%3Dtrue&sysparm_group_by=priority' },
    response: {
      json: {
        result: [
          { stats: { count: '12' }, groupby_fields: [{ value: '1', field: 'priority' }] },
          { stats: { count: '30' }, groupby_fields: [{ value: '2', field: 'priority' }] },
        ],
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Groups: [
          { Count: 12, Values: [{ Field: 'priority', Value: '1' }] },
          { Count: 30, Values: [{ Field: 'priority', Value: '2' }] },
        ],
      },
    },
  },
];
