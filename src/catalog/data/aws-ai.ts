// The AWS AI service types, each through its official @aws-sdk/client-* package with the
// connector's assumed role and region: Bedrock Runtime, Bedrock Agent Runtime, Bedrock Data
// Automation Runtime, Textract, Comprehend, Comprehend Medical.
import type { Catalog, CatalogAction, Template } from '../types.js';
import { base64Schema } from './common.js';

const text = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength });
const modelId = {
  ...text(2048),
  description: "A model id, inference profile id or ARN, e.g. 'anthropic.claude-3-5-sonnet-20240620-v1:0' or 'us.amazon.nova-lite-v1:0'.",
};
const s3Uri = { type: 'string', pattern: '^s3://[a-z0-9][a-z0-9.\\-]{1,61}[a-z0-9](/.*)?$', maxLength: 1024 };
const arn = { type: 'string', pattern: '^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:[0-9]{0,12}:.+$', maxLength: 2048 };
const token = { type: 'string', minLength: 1, maxLength: 4096 };

const BEDROCK_RUNTIME = '@aws-sdk/client-bedrock-runtime';
export const bedrockRuntime: Catalog = {
  Type: 'AMAZON_BEDROCK_RUNTIME',
  Api: 'Amazon Bedrock Runtime (@aws-sdk/client-bedrock-runtime)',
  actions: [
    {
      ActionId: 'Converse',
      Name: 'Converse',
      Description: 'Sends a prompt (or a whole conversation in Converse message form) to a model and returns its answer, stop reason and token usage.',
      InputSchema: {
        type: 'object',
        required: ['ModelId'],
        anyOf: [{ required: ['Prompt'] }, { required: ['Messages'] }],
        properties: {
          ModelId: modelId,
          Prompt: text(500_000),
          Messages: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              required: ['role', 'content'],
              properties: { role: { enum: ['user', 'assistant'] }, content: { type: 'array', minItems: 1, items: { type: 'object' } } },
            },
          },
          System: text(100_000),
          MaxTokens: { type: 'integer', minimum: 1 },
          Temperature: { type: 'number', minimum: 0, maximum: 1 },
          TopP: { type: 'number', minimum: 0, maximum: 1 },
          StopSequences: { type: 'array', items: text(1000), maxItems: 2500 },
        },
      },
      aws: {
        client: BEDROCK_RUNTIME,
        command: 'ConverseCommand',
        signingName: 'bedrock',
        input: {
          modelId: '$.ModelId',
          messages: { $coalesce: ['$.Messages', [{ role: 'user', content: [{ text: '$.Prompt' }] }]] },
          system: { $if: '$.System', $then: [{ text: '$.System' }] },
          inferenceConfig: { maxTokens: '$.MaxTokens', temperature: '$.Temperature', topP: '$.TopP', stopSequences: '$.StopSequences' },
        },
      },
      output: {
        value: {
          Text: { $join: { $each: '$.Body.output.message.content', $as: '@.text' }, $separator: '' },
          Message: '$.Body.output.message',
          StopReason: '$.Body.stopReason',
          Usage: '$.Body.usage',
        },
      },
      idempotent: false,
    },
    {
      ActionId: 'InvokeModel',
      Name: 'Invoke model',
      Description:
        "Sends a request body in the model's own format (e.g. Anthropic Messages, Titan embeddings) and returns the model's response body (parsed when JSON).",
      InputSchema: {
        type: 'object',
        required: ['ModelId', 'Body'],
        properties: {
          ModelId: modelId,
          Body: { type: 'object', description: 'The model\'s native request, e.g. {"inputText": "hello"} for Titan embeddings.' },
          Accept: { type: 'string', default: 'application/json', maxLength: 255 },
        },
      },
      aws: {
        client: BEDROCK_RUNTIME,
        command: 'InvokeModelCommand',
        signingName: 'bedrock',
        input: { modelId: '$.ModelId', body: { $json: '$.Body' }, contentType: 'application/json', accept: '$.Accept' },
      },
      output: { value: { Body: { $hook: 'utf8Json', $of: '$.Body.body' }, ContentType: '$.Body.contentType' } },
      idempotent: false,
    },
  ],
};

const AGENT_RUNTIME = '@aws-sdk/client-bedrock-agent-runtime';
const kbId = { type: 'string', pattern: '^[0-9a-zA-Z]{10}$' };
export const bedrockAgentRuntime: Catalog = {
  Type: 'AMAZON_BEDROCK_AGENT_RUNTIME',
  Api: 'Agents for Amazon Bedrock Runtime (@aws-sdk/client-bedrock-agent-runtime)',
  actions: [
    {
      ActionId: 'Retrieve',
      Name: 'Retrieve from knowledge base',
      Description: 'Returns the passages of a knowledge base most relevant to a query, with scores and source locations.',
      InputSchema: {
        type: 'object',
        required: ['KnowledgeBaseId', 'Query'],
        properties: { KnowledgeBaseId: kbId, Query: text(20_000), NumberOfResults: { type: 'integer', minimum: 1, maximum: 100 }, NextToken: token },
      },
      aws: {
        client: AGENT_RUNTIME,
        command: 'RetrieveCommand',
        signingName: 'bedrock',
        input: {
          knowledgeBaseId: '$.KnowledgeBaseId',
          retrievalQuery: { text: '$.Query' },
          retrievalConfiguration: { vectorSearchConfiguration: { numberOfResults: '$.NumberOfResults' } },
          nextToken: '$.NextToken',
        },
      },
      output: {
        value: {
          Results: { $each: '$.Body.retrievalResults', $as: { Text: '@.content.text', Score: '@.score', Location: '@.location', Metadata: '@.metadata' } },
          NextToken: '$.Body.nextToken',
        },
      },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
    },
    {
      ActionId: 'RetrieveAndGenerate',
      Name: 'Retrieve and generate',
      Description: "Answers a question from a knowledge base with a model, citing the passages used; pass the answer's SessionId to continue the conversation.",
      InputSchema: {
        type: 'object',
        required: ['KnowledgeBaseId', 'ModelArn', 'Query'],
        properties: {
          KnowledgeBaseId: kbId,
          ModelArn: arn,
          Query: text(20_000),
          SessionId: text(100),
          NumberOfResults: { type: 'integer', minimum: 1, maximum: 100 },
        },
      },
      aws: {
        client: AGENT_RUNTIME,
        command: 'RetrieveAndGenerateCommand',
        signingName: 'bedrock',
        input: {
          input: { text: '$.Query' },
          sessionId: '$.SessionId',
          retrieveAndGenerateConfiguration: {
            type: 'KNOWLEDGE_BASE',
            knowledgeBaseConfiguration: {
              knowledgeBaseId: '$.KnowledgeBaseId',
              modelArn: '$.ModelArn',
              retrievalConfiguration: { vectorSearchConfiguration: { numberOfResults: '$.NumberOfResults' } },
            },
          },
        },
      },
      output: { value: { Text: '$.Body.output.text', Citations: '$.Body.citations', SessionId: '$.Body.sessionId' } },
      idempotent: false,
    },
    {
      ActionId: 'InvokeAgent',
      Name: 'Invoke agent',
      Description: "Sends a message to a Bedrock agent (through an alias) in a session and returns the agent's whole answer.",
      InputSchema: {
        type: 'object',
        required: ['AgentId', 'AgentAliasId', 'SessionId', 'InputText'],
        properties: {
          AgentId: { type: 'string', pattern: '^[0-9a-zA-Z]{10}$' },
          AgentAliasId: { type: 'string', pattern: '^[0-9a-zA-Z]{10}$' },
          SessionId: { type: 'string', pattern: '^[0-9a-zA-Z._:-]{2,100}$' },
          InputText: text(25_000_000),
          EndSession: { type: 'boolean' },
        },
      },
      aws: {
        client: AGENT_RUNTIME,
        command: 'InvokeAgentCommand',
        signingName: 'bedrock',
        input: { agentId: '$.AgentId', agentAliasId: '$.AgentAliasId', sessionId: '$.SessionId', inputText: '$.InputText', endSession: '$.EndSession' },
      },
      output: {
        value: { Completion: { $hook: 'eventStreamText', $of: '$.Body.completion', $args: { event: 'chunk', field: 'bytes' } }, SessionId: '$.Body.sessionId' },
      },
      idempotent: false,
    },
  ],
};

export const bedrockDataAutomationRuntime: Catalog = {
  Type: 'AMAZON_BEDROCK_DATA_AUTOMATION_RUNTIME',
  Api: 'Amazon Bedrock Data Automation Runtime (@aws-sdk/client-bedrock-data-automation-runtime)',
  actions: [
    {
      ActionId: 'InvokeDataAutomationAsync',
      Name: 'Start data automation',
      Description: 'Starts processing a document, image, audio or video in S3 with a data automation project; the results are written under OutputS3Uri.',
      InputSchema: {
        type: 'object',
        required: ['InputS3Uri', 'OutputS3Uri', 'DataAutomationProfileArn'],
        properties: {
          InputS3Uri: s3Uri,
          OutputS3Uri: s3Uri,
          DataAutomationProfileArn: arn,
          DataAutomationProjectArn: arn,
          Stage: { enum: ['LIVE', 'DEVELOPMENT'] },
          ClientToken: { type: 'string', pattern: '^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,256}$' },
        },
      },
      aws: {
        client: '@aws-sdk/client-bedrock-data-automation-runtime',
        command: 'InvokeDataAutomationAsyncCommand',
        signingName: 'bedrock',
        input: {
          inputConfiguration: { s3Uri: '$.InputS3Uri' },
          outputConfiguration: { s3Uri: '$.OutputS3Uri' },
          dataAutomationProfileArn: '$.DataAutomationProfileArn',
          dataAutomationConfiguration: { dataAutomationProjectArn: '$.DataAutomationProjectArn', stage: '$.Stage' },
          clientToken: '$.ClientToken',
        },
      },
      output: { value: { InvocationArn: '$.Body.invocationArn' } },
      idempotent: false,
    },
    {
      ActionId: 'GetDataAutomationStatus',
      Name: 'Get data automation status',
      Description: 'Returns the status of a data automation invocation and, when done, where its output is.',
      InputSchema: { type: 'object', required: ['InvocationArn'], properties: { InvocationArn: arn } },
      aws: {
        client: '@aws-sdk/client-bedrock-data-automation-runtime',
        command: 'GetDataAutomationStatusCommand',
        signingName: 'bedrock',
        input: { invocationArn: '$.InvocationArn' },
      },
      output: {
        value: { Status: '$.Body.status', OutputS3Uri: '$.Body.outputConfiguration.s3Uri', ErrorType: '$.Body.errorType', ErrorMessage: '$.Body.errorMessage' },
      },
      idempotent: true,
    },
  ],
};

const TEXTRACT = '@aws-sdk/client-textract';
const DOC_MAX = 5 * 1024 * 1024;
const documentInput = {
  Document: { ...base64Schema(DOC_MAX), description: 'The document (PNG, JPEG, TIFF or single-page PDF), base64.' },
  S3Bucket: { type: 'string', pattern: '^[a-z0-9][a-z0-9.\\-]{1,61}[a-z0-9]$' },
  S3Key: text(1024),
};
const document: Template = { Bytes: { $fromBase64: '$.Document' }, S3Object: { Bucket: '$.S3Bucket', Name: '$.S3Key' } };
const featureTypes = { type: 'array', minItems: 1, uniqueItems: true, items: { enum: ['TABLES', 'FORMS', 'QUERIES', 'SIGNATURES', 'LAYOUT'] } };
const queries = { type: 'array', maxItems: 30, items: { type: 'object', required: ['Text'], properties: { Text: text(200), Alias: text(100) } } };
const queriesConfig: Template = { $if: '$.Queries', $then: { Queries: { $each: '$.Queries', $as: { Text: '@.Text', Alias: '@.Alias' } } } };
const blocksOut = { Lines: { $hook: 'textractLines', $of: '$.Body.Blocks' }, Blocks: '$.Body.Blocks', Pages: '$.Body.DocumentMetadata.Pages' };

export const textract: Catalog = {
  Type: 'AMAZON_TEXTRACT',
  Api: 'Amazon Textract (@aws-sdk/client-textract)',
  actions: [
    {
      ActionId: 'DetectDocumentText',
      Name: 'Detect document text',
      Description: `Reads the text of a document given as base64 (at most ${DOC_MAX} bytes) or in S3: its lines, and every block with geometry.`,
      InputSchema: { type: 'object', oneOf: [{ required: ['Document'] }, { required: ['S3Bucket', 'S3Key'] }], properties: documentInput },
      aws: { client: TEXTRACT, command: 'DetectDocumentTextCommand', signingName: 'textract', input: { Document: document } },
      output: { value: blocksOut },
      binary: { maxBytes: DOC_MAX },
      idempotent: true,
    },
    {
      ActionId: 'AnalyzeDocument',
      Name: 'Analyze document',
      Description: 'Extracts tables, forms (key-value pairs), signatures, layout, and answers to queries from a document given as base64 or in S3.',
      InputSchema: {
        type: 'object',
        required: ['FeatureTypes'],
        oneOf: [{ required: ['Document'] }, { required: ['S3Bucket', 'S3Key'] }],
        properties: { ...documentInput, FeatureTypes: featureTypes, Queries: queries },
      },
      aws: {
        client: TEXTRACT,
        command: 'AnalyzeDocumentCommand',
        signingName: 'textract',
        input: { Document: document, FeatureTypes: '$.FeatureTypes', QueriesConfig: queriesConfig },
      },
      output: { value: blocksOut },
      binary: { maxBytes: DOC_MAX },
      idempotent: true,
    },
    {
      ActionId: 'StartDocumentAnalysis',
      Name: 'Start document analysis',
      Description: 'Starts analyzing a (multi-page) document in S3; poll GetDocumentAnalysis with the JobId.',
      InputSchema: {
        type: 'object',
        required: ['S3Bucket', 'S3Key', 'FeatureTypes'],
        properties: {
          S3Bucket: documentInput.S3Bucket,
          S3Key: documentInput.S3Key,
          FeatureTypes: featureTypes,
          Queries: queries,
          ClientRequestToken: { type: 'string', pattern: '^[a-zA-Z0-9-_]{1,64}$' },
          JobTag: { type: 'string', pattern: '^[a-zA-Z0-9_.\\-:]{1,64}$' },
        },
      },
      aws: {
        client: TEXTRACT,
        command: 'StartDocumentAnalysisCommand',
        signingName: 'textract',
        input: {
          DocumentLocation: { S3Object: { Bucket: '$.S3Bucket', Name: '$.S3Key' } },
          FeatureTypes: '$.FeatureTypes',
          QueriesConfig: queriesConfig,
          ClientRequestToken: '$.ClientRequestToken',
          JobTag: '$.JobTag',
        },
      },
      output: { value: { JobId: '$.Body.JobId' } },
      idempotent: false,
    },
    {
      ActionId: 'GetDocumentAnalysis',
      Name: 'Get document analysis',
      Description: 'Returns the status of an analysis job and, when it succeeded, its results a page of blocks at a time.',
      InputSchema: {
        type: 'object',
        required: ['JobId'],
        properties: {
          JobId: { type: 'string', pattern: '^[a-zA-Z0-9-_]{1,64}$' },
          MaxResults: { type: 'integer', minimum: 1, maximum: 1000 },
          NextToken: token,
        },
      },
      aws: {
        client: TEXTRACT,
        command: 'GetDocumentAnalysisCommand',
        signingName: 'textract',
        input: { JobId: '$.JobId', MaxResults: '$.MaxResults', NextToken: '$.NextToken' },
      },
      output: { value: { JobStatus: '$.Body.JobStatus', StatusMessage: '$.Body.StatusMessage', ...blocksOut, NextToken: '$.Body.NextToken' } },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
    },
    // ── Issue 16 breadth: appended (the actions above keep their order) ──────
    {
      ActionId: 'AnalyzeExpense',
      Name: 'Analyze invoice or receipt',
      Description:
        `Reads an invoice or a receipt (PNG, JPEG, TIFF or PDF; base64 of at most ${DOC_MAX} bytes, or an S3 object) synchronously and returns ExpenseDocuments: ` +
        'for each one its SummaryFields (Type as Textract normalizes it — VENDOR_NAME, INVOICE_RECEIPT_ID, INVOICE_RECEIPT_DATE, TOTAL, TAX, DUE_DATE, ... —, the Label printed on the page, the Value, Confidence, Currency, Page) ' +
        'and its LineItemGroups of LineItems (ITEM, QUANTITY, PRICE, UNIT_PRICE fields). Geometry blocks are left out. A multi-page PDF must be in S3.',
      InputSchema: { type: 'object', oneOf: [{ required: ['Document'] }, { required: ['S3Bucket', 'S3Key'] }], properties: documentInput },
      aws: { client: TEXTRACT, command: 'AnalyzeExpenseCommand', signingName: 'textract', input: { Document: document } },
      output: {
        value: {
          ExpenseDocuments: {
            $each: '$.Body.ExpenseDocuments',
            $as: {
              Index: '@.ExpenseIndex',
              SummaryFields: { $each: '@.SummaryFields', $as: expenseField() },
              LineItemGroups: {
                $each: '@.LineItemGroups',
                $as: {
                  Index: '@.LineItemGroupIndex',
                  LineItems: { $each: '@.LineItems', $as: { Fields: { $each: '@.LineItemExpenseFields', $as: expenseField() } } },
                },
              },
            },
          },
          Pages: '$.Body.DocumentMetadata.Pages',
        },
      },
      binary: { maxBytes: DOC_MAX },
      idempotent: true,
      Examples: [
        { Title: 'Read the totals and line items of a receipt in S3', Input: { S3Bucket: 'expenses', S3Key: 'receipts/2025-06-03-taxi.jpg' } },
        {
          Title: 'Read an invoice given as base64',
          Input: { Document: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==' },
        },
      ],
      reference: 'https://docs.aws.amazon.com/textract/latest/dg/API_AnalyzeExpense.html',
    },
    {
      ActionId: 'AnalyzeID',
      Name: 'Analyze identity document',
      Description:
        "Reads a US driver's license or passport (one or two page images: front and back; base64 of at most 5 MiB each, or S3 objects) synchronously and returns IdentityDocuments, " +
        'each with its Fields: Type (FIRST_NAME, LAST_NAME, DATE_OF_BIRTH, DOCUMENT_NUMBER, EXPIRATION_DATE, ADDRESS, ID_TYPE, MRZ_CODE, ...), Value, NormalizedValue (dates as ISO 8601) and Confidence. ' +
        'Identity documents are personal data: the output holds them in clear.',
      InputSchema: {
        type: 'object',
        required: ['Pages'],
        properties: {
          Pages: {
            type: 'array',
            minItems: 1,
            maxItems: 2,
            description: 'The front and, optionally, the back of the document.',
            items: {
              type: 'object',
              additionalProperties: false,
              oneOf: [{ required: ['Document'] }, { required: ['S3Bucket', 'S3Key'] }],
              properties: documentInput,
            },
          },
        },
      },
      aws: {
        client: TEXTRACT,
        command: 'AnalyzeIDCommand',
        signingName: 'textract',
        input: { DocumentPages: { $each: '$.Pages', $as: { Bytes: { $fromBase64: '@.Document' }, S3Object: { Bucket: '@.S3Bucket', Name: '@.S3Key' } } } },
      },
      output: {
        value: {
          IdentityDocuments: {
            $each: '$.Body.IdentityDocuments',
            $as: {
              Index: '@.DocumentIndex',
              Fields: {
                $each: '@.IdentityDocumentFields',
                $as: {
                  Type: '@.Type.Text',
                  Value: '@.ValueDetection.Text',
                  NormalizedValue: '@.ValueDetection.NormalizedValue.Value',
                  Confidence: '@.ValueDetection.Confidence',
                },
              },
            },
          },
          Pages: '$.Body.DocumentMetadata.Pages',
          ModelVersion: '$.Body.AnalyzeIDModelVersion',
        },
      },
      binary: { maxBytes: DOC_MAX },
      idempotent: true,
      Examples: [
        {
          Title: "Read a driver's license, front and back, from S3",
          Input: {
            Pages: [
              { S3Bucket: 'onboarding', S3Key: 'ids/123-front.jpg' },
              { S3Bucket: 'onboarding', S3Key: 'ids/123-back.jpg' },
            ],
          },
        },
      ],
      reference: 'https://docs.aws.amazon.com/textract/latest/dg/API_AnalyzeID.html',
    },
  ],
};

const languages = ['en', 'es', 'fr', 'de', 'it', 'pt', 'ar', 'hi', 'ja', 'ko', 'zh', 'zh-TW'];
const comprehendText = { type: 'string', minLength: 1, maxLength: 100_000, description: 'UTF-8 text, at most 100 KB.' };
const comprehendAction = (id: string, name: string, description: string, command: string, withLanguage: boolean, value: Template): CatalogAction => ({
  ActionId: id,
  Name: name,
  Description: description,
  InputSchema: {
    type: 'object',
    required: ['Text'],
    properties: withLanguage ? { Text: comprehendText, LanguageCode: { enum: languages, default: 'en' } } : { Text: comprehendText },
  },
  aws: {
    client: '@aws-sdk/client-comprehend',
    command,
    signingName: 'comprehend',
    input: (withLanguage ? { Text: '$.Text', LanguageCode: '$.LanguageCode' } : { Text: '$.Text' }) as Template,
  },
  output: { value },
  idempotent: true,
});

export const comprehend: Catalog = {
  Type: 'AMAZON_COMPREHEND',
  Api: 'Amazon Comprehend (@aws-sdk/client-comprehend)',
  actions: [
    comprehendAction(
      'DetectSentiment',
      'Detect sentiment',
      'Returns the prevailing sentiment of a text (POSITIVE, NEGATIVE, NEUTRAL, MIXED) with scores.',
      'DetectSentimentCommand',
      true,
      { Sentiment: '$.Body.Sentiment', SentimentScore: '$.Body.SentimentScore' },
    ),
    comprehendAction(
      'DetectEntities',
      'Detect entities',
      'Finds named entities (people, places, organizations, dates, quantities, ...) in a text.',
      'DetectEntitiesCommand',
      true,
      { Entities: '$.Body.Entities' },
    ),
    comprehendAction(
      'DetectPiiEntities',
      'Detect PII',
      'Finds personally identifiable information (names, addresses, account numbers, ...) in a text, with offsets.',
      'DetectPiiEntitiesCommand',
      true,
      { Entities: '$.Body.Entities' },
    ),
    comprehendAction(
      'DetectDominantLanguage',
      'Detect language',
      'Returns the languages a text is written in, most likely first.',
      'DetectDominantLanguageCommand',
      false,
      { Languages: '$.Body.Languages' },
    ),
  ],
};

const medicalText = { type: 'string', minLength: 1, maxLength: 20_000 };
const medicalAction = (id: string, name: string, description: string, command: string): CatalogAction => ({
  ActionId: id,
  Name: name,
  Description: description,
  InputSchema: { type: 'object', required: ['Text'], properties: { Text: medicalText } },
  aws: { client: '@aws-sdk/client-comprehendmedical', command, signingName: 'comprehendmedical', input: { Text: '$.Text' } },
  output: { value: { Entities: '$.Body.Entities', UnmappedAttributes: '$.Body.UnmappedAttributes', ModelVersion: '$.Body.ModelVersion' } },
  idempotent: true,
});

export const comprehendMedical: Catalog = {
  Type: 'AMAZON_COMPREHEND_MEDICAL',
  Api: 'Amazon Comprehend Medical (@aws-sdk/client-comprehendmedical)',
  actions: [
    medicalAction(
      'DetectEntitiesV2',
      'Detect medical entities',
      'Finds medical conditions, medications, anatomy, tests, treatments and protected health information in clinical text.',
      'DetectEntitiesV2Command',
    ),
    medicalAction(
      'DetectPHI',
      'Detect PHI',
      'Finds protected health information (names, dates, identifiers, contact details) in clinical text.',
      'DetectPHICommand',
    ),
    medicalAction(
      'InferICD10CM',
      'Infer ICD-10-CM',
      'Links medical conditions in clinical text to ICD-10-CM codes, with confidence scores.',
      'InferICD10CMCommand',
    ),
    medicalAction('InferRxNorm', 'Infer RxNorm', 'Links medications in clinical text to RxNorm concepts, with confidence scores.', 'InferRxNormCommand'),
  ],
};

// (A function declaration: hoisted, so that the Textract actions appended above can use it.)
/** One field of an expense document (AnalyzeExpense): the normalized type, the label printed, the value. */
function expenseField(): Template {
  return {
    Type: '@.Type.Text',
    Label: '@.LabelDetection.Text',
    Value: '@.ValueDetection.Text',
    Confidence: '@.ValueDetection.Confidence',
    Currency: '@.Currency.Code',
    Page: '@.PageNumber',
  };
}
