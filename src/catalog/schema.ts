// The JSON Schema of the catalog format (types.ts), checked with Ajv when
// catalogs are loaded (start-up) and in tests. Rules it cannot state (references
// name declared members, placeholders are required, templates are well formed)
// are in check.ts.

/** The model's ActionId pattern `[\w@:_.,!?+-/]+`, anchored (`+-/` is a range: + , - . /). */
export const ACTION_ID_PATTERN = '^[\\w@:_.,!?+\\-/]+$';

const template = { $ref: '#/$defs/template' };

export const catalogSchema = {
  $id: 'actionbridge:catalog-format',
  type: 'object',
  required: ['Type', 'Api', 'actions'],
  additionalProperties: false,
  properties: {
    Type: { type: 'string', pattern: '^[A-Z0-9_]+$' },
    Api: { type: 'string', minLength: 1 },
    defaultHeaders: { type: 'object', additionalProperties: { type: 'string' } },
    origins: {
      type: 'object',
      maxProperties: 10,
      propertyNames: { pattern: '^[a-z][A-Za-z0-9]{0,31}$' },
      additionalProperties: {
        type: 'object',
        required: ['credentials'],
        additionalProperties: false,
        anyOf: [{ required: ['url'] }, { required: ['hosts'] }],
        properties: {
          url: { type: 'string', pattern: '^https://[^\\s?#@]+$' },
          fromBaseHost: {
            type: 'object',
            required: ['match', 'host'],
            additionalProperties: false,
            properties: { match: { type: 'string', minLength: 1 }, host: { type: 'string', pattern: '^[a-z0-9.$-]+$' } },
          },
          hosts: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^(\\*\\.)?[a-z0-9-]+(\\.[a-z0-9-]+)+$' } },
          paths: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^/[A-Za-z0-9\\-._~/]*$' } },
          credentials: { type: 'boolean' },
        },
      },
    },
    actions: { type: 'array', minItems: 1, maxItems: 100, items: { $ref: '#/$defs/action' } },
  },
  $defs: {
    template: {
      anyOf: [
        { type: ['null', 'boolean', 'number', 'string'] },
        { type: 'array', items: { $ref: '#/$defs/template' } },
        { type: 'object', additionalProperties: { $ref: '#/$defs/template' } },
      ],
    },
    ref: { type: 'string', pattern: '^[$@](?:$|[.\\[])' },
    action: {
      type: 'object',
      required: ['ActionId', 'Name', 'Description', 'InputSchema', 'idempotent'],
      additionalProperties: false,
      oneOf: [{ required: ['request'] }, { required: ['aws'] }],
      properties: {
        ActionId: { type: 'string', minLength: 1, maxLength: 128, pattern: ACTION_ID_PATTERN },
        Name: { type: 'string', minLength: 1, maxLength: 128 },
        Description: { type: 'string', minLength: 1, maxLength: 1024 },
        InputSchema: {
          type: 'object',
          required: ['type', 'properties'],
          properties: { type: { const: 'object' }, properties: { type: 'object' } },
        },
        request: {
          anyOf: [{ $ref: '#/$defs/request' }, { type: 'array', minItems: 1, items: { $ref: '#/$defs/request' } }],
        },
        aws: {
          type: 'object',
          required: ['client', 'command', 'signingName', 'input'],
          additionalProperties: false,
          properties: {
            client: { type: 'string', pattern: '^@aws-sdk/client-[a-z0-9-]+$' },
            command: { type: 'string', pattern: '^[A-Z][A-Za-z0-9]*Command$' },
            signingName: { type: 'string', pattern: '^[a-z0-9-]+$' },
            input: template,
            presign: { type: 'object', required: ['expiresIn'], additionalProperties: false, properties: { expiresIn: template } },
          },
        },
        output: {
          type: 'object',
          additionalProperties: false,
          properties: {
            value: template,
            failureValue: template,
            failWhen: {
              type: 'array',
              items: {
                type: 'object',
                required: ['ref'],
                additionalProperties: false,
                minProperties: 2,
                properties: {
                  ref: { $ref: '#/$defs/ref' },
                  equals: { type: ['string', 'number', 'boolean', 'null'] },
                  exists: { type: 'boolean' },
                },
              },
            },
          },
        },
        idempotent: { anyOf: [{ type: 'boolean' }, { const: 'by-method' }] },
        pagination: {
          type: 'object',
          required: ['inputToken', 'outputToken'],
          additionalProperties: false,
          properties: {
            inputToken: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_]*$' },
            outputToken: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_]*$' },
          },
        },
        Examples: {
          type: 'array',
          maxItems: 10,
          items: {
            type: 'object',
            required: ['Title', 'Input'],
            additionalProperties: false,
            properties: { Title: { type: 'string', minLength: 1, maxLength: 200 }, Input: { type: 'object' } },
          },
        },
        reference: { type: 'string', pattern: '^https://[^\\s]+$' },
        requires: {
          type: 'object',
          additionalProperties: false,
          properties: {
            grant: { enum: ['delegated', 'application'] },
            scopes: { type: 'array', items: { type: 'string', minLength: 1 } },
            rateLimit: { type: 'string', minLength: 1, maxLength: 200 },
          },
        },
        binary: {
          type: 'object',
          required: ['maxBytes'],
          additionalProperties: false,
          properties: {
            maxBytes: { type: 'integer', minimum: 1, maximum: 100 * 1024 * 1024 },
            output: { type: 'boolean' },
          },
        },
      },
    },
    request: {
      type: 'object',
      required: ['method', 'path'],
      additionalProperties: false,
      properties: {
        when: { anyOf: [{ $ref: '#/$defs/ref' }, { type: 'array', minItems: 1, items: { $ref: '#/$defs/ref' } }] },
        method: {
          anyOf: [{ enum: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] }, { $ref: '#/$defs/ref' }],
        },
        // Literal characters a path may hold, and {Member}, {Member|odata}, {+Member} placeholders.
        path: { type: 'string', pattern: "^/(?:[A-Za-z0-9\\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2}|\\{\\+?[A-Za-z][A-Za-z0-9_]*(?:\\|odata)?\\})*$" },
        query: template,
        headers: template,
        body: {
          type: 'object',
          required: ['encoding', 'value'],
          additionalProperties: false,
          properties: {
            encoding: { enum: ['json', 'form', 'text', 'base64', 'auto', 'multipart'] },
            value: template,
            contentType: template,
          },
        },
        csrfTokenPath: { type: 'string', pattern: "^/[A-Za-z0-9\\-._~!$&'()*+,;=:@/]*$" },
        grant: { enum: ['delegated', 'application'] },
        origin: { type: 'string', pattern: '^[a-z][A-Za-z0-9]{0,31}$' },
        url: { $ref: '#/$defs/ref' },
      },
    },
  },
} as const;
