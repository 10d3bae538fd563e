// GENERIC_HTTP: one request to any path under the connector's BaseEndpoint.
import type { Catalog } from '../types.js';

const scalar = { type: ['string', 'number', 'boolean'] };

export const genericHttp: Catalog = {
  Type: 'GENERIC_HTTP',
  Api: "any HTTPS API, confined to the connector's BaseEndpoint",
  actions: [
    {
      ActionId: 'HttpRequest',
      Name: 'Send an HTTP request',
      Description:
        "Sends one HTTP request to a path under the connector's BaseEndpoint and returns StatusCode, Headers and Body (parsed when it is JSON); an error status fails the invocation with the same three members. " +
        'Use it for an operation no other action of the vendor covers. ' +
        'The path is relative to BaseEndpoint and cannot leave it; Authorization, Host, Cookie, Proxy-*, Range/If-Range and hop-by-hop headers cannot be set.',
      InputSchema: {
        type: 'object',
        required: ['Method', 'Path'],
        properties: {
          Method: { type: 'string', enum: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] },
          Path: { type: 'string', maxLength: 2048, description: "A path relative to BaseEndpoint, e.g. 'v1/items/42' or '/v1/items'." },
          Query: {
            type: 'object',
            description: 'Query parameters; a list repeats the parameter.',
            additionalProperties: { anyOf: [scalar, { type: 'array', items: scalar, maxItems: 100 }] },
          },
          Headers: { type: 'object', additionalProperties: { type: 'string', maxLength: 8192 } },
          Body: { description: 'A string is sent as is (text/plain unless Headers say otherwise); any other JSON value is sent as JSON.' },
        },
      },
      request: {
        method: '$.Method',
        path: '/{+Path}',
        query: '$.Query',
        headers: '$.Headers',
        body: { encoding: 'auto', value: '$.Body' },
      },
      output: {
        value: { StatusCode: '$.StatusCode', Headers: '$.Headers', Body: '$.Body' },
        failureValue: { StatusCode: '$.StatusCode', Headers: '$.Headers', Body: '$.Body' },
      },
      idempotent: 'by-method',
      Examples: [
        { Title: 'Read one item', Input: { Method: 'GET', Path: 'v1/items/42', Query: { include: ['owner', 'tags'] } } },
        {
          Title: 'Create an item with a JSON body',
          Input: {
            Method: 'POST',
            Path: 'v1/items',
            Headers: { 'Idempotency-Key': 'c0ffee-42' },
            Body: { name: 'Quarterly report', owner: 'jane@example.com' },
          },
        },
      ],
    },
  ],
};
