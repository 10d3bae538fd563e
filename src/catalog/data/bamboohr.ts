// BAMBOO_HR: the BambooHR API. BaseEndpoint names the company:
// https://api.bamboohr.com/api/gateway.php/{companyDomain} (paths below start at /v1).
import type { Catalog } from '../types.js';

const employeeId = { type: 'string', pattern: '^(?:[0-9]{1,12}|0)$', description: "An employee id ('0' is the API key's own employee)." };
const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'A date, YYYY-MM-DD.' };
const numericId = { type: 'string', pattern: '^[0-9]{1,12}$' };
const fieldName = { type: 'string', pattern: '^[A-Za-z0-9_.]{1,100}$' };
const tableName = {
  type: 'string',
  pattern: '^[A-Za-z][A-Za-z0-9_]{0,99}$',
  description: "An employee table, e.g. 'jobInfo', 'compensation', 'employmentStatus' or a custom table.",
};
/** A field value as BambooHR takes it (a string for most fields; list fields take their option's text). */
const fieldValue = { type: ['string', 'number', 'boolean', 'null'], maxLength: 10000 };
const fieldValues = (what: string) => ({
  type: 'object',
  minProperties: 1,
  maxProperties: 400,
  propertyNames: fieldName,
  additionalProperties: fieldValue,
  description: `${what}: field name (as ListFields names it, or its alias) → value; dates YYYY-MM-DD.`,
});
const ref = (operationId: string) => `https://documentation.bamboohr.com/reference/${operationId}`;
/** An employee table row / report row: BambooHR's members as it sends them. */
const report = { Title: '$.Body.title', Fields: '$.Body.fields', Employees: '$.Body.employees' };
const DEFAULT_FIELDS = [
  'firstName',
  'lastName',
  'displayName',
  'jobTitle',
  'department',
  'division',
  'location',
  'workEmail',
  'supervisor',
  'hireDate',
  'status',
];

export const bambooHr: Catalog = {
  Type: 'BAMBOO_HR',
  Api: 'BambooHR API v1',
  defaultHeaders: { accept: 'application/json' },
  actions: [
    {
      ActionId: 'GetEmployee',
      Name: 'Get employee',
      Description:
        `Returns the named fields of one employee as BambooHR stores them: an object with id and one member per field (by default ${DEFAULT_FIELDS.join(', ')}). ` +
        "Field names are those ListFields returns (or their aliases); fields the caller may not see are left out. EmployeeId '0' is the API key's own employee. " +
        'At most 400 fields per call; OnlyCurrent false also returns future-dated values of history fields (job title, compensation).',
      InputSchema: {
        type: 'object',
        required: ['EmployeeId'],
        properties: {
          EmployeeId: employeeId,
          Fields: { type: 'array', items: { type: 'string', pattern: '^[A-Za-z0-9_]+$' }, minItems: 1, maxItems: 400, default: DEFAULT_FIELDS },
          OnlyCurrent: { type: 'boolean', description: 'false: include future-dated values of history table fields (default true).' },
        },
      },
      request: { method: 'GET', path: '/v1/employees/{EmployeeId}', query: { fields: { $join: '$.Fields' }, onlyCurrent: { $string: '$.OnlyCurrent' } } },
      output: { value: '$.Body' },
      idempotent: true,
      Examples: [
        {
          Title: "Get an employee's job and contact fields",
          Input: { EmployeeId: '123', Fields: ['firstName', 'lastName', 'jobTitle', 'department', 'workEmail', 'supervisor'] },
        },
        { Title: 'Get the API key owner’s own record', Input: { EmployeeId: '0' } },
      ],
      reference: ref('get-employee'),
      requires: { scopes: ['employee'] },
    },
    {
      ActionId: 'GetEmployeeDirectory',
      Name: 'Get employee directory',
      Description:
        'Returns the company directory: Fields (the columns) and Employees, one object per employee with id, displayName, jobTitle, department, location, workEmail, workPhone and the like. ' +
        'Use it to find an employee id by name; it lists everyone at once (no paging) and only works when the company shares its directory (403 otherwise: use ListEmployees).',
      InputSchema: { type: 'object', properties: {} },
      request: { method: 'GET', path: '/v1/employees/directory' },
      output: { value: { Fields: '$.Body.fields', Employees: '$.Body.employees' } },
      idempotent: true,
      Examples: [{ Title: 'List everyone in the company directory', Input: {} }],
      reference: ref('get-employees-directory'),
      requires: { scopes: ['employee_directory'] },
    },
    {
      ActionId: 'ListTimeOffRequests',
      Name: 'List time-off requests',
      Description:
        'Lists time-off requests overlapping a date range (Start and End inclusive), optionally of one employee, of some statuses or types, or only those the caller can approve (Action approve). ' +
        'Each has Id (for SetTimeOffRequestStatus), EmployeeId, Name, Status, Start, End, Type, Amount ({unit, amount}), Created, Notes and Actions (what the caller may do with it).',
      InputSchema: {
        type: 'object',
        required: ['Start', 'End'],
        properties: {
          Start: date,
          End: date,
          EmployeeId: employeeId,
          Status: { type: 'array', items: { enum: ['approved', 'denied', 'superceded', 'requested', 'canceled'] }, uniqueItems: true },
          TypeIds: { type: 'array', items: { type: 'string', pattern: '^[0-9]{1,10}$' }, maxItems: 50 },
          Action: {
            enum: ['view', 'approve', 'myRequests'],
            description: 'view (default): all the caller can see; approve: those the caller can approve; myRequests: the caller’s own.',
          },
          RequestId: { ...numericId, description: 'Only this request.' },
        },
      },
      request: {
        method: 'GET',
        path: '/v1/time_off/requests',
        query: {
          start: '$.Start',
          end: '$.End',
          employeeId: '$.EmployeeId',
          status: { $join: '$.Status' },
          type: { $join: '$.TypeIds' },
          action: '$.Action',
          id: '$.RequestId',
        },
      },
      output: {
        value: {
          Requests: {
            $each: '$.Body',
            $as: {
              Id: '@.id',
              EmployeeId: '@.employeeId',
              Name: '@.name',
              Status: '@.status.status',
              Start: '@.start',
              End: '@.end',
              Type: '@.type.name',
              Amount: '@.amount',
              Created: '@.created',
              Notes: '@.notes',
              Actions: '@.actions',
            },
          },
        },
      },
      idempotent: true,
      Examples: [
        { Title: 'Pending requests I can approve this month', Input: { Start: '2025-06-01', End: '2025-06-30', Status: ['requested'], Action: 'approve' } },
        { Title: "One employee's approved time off this year", Input: { Start: '2025-01-01', End: '2025-12-31', EmployeeId: '123', Status: ['approved'] } },
      ],
      reference: ref('list-time-off-requests'),
      requires: { scopes: ['time_off'] },
    },
    {
      ActionId: 'RequestTimeOff',
      Name: 'Request time off',
      Description:
        'Files a time-off request for an employee, of a type (ListTimeOffTypes gives the ids) between two dates. Status requested (the default) starts the approval workflow; approved records it as approved when the caller may approve it. ' +
        'Returns Id (for SetTimeOffRequestStatus), Status and the whole Request. Amount is in the type’s unit (days or hours); BambooHR computes it when absent.',
      InputSchema: {
        type: 'object',
        required: ['EmployeeId', 'Start', 'End', 'TimeOffTypeId'],
        properties: {
          EmployeeId: employeeId,
          Start: date,
          End: date,
          TimeOffTypeId: { type: 'string', pattern: '^[0-9]{1,10}$' },
          Amount: { type: 'number', exclusiveMinimum: 0, description: 'Days or hours, per the type; computed by BambooHR when absent.' },
          Status: { enum: ['requested', 'approved'], default: 'requested' },
          Note: { type: 'string', maxLength: 4000 },
        },
      },
      request: {
        method: 'PUT',
        path: '/v1/employees/{EmployeeId}/time_off/request',
        body: {
          encoding: 'json',
          value: {
            status: '$.Status',
            start: '$.Start',
            end: '$.End',
            timeOffTypeId: '$.TimeOffTypeId',
            amount: '$.Amount',
            notes: { $if: '$.Note', $then: [{ from: 'employee', note: '$.Note' }] },
          },
        },
      },
      output: { value: { Id: '$.Body.id', Status: '$.Body.status.status', Request: '$.Body' } },
      idempotent: false,
      Examples: [
        { Title: 'Request two vacation days', Input: { EmployeeId: '123', Start: '2025-07-03', End: '2025-07-04', TimeOffTypeId: '78', Note: 'Family visit' } },
      ],
      reference: ref('create-time-off-request'),
      requires: { scopes: ['time_off.write'] },
    },
    // ── Issue 16 breadth ──────────────────────────────────────────────────────
    {
      ActionId: 'SetTimeOffRequestStatus',
      Name: 'Approve, deny or cancel time-off request',
      Description:
        'Decides a time-off request: approved, denied, or canceled, with an optional note the employee sees. Find the request id with ListTimeOffRequests (Action approve lists those the caller can decide). ' +
        'An owner or admin approving completes every workflow step at once; other approvers complete only their own step. Returns Updated: true and the request’s new Status. 403 when the caller may not change it this way, 404 for an unknown id.',
      InputSchema: {
        type: 'object',
        required: ['RequestId', 'Status'],
        properties: {
          RequestId: numericId,
          Status: { enum: ['approved', 'denied', 'canceled'] },
          Note: { type: 'string', minLength: 1, maxLength: 4000 },
        },
      },
      request: { method: 'PUT', path: '/v1/time_off/requests/{RequestId}/status', body: { encoding: 'json', value: { status: '$.Status', note: '$.Note' } } },
      output: { value: { Updated: { $literal: true }, Status: { $coalesce: ['$.Body.status.status', '$.Body.status'] } } },
      idempotent: true,
      Examples: [
        { Title: 'Approve a request with a note', Input: { RequestId: '1342', Status: 'approved', Note: 'Enjoy your trip!' } },
        { Title: 'Deny a request', Input: { RequestId: '1343', Status: 'denied', Note: 'Release week: please pick other dates.' } },
      ],
      reference: ref('update-time-off-request-status'),
      requires: { scopes: ['time_off.write'] },
    },
    {
      ActionId: 'GetWhosOut',
      Name: "Who's out",
      Description:
        'Lists who is out and the company holidays between two dates (default today through 14 days out), sorted by date. Each entry has Type (timeOff or holiday), Id, EmployeeId (time off only), Name (the employee or the holiday), Start and End. ' +
        'Honours the company’s Who’s Out visibility settings.',
      InputSchema: { type: 'object', properties: { Start: date, End: date } },
      request: { method: 'GET', path: '/v1/time_off/whos_out', query: { start: '$.Start', end: '$.End' } },
      output: {
        value: {
          Entries: {
            $coalesce: [
              { $each: '$.Body', $as: { Type: '@.type', Id: '@.id', EmployeeId: '@.employeeId', Name: '@.name', Start: '@.start', End: '@.end' } },
              { $literal: [] },
            ],
          },
        },
      },
      idempotent: true,
      Examples: [
        { Title: "Who's out in the next two weeks", Input: {} },
        { Title: "Who's out next week", Input: { Start: '2025-06-09', End: '2025-06-13' } },
      ],
      reference: ref('list-whos-out'),
      requires: { scopes: ['time_off'] },
    },
    {
      ActionId: 'ListTimeOffTypes',
      Name: 'List time-off types',
      Description:
        'Lists the time-off types (Vacation, Sick, ...) with Id, Name and Units (days or hours): the TimeOffTypeId RequestTimeOff and the TypeIds filter of ListTimeOffRequests take. ' +
        'RequestableOnly limits them to the types employees may request; DefaultHours gives the working hours per weekday.',
      InputSchema: { type: 'object', properties: { RequestableOnly: { type: 'boolean' } } },
      request: { method: 'GET', path: '/v1/meta/time_off/types', query: { mode: { $if: '$.RequestableOnly', $then: 'request' } } },
      output: {
        value: {
          Types: { $each: '$.Body.timeOffTypes', $as: { Id: '@.id', Name: '@.name', Units: '@.units', Icon: '@.icon', Color: '@.color' } },
          DefaultHours: '$.Body.defaultHours',
        },
      },
      idempotent: true,
      Examples: [{ Title: 'Time-off types employees can request', Input: { RequestableOnly: true } }],
      reference: ref('list-time-off-types'),
      requires: { scopes: ['time_off'] },
    },
    {
      ActionId: 'GetTimeOffBalance',
      Name: 'Get time-off balance',
      Description:
        "Returns an employee's time-off balances per type as of a date (default today; a future date projects accruals): Balances, each with TimeOffTypeId, Name, Units, Balance, UsedYearToDate and PolicyType. " +
        'Balances are strings rounded to Precision decimals (default 2).',
      InputSchema: {
        type: 'object',
        required: ['EmployeeId'],
        properties: { EmployeeId: numericId, AsOf: date, Precision: { type: 'integer', minimum: 0, maximum: 4 } },
      },
      request: { method: 'GET', path: '/v1/employees/{EmployeeId}/time_off/calculator', query: { end: '$.AsOf', precision: { $string: '$.Precision' } } },
      output: {
        value: {
          Balances: {
            $each: '$.Body',
            $as: {
              TimeOffTypeId: '@.timeOffType',
              Name: '@.name',
              Units: '@.units',
              Balance: '@.balance',
              UsedYearToDate: '@.usedYearToDate',
              PolicyType: '@.policyType',
              End: '@.end',
            },
          },
        },
      },
      idempotent: true,
      Examples: [
        { Title: "An employee's balances today", Input: { EmployeeId: '123' } },
        { Title: 'Projected balances at year end', Input: { EmployeeId: '123', AsOf: '2025-12-31' } },
      ],
      reference: ref('get-time-off-balance'),
      requires: { scopes: ['time_off'] },
    },
    {
      ActionId: 'ListEmployees',
      Name: 'List employees',
      Description:
        'Lists employees a page at a time, optionally filtered by name or job title (case-insensitive substring), status or ids, and sorted. Employees are as BambooHR sends them: employeeId, firstName, lastName, preferredName, jobTitleName, status, photoUrl ' +
        'plus the extra Fields asked for (workEmail, departmentName, reportsToId, ...); values the caller may not see are null and named in _restrictedFields. Total counts all matches; pass NextToken back for the next page. ' +
        'For many fields of one employee use GetEmployee; for reporting across employees RunCustomReport. ' +
        'BambooHR offers this list to OAuth (signed-in user) connectors only: with an API key, use GetEmployeeDirectory or RunCustomReport.',
      InputSchema: {
        type: 'object',
        properties: {
          FirstName: { type: 'string', minLength: 1, maxLength: 100 },
          LastName: { type: 'string', minLength: 1, maxLength: 100 },
          JobTitleName: { type: 'string', minLength: 1, maxLength: 100 },
          Status: { enum: ['active', 'inactive'] },
          EmployeeIds: { type: 'array', items: numericId, minItems: 1, maxItems: 100, uniqueItems: true },
          Sort: {
            type: 'array',
            items: {
              enum: [...['employeeId', 'firstName', 'lastName', 'preferredName', 'jobTitleName', 'status'].flatMap((f) => [f, `-${f}`])],
            },
            maxItems: 6,
            uniqueItems: true,
            description: "Sort fields, '-' first for descending.",
          },
          Fields: {
            type: 'array',
            uniqueItems: true,
            items: {
              enum: [
                'workEmail',
                'homeEmail',
                'bestEmail',
                'middleName',
                'workPhone',
                'workPhoneExtension',
                'mobilePhone',
                'homePhone',
                'skypeUsername',
                'linkedinUrl',
                'facebookUrl',
                'instagramUrl',
                'twitterUrl',
                'pinterestUrl',
                'birthDate',
                'hireDate',
                'divisionName',
                'divisionId',
                'departmentName',
                'departmentId',
                'locationName',
                'locationId',
                'jobTitleId',
                'employmentStatusName',
                'employmentStatusId',
                'reportsToName',
                'reportsToId',
              ],
            },
          },
          Limit: { type: 'integer', minimum: 1, maximum: 100, description: 'Employees per page (default 50).' },
          NextToken: { type: 'string', minLength: 1, maxLength: 1024 },
        },
      },
      request: {
        method: 'GET',
        path: '/v1/employees',
        query: {
          'filter[firstName]': '$.FirstName',
          'filter[lastName]': '$.LastName',
          'filter[jobTitleName]': '$.JobTitleName',
          'filter[status]': '$.Status',
          'filter[ids]': { $join: '$.EmployeeIds' },
          sort: { $join: '$.Sort' },
          fields: { $join: '$.Fields' },
          'page[limit]': { $string: '$.Limit' },
          'page[after]': '$.NextToken',
        },
      },
      output: {
        value: {
          Employees: { $coalesce: ['$.Body.data', { $literal: [] }] },
          Total: '$.Body.meta.total',
          NextToken: '$.Body.meta.page.nextCursor',
        },
      },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
      Examples: [
        { Title: 'Find active employees named Abbott', Input: { LastName: 'Abbott', Status: 'active', Fields: ['workEmail', 'departmentName'] } },
        { Title: 'Fetch three employees by id', Input: { EmployeeIds: ['123', '124', '125'], Fields: ['reportsToName'] } },
      ],
      reference: ref('list-employees'),
      // BambooHR's spec gives this operation OAuth only (no API-key Basic auth).
      requires: { grant: 'delegated', scopes: ['employee'] },
    },
    {
      ActionId: 'ListFields',
      Name: 'List fields',
      Description:
        'Lists every employee field of the company: Id, Name, Type (text, date, list, ...) and Alias (the name the API takes, when it has one). ' +
        'Use it to find the field names GetEmployee, UpdateEmployee, CreateEmployee and RunCustomReport take, including custom fields.',
      InputSchema: { type: 'object', properties: {} },
      request: { method: 'GET', path: '/v1/meta/fields' },
      output: { value: { Fields: { $each: '$.Body', $as: { Id: '@.id', Name: '@.name', Type: '@.type', Alias: '@.alias', Deprecated: '@.deprecated' } } } },
      idempotent: true,
      Examples: [{ Title: 'Which fields can I read and update?', Input: {} }],
      reference: ref('list-fields'),
      requires: { scopes: ['field'] },
    },
    {
      ActionId: 'UpdateEmployee',
      Name: 'Update employee',
      Description:
        'Sets fields of an employee: only the fields given change. Field names as ListFields gives them (firstName, workEmail, mobilePhone, address1, custom fields...); list fields take one of their options, dates YYYY-MM-DD. ' +
        'Fields kept in history tables (job title, department, compensation) are better changed with AddEmployeeTableRow, with an effective date. ' +
        'Answers Updated true; 403 when the caller may not change a field, 409 for a value BambooHR refuses (a duplicate email, an unknown state).',
      InputSchema: { type: 'object', required: ['EmployeeId', 'Fields'], properties: { EmployeeId: numericId, Fields: fieldValues('The fields to set') } },
      request: { method: 'POST', path: '/v1/employees/{EmployeeId}', body: { encoding: 'json', value: '$.Fields' } },
      output: { value: { Updated: { $literal: true } } },
      idempotent: false,
      Examples: [
        {
          Title: "Change an employee's mobile phone and work email",
          Input: { EmployeeId: '123', Fields: { mobilePhone: '+1 801 555 0142', workEmail: 'c.abbott@example.com' } },
        },
      ],
      reference: ref('update-employee'),
      requires: { scopes: ['employee.write'] },
    },
    {
      ActionId: 'CreateEmployee',
      Name: 'Create employee',
      Description:
        'Adds an employee with at least firstName and lastName, plus any other fields (workEmail, hireDate, jobTitle, department, ...; names as ListFields gives them). ' +
        'Returns EmployeeId (from the Location BambooHR answers with). 409 when a value is refused; creating twice creates two employees.',
      InputSchema: {
        type: 'object',
        required: ['Fields'],
        properties: {
          Fields: {
            ...fieldValues('The new employee’s fields'),
            required: ['firstName', 'lastName'],
            properties: { firstName: { type: 'string', minLength: 1, maxLength: 255 }, lastName: { type: 'string', minLength: 1, maxLength: 255 } },
          },
        },
      },
      request: { method: 'POST', path: '/v1/employees', body: { encoding: 'json', value: '$.Fields' } },
      output: {
        value: {
          EmployeeId: {
            $coalesce: [
              { $hook: 'urlQueryParam', $of: '$.Headers.location', $args: { name: 'id' } },
              { $hook: 'lastPathSegment', $of: '$.Headers.location' },
            ],
          },
          Location: '$.Headers.location',
        },
      },
      idempotent: false,
      Examples: [
        {
          Title: 'Add a new hire',
          Input: {
            Fields: { firstName: 'Jamie', lastName: 'Rivera', workEmail: 'jamie.rivera@example.com', hireDate: '2025-07-01', jobTitle: 'Support Engineer' },
          },
        },
      ],
      reference: ref('create-employee'),
      requires: { scopes: ['employee.write'] },
    },
    {
      ActionId: 'GetEmployeeTable',
      Name: 'Get employee table rows',
      Description:
        "Returns the rows of one of an employee's history tables: jobInfo (job title, department, location, reports-to by effective date), compensation, employmentStatus, or a custom table. " +
        "Rows have id, employeeId and the table's fields, oldest first. EmployeeId 'all' returns the table for every employee the caller can see.",
      InputSchema: {
        type: 'object',
        required: ['EmployeeId', 'Table'],
        properties: { EmployeeId: { type: 'string', pattern: '^(?:[0-9]{1,12}|all)$' }, Table: tableName },
      },
      request: { method: 'GET', path: '/v1/employees/{EmployeeId}/tables/{Table}' },
      output: { value: { Rows: { $coalesce: ['$.Body', { $literal: [] }] } } },
      idempotent: true,
      Examples: [
        { Title: "An employee's job history", Input: { EmployeeId: '123', Table: 'jobInfo' } },
        { Title: "An employee's compensation history", Input: { EmployeeId: '123', Table: 'compensation' } },
      ],
      reference: ref('get-employee-table-data'),
      requires: { scopes: ['employee'] },
    },
    {
      ActionId: 'AddEmployeeTableRow',
      Name: 'Add employee table row',
      Description:
        "Adds a row to one of an employee's history tables with an effective date: a promotion or transfer in jobInfo (date, jobTitle, department, division, location, reportsTo), a raise in compensation (startDate, rate, type, reason), " +
        'a status change in employmentStatus. Compensation rows are sensitive: the connector’s credentials must be allowed to write them. Answers Added true; 406/409 when BambooHR refuses a value.',
      InputSchema: {
        type: 'object',
        required: ['EmployeeId', 'Table', 'Row'],
        properties: { EmployeeId: numericId, Table: tableName, Row: fieldValues("The row's fields") },
      },
      request: { method: 'POST', path: '/v1/employees/{EmployeeId}/tables/{Table}', body: { encoding: 'json', value: '$.Row' } },
      output: { value: { Added: { $literal: true } } },
      idempotent: false,
      Examples: [
        {
          Title: 'Record a promotion from July 1st',
          Input: {
            EmployeeId: '123',
            Table: 'jobInfo',
            Row: { date: '2025-07-01', jobTitle: 'Senior Support Engineer', department: 'Support', location: 'Lindon, Utah' },
          },
        },
      ],
      reference: ref('create-table-row'),
      requires: { scopes: ['employee:job.write'] },
    },
    {
      ActionId: 'ListEmployeeFiles',
      Name: 'List employee files',
      Description:
        "Lists an employee's files by category: Categories, each with Id, Name and Files (id, name, originalFileName, size, dateCreated, createdBy, shareWithEmployee). " +
        'Returns the list only, not the files’ content.',
      InputSchema: { type: 'object', required: ['EmployeeId'], properties: { EmployeeId: numericId } },
      request: { method: 'GET', path: '/v1/employees/{EmployeeId}/files/view' },
      output: {
        value: {
          Categories: { $coalesce: [{ $each: '$.Body.categories', $as: { Id: '@.id', Name: '@.name', Files: '@.files' } }, { $literal: [] }] },
        },
      },
      idempotent: true,
      Examples: [{ Title: "List an employee's documents", Input: { EmployeeId: '123' } }],
      reference: ref('list-employee-files'),
      requires: { scopes: ['employee:file'] },
    },
    {
      ActionId: 'GetCompanyReport',
      Name: 'Run saved report',
      Description:
        'Runs a report saved in BambooHR (its id is in the report’s URL in the Reports tab) and returns it as JSON: Title, Fields (id, type, name of each column) and Employees (one object per employee: id and one member per field). ' +
        'Duplicate rows are filtered unless FilterDuplicates is false.',
      InputSchema: {
        type: 'object',
        required: ['ReportId'],
        properties: { ReportId: numericId, FilterDuplicates: { type: 'boolean' }, OnlyCurrent: { type: 'boolean' } },
      },
      request: {
        method: 'GET',
        path: '/v1/reports/{ReportId}',
        query: {
          format: 'json',
          fd: { $if: '$.FilterDuplicates', $then: 'yes', $else: { $if: { $string: '$.FilterDuplicates' }, $then: 'no' } },
          onlyCurrent: { $string: '$.OnlyCurrent' },
        },
      },
      output: { value: report },
      idempotent: true,
      Examples: [{ Title: 'Run saved report 42', Input: { ReportId: '42' } }],
      reference: ref('get-company-report'),
      requires: { scopes: ['report'] },
    },
    {
      ActionId: 'RunCustomReport',
      Name: 'Run custom report',
      Description:
        'Builds a report on the fly: the given fields (names as ListFields gives them, at most 400) for every employee the caller can see, or only EmployeeIds, or only those changed since ChangedSince. ' +
        'Returns Title, Fields and Employees (id and one member per field): the way to read a few fields of many employees at once.',
      InputSchema: {
        type: 'object',
        required: ['Fields'],
        properties: {
          Title: { type: 'string', minLength: 1, maxLength: 255 },
          Fields: { type: 'array', items: fieldName, minItems: 1, maxItems: 400, uniqueItems: true },
          EmployeeIds: { type: 'array', items: numericId, minItems: 1, maxItems: 1000, uniqueItems: true },
          ChangedSince: {
            type: 'string',
            // The spec's format date-time, as a pattern: the engine's Ajv loads no formats.
            pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$',
            description: 'ISO 8601 date-time, e.g. 2024-05-01T00:00:00Z: only employees changed at or after it.',
          },
          FilterDuplicates: { type: 'boolean' },
          OnlyCurrent: { type: 'boolean' },
        },
      },
      request: {
        method: 'POST',
        path: '/v1/reports/custom',
        query: { format: 'json', onlyCurrent: { $string: '$.OnlyCurrent' } },
        body: {
          encoding: 'json',
          value: {
            title: { $coalesce: ['$.Title', { $literal: 'Custom report' }] },
            fields: '$.Fields',
            filters: {
              lastChanged: { $if: '$.ChangedSince', $then: { value: '$.ChangedSince' } },
              employeeIds: { $each: '$.EmployeeIds', $as: { $number: '@' } },
            },
            filterDuplicates: { $if: '$.FilterDuplicates', $then: 'yes', $else: { $if: { $string: '$.FilterDuplicates' }, $then: 'no' } },
          },
        },
      },
      output: { value: report },
      idempotent: true,
      Examples: [
        { Title: 'Name, department and hire date of everyone', Input: { Fields: ['firstName', 'lastName', 'department', 'hireDate'] } },
        { Title: 'Job titles of employees changed since June', Input: { Fields: ['displayName', 'jobTitle'], ChangedSince: '2025-06-01T00:00:00Z' } },
      ],
      reference: ref('request-custom-report'),
      requires: { scopes: ['report'] },
    },
  ],
};
