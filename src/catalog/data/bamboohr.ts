// BAMBOO_HR: the BambooHR API. BaseEndpoint names the company:
// https://api.bamboohr.com/api/gateway.php/{companyDomain} (paths below start at /v1).
import type { Catalog } from '../types.js';

const employeeId = { type: 'string', pattern: '^(?:[0-9]{1,12}|0)$', description: "An employee id ('0' is the API key's own employee)." };
const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
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
      Description: `Returns fields of an employee (by default ${DEFAULT_FIELDS.join(', ')}).`,
      InputSchema: {
        type: 'object',
        required: ['EmployeeId'],
        properties: {
          EmployeeId: employeeId,
          Fields: { type: 'array', items: { type: 'string', pattern: '^[A-Za-z0-9_]+$' }, minItems: 1, maxItems: 400, default: DEFAULT_FIELDS },
        },
      },
      request: { method: 'GET', path: '/v1/employees/{EmployeeId}', query: { fields: { $join: '$.Fields' } } },
      output: { value: '$.Body' },
      idempotent: true,
    },
    {
      ActionId: 'GetEmployeeDirectory',
      Name: 'Get employee directory',
      Description: 'Returns the company directory: every employee with name, job title, department, location and contact details.',
      InputSchema: { type: 'object', properties: {} },
      request: { method: 'GET', path: '/v1/employees/directory' },
      output: { value: { Fields: '$.Body.fields', Employees: '$.Body.employees' } },
      idempotent: true,
    },
    {
      ActionId: 'ListTimeOffRequests',
      Name: 'List time-off requests',
      Description: 'Lists time-off requests overlapping a date range, optionally of one employee, status or type.',
      InputSchema: {
        type: 'object',
        required: ['Start', 'End'],
        properties: {
          Start: date,
          End: date,
          EmployeeId: employeeId,
          Status: { type: 'array', items: { enum: ['approved', 'denied', 'superceded', 'requested', 'canceled'] }, uniqueItems: true },
          TypeIds: { type: 'array', items: { type: 'string', pattern: '^[0-9]{1,10}$' }, maxItems: 50 },
        },
      },
      request: {
        method: 'GET',
        path: '/v1/time_off/requests',
        query: { start: '$.Start', end: '$.End', employeeId: '$.EmployeeId', status: { $join: '$.Status' }, type: { $join: '$.TypeIds' } },
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
            },
          },
        },
      },
      idempotent: true,
    },
    {
      ActionId: 'RequestTimeOff',
      Name: 'Request time off',
      Description: 'Files a time-off request for an employee (status requested, or approved when the key may approve).',
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
    },
  ],
};
