// Samples of the actions added for issue 16 to BambooHR, Amazon S3 and Amazon Textract:
// the input, the exact request the vendor must receive, an answer shaped like the
// vendor's documented examples (BambooHR's public OpenAPI spec; the AWS API references),
// and the InvokeAction result. test/catalog-actions.test.ts runs each one.
import type { AwsAiSample } from './catalog-samples-aws.js';
import type { AwsSample, HttpSample } from './catalog-samples.js';

const BAMBOO = 'https://api.bamboohr.com/api/gateway.php/acme';
const V1 = '/api/gateway.php/acme/v1';

// ── BAMBOO_HR ─────────────────────────────────────────────────────────────────
const abbott = {
  employeeId: '123',
  firstName: 'Charlotte',
  lastName: 'Abbott',
  preferredName: null,
  photoUrl: 'https://images.bamboohr.com/acme/photos/123-0-4.jpg',
  jobTitleName: 'Sr. HR Administrator',
  status: 'Active',
  workEmail: 'cabbott@example.com',
  departmentName: 'Human Resources',
  _restrictedFields: [],
};

export const AWSBHR_SAMPLES: HttpSample[] = [
  {
    type: 'BAMBOO_HR',
    actionId: 'GetEmployee',
    note: 'future-dated history values',
    base: BAMBOO,
    input: { EmployeeId: '123', Fields: ['jobTitle'], OnlyCurrent: false },
    expect: { method: 'GET', url: `${V1}/employees/123?fields=jobTitle&onlyCurrent=false`, headers: { accept: 'application/json' } },
    response: { json: { id: '123', jobTitle: 'HR Director' } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { id: '123', jobTitle: 'HR Director' } },
  },
  {
    type: 'BAMBOO_HR',
    actionId: 'ListTimeOffRequests',
    note: 'those the caller can approve',
    base: BAMBOO,
    input: { Start: '2025-06-01', End: '2025-06-30', Status: ['requested'], Action: 'approve' },
    expect: { method: 'GET', url: `${V1}/time_off/requests?start=2025-06-01&end=2025-06-30&status=requested&action=approve` },
    response: {
      json: [
        {
          id: 1348,
          employeeId: 5,
          name: 'Jennifer Caldwell',
          start: '2025-06-16',
          end: '2025-06-17',
          created: '2025-06-02',
          status: { lastChanged: '2025-06-02', lastChangedByUserId: 2369, status: 'requested' },
          type: { id: 78, name: 'Vacation', icon: 'palm-trees' },
          amount: { unit: 'days', amount: 2 },
          actions: { view: true, edit: true, cancel: false, approve: true, deny: true, bypass: false },
          dates: { '2025-06-16': 1, '2025-06-17': 1 },
          notes: { employee: 'Beach trip' },
        },
      ],
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Requests: [
          {
            Id: 1348,
            EmployeeId: 5,
            Name: 'Jennifer Caldwell',
            Status: 'requested',
            Start: '2025-06-16',
            End: '2025-06-17',
            Type: 'Vacation',
            Amount: { unit: 'days', amount: 2 },
            Created: '2025-06-02',
            Notes: { employee: 'Beach trip' },
            Actions: { view: true, edit: true, cancel: false, approve: true, deny: true, bypass: false },
          },
        ],
      },
    },
  },
  {
    type: 'BAMBOO_HR',
    actionId: 'SetTimeOffRequestStatus',
    base: BAMBOO,
    input: { RequestId: '1348', Status: 'approved', Note: 'Looks good, approved!' },
    expect: { method: 'PUT', url: `${V1}/time_off/requests/1348/status`, json: { status: 'approved', note: 'Looks good, approved!' } },
    response: { status: 200, text: '' },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Updated: true } },
  },
  {
    type: 'BAMBOO_HR',
    actionId: 'SetTimeOffRequestStatus',
    note: 'a decision the caller may not make is FAILED',
    base: BAMBOO,
    input: { RequestId: '1349', Status: 'canceled' },
    expect: { method: 'PUT', url: `${V1}/time_off/requests/1349/status`, json: { status: 'canceled' } },
    response: { status: 403, text: '' },
    result: { status: 'FAILED', httpStatus: 403, output: null, partial: false },
  },
  {
    type: 'BAMBOO_HR',
    actionId: 'GetWhosOut',
    base: BAMBOO,
    input: { Start: '2025-06-09', End: '2025-06-13' },
    expect: { method: 'GET', url: `${V1}/time_off/whos_out?start=2025-06-09&end=2025-06-13` },
    response: {
      json: [
        { id: 1348, type: 'timeOff', employeeId: 5, name: 'Jennifer Caldwell', start: '2025-06-09', end: '2025-06-10' },
        { id: 7, type: 'holiday', name: 'Founders Day', start: '2025-06-12', end: '2025-06-12' },
      ],
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Entries: [
          { Type: 'timeOff', Id: 1348, EmployeeId: 5, Name: 'Jennifer Caldwell', Start: '2025-06-09', End: '2025-06-10' },
          { Type: 'holiday', Id: 7, Name: 'Founders Day', Start: '2025-06-12', End: '2025-06-12' },
        ],
      },
    },
  },
  {
    type: 'BAMBOO_HR',
    actionId: 'ListTimeOffTypes',
    base: BAMBOO,
    input: { RequestableOnly: true },
    expect: { method: 'GET', url: `${V1}/meta/time_off/types?mode=request` },
    response: {
      json: {
        timeOffTypes: [{ id: 64, name: 'Vacation', units: 'hours', color: '56afdd', icon: 'airplane', source: 'internal' }],
        defaultHours: [{ name: 'Monday', amount: '8' }],
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: { Types: [{ Id: 64, Name: 'Vacation', Units: 'hours', Icon: 'airplane', Color: '56afdd' }], DefaultHours: [{ name: 'Monday', amount: '8' }] },
    },
  },
  {
    type: 'BAMBOO_HR',
    actionId: 'GetTimeOffBalance',
    base: BAMBOO,
    input: { EmployeeId: '123', AsOf: '2025-12-31', Precision: 1 },
    expect: { method: 'GET', url: `${V1}/employees/123/time_off/calculator?end=2025-12-31&precision=1` },
    response: {
      json: [{ timeOffType: '64', name: 'Vacation', units: 'hours', balance: '24.5', end: '2025-12-31', policyType: 'accruing', usedYearToDate: '16.0' }],
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Balances: [
          { TimeOffTypeId: '64', Name: 'Vacation', Units: 'hours', Balance: '24.5', UsedYearToDate: '16.0', PolicyType: 'accruing', End: '2025-12-31' },
        ],
      },
    },
  },
  {
    type: 'BAMBOO_HR',
    actionId: 'ListEmployees',
    base: BAMBOO,
    input: { LastName: 'Abbott', Status: 'active', Fields: ['workEmail', 'departmentName'], Sort: ['-lastName'], Limit: 1, NextToken: 'eyJpZCI6MTIyfQ' },
    expect: {
      method: 'GET',
      url: `${V1}/employees?filter%5BlastName%5D=Abbott&filter%5Bstatus%5D=active&sort=-lastName&fields=workEmail%2CdepartmentName&page%5Blimit%5D=1&page%5Bafter%5D=eyJpZCI6MTIyfQ`,
    },
    response: {
      json: {
        data: [abbott],
        meta: { total: 2, page: { limit: 1, nextCursor: 'eyJpZCI6MTIzfQ', prevCursor: 'eyJpZCI6MTIzfQ' } },
        _links: { self: { href: '/api/v1/employees?page[limit]=1' }, next: { href: '/api/v1/employees?page[limit]=1&page[after]=eyJpZCI6MTIzfQ' } },
      },
    },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Employees: [abbott], Total: 2, NextToken: 'eyJpZCI6MTIzfQ' } },
  },
  {
    type: 'BAMBOO_HR',
    actionId: 'ListEmployees',
    note: 'by ids',
    base: BAMBOO,
    input: { EmployeeIds: ['123', '124'] },
    expect: { method: 'GET', url: `${V1}/employees?filter%5Bids%5D=123%2C124` },
    response: { json: { data: [abbott], meta: { total: 1, page: { limit: 50, nextCursor: null, prevCursor: null } }, _links: {} } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Employees: [abbott], Total: 1, NextToken: null } },
  },
  {
    type: 'BAMBOO_HR',
    actionId: 'ListFields',
    base: BAMBOO,
    input: {},
    expect: { method: 'GET', url: `${V1}/meta/fields` },
    response: {
      json: [
        { id: 'firstName', name: 'First Name', type: 'text', alias: 'firstName' },
        { id: 4340, name: 'T-shirt size', type: 'list' },
      ],
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Fields: [
          { Id: 'firstName', Name: 'First Name', Type: 'text', Alias: 'firstName' },
          { Id: 4340, Name: 'T-shirt size', Type: 'list' },
        ],
      },
    },
  },
  {
    type: 'BAMBOO_HR',
    actionId: 'UpdateEmployee',
    base: BAMBOO,
    input: { EmployeeId: '123', Fields: { mobilePhone: '+1 801 555 0142', workEmail: 'c.abbott@example.com', customShirtSize: null } },
    expect: {
      method: 'POST',
      url: `${V1}/employees/123`,
      headers: { 'content-type': 'application/json' },
      json: { mobilePhone: '+1 801 555 0142', workEmail: 'c.abbott@example.com', customShirtSize: null },
    },
    response: { status: 200, text: '' },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Updated: true } },
  },
  {
    type: 'BAMBOO_HR',
    actionId: 'CreateEmployee',
    base: BAMBOO,
    input: { Fields: { firstName: 'Jamie', lastName: 'Rivera', hireDate: '2025-07-01' } },
    expect: { method: 'POST', url: `${V1}/employees`, json: { firstName: 'Jamie', lastName: 'Rivera', hireDate: '2025-07-01' } },
    response: { status: 201, headers: { location: 'https://api.bamboohr.com/api/gateway.php/acme/v1/employees/456' }, text: '' },
    result: {
      status: 'SUCCESS',
      httpStatus: 201,
      output: { EmployeeId: '456', Location: 'https://api.bamboohr.com/api/gateway.php/acme/v1/employees/456' },
    },
  },
  {
    type: 'BAMBOO_HR',
    actionId: 'GetEmployeeTable',
    base: BAMBOO,
    input: { EmployeeId: '123', Table: 'jobInfo' },
    expect: { method: 'GET', url: `${V1}/employees/123/tables/jobInfo` },
    response: {
      json: [
        {
          id: '1',
          employeeId: '123',
          date: '2021-03-01',
          location: 'Lindon, Utah',
          department: 'Human Resources',
          division: 'North America',
          jobTitle: 'HR Administrator',
          reportsTo: 'Jennifer Caldwell',
        },
        {
          id: '7',
          employeeId: '123',
          date: '2023-07-01',
          location: 'Lindon, Utah',
          department: 'Human Resources',
          division: 'North America',
          jobTitle: 'Sr. HR Administrator',
          reportsTo: 'Jennifer Caldwell',
        },
      ],
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Rows: [
          {
            id: '1',
            employeeId: '123',
            date: '2021-03-01',
            location: 'Lindon, Utah',
            department: 'Human Resources',
            division: 'North America',
            jobTitle: 'HR Administrator',
            reportsTo: 'Jennifer Caldwell',
          },
          {
            id: '7',
            employeeId: '123',
            date: '2023-07-01',
            location: 'Lindon, Utah',
            department: 'Human Resources',
            division: 'North America',
            jobTitle: 'Sr. HR Administrator',
            reportsTo: 'Jennifer Caldwell',
          },
        ],
      },
    },
  },
  {
    type: 'BAMBOO_HR',
    actionId: 'AddEmployeeTableRow',
    base: BAMBOO,
    input: { EmployeeId: '123', Table: 'jobInfo', Row: { date: '2025-07-01', jobTitle: 'HR Manager', department: 'Human Resources', reportsTo: '5' } },
    expect: {
      method: 'POST',
      url: `${V1}/employees/123/tables/jobInfo`,
      json: { date: '2025-07-01', jobTitle: 'HR Manager', department: 'Human Resources', reportsTo: '5' },
    },
    response: { status: 200, text: '' },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Added: true } },
  },
  {
    type: 'BAMBOO_HR',
    actionId: 'ListEmployeeFiles',
    base: BAMBOO,
    input: { EmployeeId: '123' },
    expect: { method: 'GET', url: `${V1}/employees/123/files/view`, headers: { accept: 'application/json' } },
    response: {
      json: {
        employee: { id: 123 },
        categories: [
          {
            id: 2,
            name: 'Signed Documents',
            canRenameCategory: 'no',
            canDeleteCategory: 'no',
            canUploadFiles: 'yes',
            displayIfEmpty: 'yes',
            files: [
              {
                id: 4021,
                name: 'Offer letter',
                originalFileName: 'offer.pdf',
                size: 48213,
                dateCreated: '2021-02-15 10:32:11',
                createdBy: 'Jennifer Caldwell',
                shareWithEmployee: 'yes',
                canRenameFile: 'no',
                canDeleteFile: 'no',
                canChangeShareWithEmployeeFieldValue: 'no',
              },
            ],
          },
        ],
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Categories: [
          {
            Id: 2,
            Name: 'Signed Documents',
            Files: [
              {
                id: 4021,
                name: 'Offer letter',
                originalFileName: 'offer.pdf',
                size: 48213,
                dateCreated: '2021-02-15 10:32:11',
                createdBy: 'Jennifer Caldwell',
                shareWithEmployee: 'yes',
                canRenameFile: 'no',
                canDeleteFile: 'no',
                canChangeShareWithEmployeeFieldValue: 'no',
              },
            ],
          },
        ],
      },
    },
  },
  {
    type: 'BAMBOO_HR',
    actionId: 'GetCompanyReport',
    base: BAMBOO,
    input: { ReportId: '42', FilterDuplicates: false },
    expect: { method: 'GET', url: `${V1}/reports/42?format=json&fd=no` },
    response: {
      json: {
        title: 'Headcount by department',
        fields: [
          { id: 'displayName', type: 'text', name: 'Display name' },
          { id: 'department', type: 'list', name: 'Department' },
        ],
        employees: [{ id: '123', displayName: 'Charlotte Abbott', department: 'Human Resources' }],
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Title: 'Headcount by department',
        Fields: [
          { id: 'displayName', type: 'text', name: 'Display name' },
          { id: 'department', type: 'list', name: 'Department' },
        ],
        Employees: [{ id: '123', displayName: 'Charlotte Abbott', department: 'Human Resources' }],
      },
    },
  },
  {
    type: 'BAMBOO_HR',
    actionId: 'RunCustomReport',
    base: BAMBOO,
    input: {
      Title: 'Recent changes',
      Fields: ['firstName', 'lastName', 'jobTitle'],
      EmployeeIds: ['123', '124'],
      ChangedSince: '2025-06-01T00:00:00Z',
      FilterDuplicates: true,
    },
    expect: {
      method: 'POST',
      url: `${V1}/reports/custom?format=json`,
      json: {
        title: 'Recent changes',
        fields: ['firstName', 'lastName', 'jobTitle'],
        filters: { lastChanged: { value: '2025-06-01T00:00:00Z' }, employeeIds: [123, 124] },
        filterDuplicates: 'yes',
      },
    },
    response: {
      json: {
        title: 'Recent changes',
        fields: [
          { id: 'firstName', type: 'text', name: 'First Name' },
          { id: 'lastName', type: 'text', name: 'Last Name' },
          { id: 'jobTitle', type: 'list', name: 'Job Title' },
        ],
        employees: [{ id: '123', firstName: 'Charlotte', lastName: 'Abbott', jobTitle: 'HR Manager' }],
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Title: 'Recent changes',
        Fields: [
          { id: 'firstName', type: 'text', name: 'First Name' },
          { id: 'lastName', type: 'text', name: 'Last Name' },
          { id: 'jobTitle', type: 'list', name: 'Job Title' },
        ],
        Employees: [{ id: '123', firstName: 'Charlotte', lastName: 'Abbott', jobTitle: 'HR Manager' }],
      },
    },
  },
];

// ── AMAZON_S3 ─────────────────────────────────────────────────────────────────
const S3_NS = 'http://s3.amazonaws.com/doc/2006-03-01/';
const ETAG = '"9b2cf535f27731c974343645a3985328"';

export const AWSBHR_S3_SAMPLES: AwsSample[] = [
  {
    type: 'AMAZON_S3',
    actionId: 'HeadObject',
    input: { Bucket: 'reports', Key: '2024/summary.csv' },
    expect: { method: 'HEAD', path: '/reports/2024/summary.csv' },
    response: {
      headers: {
        'content-type': 'text/csv',
        'content-length': '27',
        etag: ETAG,
        'last-modified': 'Fri, 01 Mar 2024 12:00:00 GMT',
        'x-amz-version-id': '3HL4kqtJlcpXroDTDmjVBH40Nrjfkd',
        'x-amz-server-side-encryption': 'AES256',
        'x-amz-meta-source': 'bench',
        'cache-control': 'max-age=60',
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        ContentType: 'text/csv',
        ContentLength: 27,
        ETag: ETAG,
        LastModified: '2024-03-01T12:00:00.000Z',
        VersionId: '3HL4kqtJlcpXroDTDmjVBH40Nrjfkd',
        Metadata: { source: 'bench' },
        CacheControl: 'max-age=60',
        ServerSideEncryption: 'AES256',
      },
    },
  },
  {
    type: 'AMAZON_S3',
    actionId: 'HeadObject',
    note: 'a missing object is a FAILED 404',
    input: { Bucket: 'reports', Key: 'missing.csv' },
    expect: { method: 'HEAD', path: '/reports/missing.csv' },
    response: { status: 404 },
    result: { status: 'FAILED', httpStatus: 404, output: { Code: 'NotFound', Message: 'UnknownError' } },
  },
  {
    type: 'AMAZON_S3',
    actionId: 'CopyObject',
    input: { SourceBucket: 'reports', SourceKey: '2024/summary.csv', Bucket: 'archive', Key: '2024/summary.csv', StorageClass: 'GLACIER_IR' },
    expect: { method: 'PUT', path: '/archive/2024/summary.csv' },
    response: {
      headers: {
        'content-type': 'application/xml',
        'x-amz-version-id': 'QUpfdndhfd8438MNFDN93jdnJFkdmqnh893',
        'x-amz-copy-source-version-id': '3HL4kqtJlcpXroDTDmjVBH40Nrjfkd',
      },
      body: `<?xml version="1.0" encoding="UTF-8"?><CopyObjectResult xmlns="${S3_NS}"><LastModified>2024-03-02T09:30:00.000Z</LastModified><ETag>${ETAG.replace(/"/g, '&quot;')}</ETag></CopyObjectResult>`,
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        ETag: ETAG,
        LastModified: '2024-03-02T09:30:00.000Z',
        VersionId: 'QUpfdndhfd8438MNFDN93jdnJFkdmqnh893',
        CopySourceVersionId: '3HL4kqtJlcpXroDTDmjVBH40Nrjfkd',
      },
    },
  },
];

/** Presigned URLs: nothing is sent; the URL must carry a valid SigV4 query signature for what is expected. */
export interface PresignSample {
  type: 'AMAZON_S3';
  actionId: string;
  input: unknown;
  expect: { method: string; path: string; expiresIn: number; query?: Record<string, string> };
  result: { status: 'SUCCESS'; httpStatus: 200 };
}

export const AWSBHR_PRESIGN_SAMPLES: PresignSample[] = [
  {
    type: 'AMAZON_S3',
    actionId: 'PresignGetObject',
    input: { Bucket: 'reports', Key: '2024/summary.csv', ExpiresIn: 600, ResponseContentDisposition: 'attachment; filename="summary.csv"' },
    expect: {
      method: 'GET',
      path: '/reports/2024/summary.csv',
      expiresIn: 600,
      query: { 'response-content-disposition': 'attachment; filename="summary.csv"', 'x-id': 'GetObject' },
    },
    result: { status: 'SUCCESS', httpStatus: 200 },
  },
  {
    type: 'AMAZON_S3',
    actionId: 'PresignPutObject',
    input: { Bucket: 'uploads', Key: 'incoming/scan.pdf' },
    expect: { method: 'PUT', path: '/uploads/incoming/scan.pdf', expiresIn: 900, query: { 'x-id': 'PutObject' } },
    result: { status: 'SUCCESS', httpStatus: 200 },
  },
];

// ── AMAZON_TEXTRACT ───────────────────────────────────────────────────────────
const TEXTRACT_HOST = 'textract.us-west-2.amazonaws.com';
const amzJson = { 'content-type': 'application/x-amz-json-1.1' };
const jpeg = Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex');
const detection = (text: string, confidence: number) => ({ Text: text, Confidence: confidence });
const summary = (type: string, label: string | undefined, value: string, extra: Record<string, unknown> = {}) => ({
  Type: { Text: type, Confidence: 99.1 },
  ...(label ? { LabelDetection: { ...detection(label, 97.5), Geometry: { BoundingBox: { Width: 0.1, Height: 0.02, Left: 0.1, Top: 0.1 } } } } : {}),
  ValueDetection: { ...detection(value, 98.4), Geometry: { BoundingBox: { Width: 0.1, Height: 0.02, Left: 0.5, Top: 0.1 } } },
  PageNumber: 1,
  ...extra,
});

export const AWSBHR_AI_SAMPLES: AwsAiSample[] = [
  {
    type: 'AMAZON_TEXTRACT',
    actionId: 'AnalyzeExpense',
    host: TEXTRACT_HOST,
    input: { Document: jpeg.toString('base64') },
    expect: { method: 'POST', path: '/', target: 'AnalyzeExpense', json: { Document: { Bytes: jpeg.toString('base64') } } },
    response: {
      headers: amzJson,
      json: {
        DocumentMetadata: { Pages: 1 },
        ExpenseDocuments: [
          {
            ExpenseIndex: 1,
            SummaryFields: [
              summary('VENDOR_NAME', undefined, 'Blue Bottle Taxi'),
              summary('INVOICE_RECEIPT_DATE', 'Date', '06/03/2025'),
              summary('TOTAL', 'Total', '$24.50', { Currency: { Code: 'USD', Confidence: 95 } }),
            ],
            LineItemGroups: [
              {
                LineItemGroupIndex: 1,
                LineItems: [{ LineItemExpenseFields: [summary('ITEM', 'Description', 'Airport ride'), summary('PRICE', 'Amount', '$24.50')] }],
              },
            ],
            Blocks: [{ BlockType: 'PAGE', Id: 'p1' }],
          },
        ],
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        ExpenseDocuments: [
          {
            Index: 1,
            SummaryFields: [
              { Type: 'VENDOR_NAME', Value: 'Blue Bottle Taxi', Confidence: 98.4, Page: 1 },
              { Type: 'INVOICE_RECEIPT_DATE', Label: 'Date', Value: '06/03/2025', Confidence: 98.4, Page: 1 },
              { Type: 'TOTAL', Label: 'Total', Value: '$24.50', Confidence: 98.4, Currency: 'USD', Page: 1 },
            ],
            LineItemGroups: [
              {
                Index: 1,
                LineItems: [
                  {
                    Fields: [
                      { Type: 'ITEM', Label: 'Description', Value: 'Airport ride', Confidence: 98.4, Page: 1 },
                      { Type: 'PRICE', Label: 'Amount', Value: '$24.50', Confidence: 98.4, Page: 1 },
                    ],
                  },
                ],
              },
            ],
          },
        ],
        Pages: 1,
      },
    },
  },
  {
    type: 'AMAZON_TEXTRACT',
    actionId: 'AnalyzeID',
    host: TEXTRACT_HOST,
    input: { Pages: [{ S3Bucket: 'onboarding', S3Key: 'ids/123-front.jpg' }, { Document: jpeg.toString('base64') }] },
    expect: {
      method: 'POST',
      path: '/',
      target: 'AnalyzeID',
      json: { DocumentPages: [{ S3Object: { Bucket: 'onboarding', Name: 'ids/123-front.jpg' } }, { Bytes: jpeg.toString('base64') }] },
    },
    response: {
      headers: amzJson,
      json: {
        IdentityDocuments: [
          {
            DocumentIndex: 1,
            IdentityDocumentFields: [
              { Type: { Text: 'FIRST_NAME' }, ValueDetection: { Text: 'GARCIA', Confidence: 98.9 } },
              {
                Type: { Text: 'DATE_OF_BIRTH' },
                ValueDetection: { Text: '1/18/1985', NormalizedValue: { Value: '1985-01-18T00:00:00', ValueType: 'Date' }, Confidence: 97.8 },
              },
              { Type: { Text: 'ID_TYPE' }, ValueDetection: { Text: 'DRIVER LICENSE FRONT', Confidence: 99.2 } },
            ],
            Blocks: [{ BlockType: 'PAGE', Id: 'p1' }],
          },
        ],
        DocumentMetadata: { Pages: 2 },
        AnalyzeIDModelVersion: '1.0',
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        IdentityDocuments: [
          {
            Index: 1,
            Fields: [
              { Type: 'FIRST_NAME', Value: 'GARCIA', Confidence: 98.9 },
              { Type: 'DATE_OF_BIRTH', Value: '1/18/1985', NormalizedValue: '1985-01-18T00:00:00', Confidence: 97.8 },
              { Type: 'ID_TYPE', Value: 'DRIVER LICENSE FRONT', Confidence: 99.2 },
            ],
          },
        ],
        Pages: 2,
        ModelVersion: '1.0',
      },
    },
  },
];
