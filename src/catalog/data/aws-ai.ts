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
      Name: 'Converse with a model',
      Description:
        "Sends a prompt (or a whole conversation in Converse message form) to a model and returns Text (the answer), Message (to append to Messages for the next turn), StopReason and Usage (input and output tokens). Use it for chat, summaries, drafting and extraction with any model that supports Converse; the model must be enabled in the connector's account and Region. MaxTokens caps the answer (StopReason max_tokens when it was cut).",
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
      Examples: [
        {
          Title: 'Summarise a text with Claude',
          Input: {
            ModelId: 'anthropic.claude-3-5-sonnet-20240620-v1:0',
            Prompt: 'Summarise in three bullet points: our Q3 revenue grew 12% while support tickets fell by a fifth.',
            MaxTokens: 512,
            Temperature: 0.2,
          },
        },
        {
          Title: 'Continue a conversation with Nova through an inference profile',
          Input: {
            ModelId: 'us.amazon.nova-lite-v1:0',
            System: 'You answer in one short paragraph.',
            Messages: [
              { role: 'user', content: [{ text: 'What is an S3 bucket?' }] },
              { role: 'assistant', content: [{ text: 'A container for objects stored in Amazon S3.' }] },
              { role: 'user', content: [{ text: 'How do I make one private?' }] },
            ],
          },
        },
      ],
      reference: 'https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html',
    },
    {
      ActionId: 'InvokeModel',
      Name: 'Invoke model',
      Description:
        "Sends a request body in the model's own format (e.g. Anthropic Messages, Titan or Cohere embeddings) and returns Body, the model's response (parsed when JSON), and its ContentType. Use it for embeddings and for model features Converse does not cover; for chat prefer Converse, which takes one format for every model.",
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
      Examples: [
        {
          Title: 'Embed a sentence with Titan Text Embeddings V2',
          Input: { ModelId: 'amazon.titan-embed-text-v2:0', Body: { inputText: 'How do I reset my password?', dimensions: 512, normalize: true } },
        },
        {
          Title: 'Ask Claude in the Anthropic Messages format',
          Input: {
            ModelId: 'anthropic.claude-3-5-sonnet-20240620-v1:0',
            Body: { anthropic_version: 'bedrock-2023-05-31', max_tokens: 256, messages: [{ role: 'user', content: 'Name three uses of a knowledge base.' }] },
          },
        },
      ],
      reference: 'https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_InvokeModel.html',
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
      Description:
        "Returns the passages of a knowledge base most relevant to a query, as Results (Text, Score, Location of the source document, Metadata), and NextToken while more remain. Use it to ground an answer in the organization's documents without generating text; RetrieveAndGenerate also writes the answer.",
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
      Examples: [
        {
          Title: 'Find the passages about travel expenses',
          Input: { KnowledgeBaseId: 'KB12345678', Query: 'What is the daily meal allowance on business trips?', NumberOfResults: 5 },
        },
      ],
      reference: 'https://docs.aws.amazon.com/bedrock/latest/APIReference/API_agent-runtime_Retrieve.html',
    },
    {
      ActionId: 'RetrieveAndGenerate',
      Name: 'Answer from a knowledge base',
      Description:
        "Answers a question from a knowledge base with a model and returns Text (the answer), Citations (the passages used, with their source locations) and SessionId; pass SessionId back to ask a follow-up in the same conversation. ModelArn is the generating model's ARN (a foundation model or an inference profile).",
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
      Examples: [
        {
          Title: 'Answer a policy question with Claude',
          Input: {
            KnowledgeBaseId: 'KB12345678',
            ModelArn: 'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0',
            Query: 'How many vacation days do new employees get?',
          },
        },
        {
          Title: 'Ask a follow-up in the same session',
          Input: {
            KnowledgeBaseId: 'KB12345678',
            ModelArn: 'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0',
            Query: 'And after five years?',
            SessionId: '3f5c1f7e-9a51-4d6b-8f0e-2b1c7d9e4a10',
          },
        },
      ],
      reference: 'https://docs.aws.amazon.com/bedrock/latest/APIReference/API_agent-runtime_RetrieveAndGenerate.html',
    },
    {
      ActionId: 'InvokeAgent',
      Name: 'Invoke an agent',
      Description:
        "Sends a message to a Bedrock agent (through one of its aliases) in a session and returns Completion, the agent's whole answer as text, and SessionId. Reuse the same SessionId for follow-ups (the agent keeps the conversation and its session state); EndSession true closes the session.",
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
      Examples: [
        {
          Title: 'Ask the support agent about an order',
          Input: { AgentId: 'AGENT12345', AgentAliasId: 'TSTALIASID', SessionId: 'customer-4711', InputText: 'Where is my order 100234?' },
        },
      ],
      reference: 'https://docs.aws.amazon.com/bedrock/latest/APIReference/API_agent-runtime_InvokeAgent.html',
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
      Description:
        'Starts processing a document, image, audio or video in S3 with a data automation project and returns InvocationArn at once; the results are written under OutputS3Uri when done. Poll GetDataAutomationStatus with InvocationArn until Status is Success (or an error). The same ClientToken makes a retried start idempotent.',
      InputSchema: {
        type: 'object',
        required: ['InputS3Uri', 'OutputS3Uri', 'DataAutomationProfileArn'],
        properties: {
          InputS3Uri: s3Uri,
          OutputS3Uri: s3Uri,
          DataAutomationProfileArn: arn,
          DataAutomationProjectArn: arn,
          Stage: { enum: ['LIVE', 'DEVELOPMENT'], description: "The project's stage (with DataAutomationProjectArn)." },
          ClientToken: { type: 'string', pattern: '^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,256}$' },
        },
        // The SDK model: dataAutomationConfiguration requires dataAutomationProjectArn.
        dependencies: { Stage: ['DataAutomationProjectArn'] },
      },
      aws: {
        client: '@aws-sdk/client-bedrock-data-automation-runtime',
        command: 'InvokeDataAutomationAsyncCommand',
        signingName: 'bedrock',
        input: {
          inputConfiguration: { s3Uri: '$.InputS3Uri' },
          outputConfiguration: { s3Uri: '$.OutputS3Uri' },
          dataAutomationProfileArn: '$.DataAutomationProfileArn',
          dataAutomationConfiguration: {
            $if: '$.DataAutomationProjectArn',
            $then: { dataAutomationProjectArn: '$.DataAutomationProjectArn', stage: '$.Stage' },
          },
          clientToken: '$.ClientToken',
        },
      },
      output: { value: { InvocationArn: '$.Body.invocationArn' } },
      idempotent: false,
      Examples: [
        {
          Title: 'Extract an invoice in S3 with a project',
          Input: {
            InputS3Uri: 's3://example-docs/invoices/inv-2025-001.pdf',
            OutputS3Uri: 's3://example-docs/bda-output/',
            DataAutomationProfileArn: 'arn:aws:bedrock:us-east-1:123456789012:data-automation-profile/us.data-automation-v1',
            DataAutomationProjectArn: 'arn:aws:bedrock:us-east-1:123456789012:data-automation-project/a1b2c3d4e5f6',
            Stage: 'LIVE',
          },
        },
      ],
      reference: 'https://docs.aws.amazon.com/bedrock/latest/APIReference/API_data-automation-runtime_InvokeDataAutomationAsync.html',
    },
    {
      ActionId: 'GetDataAutomationStatus',
      Name: 'Get data automation status',
      Description:
        "Returns the Status of a data automation invocation (Created, InProgress, Success, ServiceError or ClientError) and, once it succeeded, OutputS3Uri (the S3 location of the job's output metadata); on failure ErrorType and ErrorMessage. Call it after InvokeDataAutomationAsync until Status is no longer Created or InProgress.",
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
      Examples: [
        {
          Title: 'Check an invoice extraction',
          Input: { InvocationArn: 'arn:aws:bedrock:us-east-1:123456789012:data-automation-invocation/3f5c1f7e-9a51-4d6b-8f0e-2b1c7d9e4a10' },
        },
      ],
      reference: 'https://docs.aws.amazon.com/bedrock/latest/APIReference/API_data-automation-runtime_GetDataAutomationStatus.html',
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
      Description:
        `Reads the text of a single-page document (PNG, JPEG, TIFF or PDF) given as base64 (at most ${DOC_MAX} bytes) or as an S3 object, synchronously. ` +
        'Returns Lines (the text, line by line, in reading order), Blocks (every PAGE, LINE and WORD block with its Text, Confidence, Geometry and Relationships) and Pages (the page count). ' +
        'For tables, forms or queries use AnalyzeDocument; for a multi-page PDF, StartDocumentAnalysis.',
      InputSchema: { type: 'object', oneOf: [{ required: ['Document'] }, { required: ['S3Bucket', 'S3Key'] }], properties: documentInput },
      aws: { client: TEXTRACT, command: 'DetectDocumentTextCommand', signingName: 'textract', input: { Document: document } },
      output: { value: blocksOut },
      binary: { maxBytes: DOC_MAX },
      idempotent: true,
      Examples: [
        { Title: 'Read the text of a scanned letter in S3', Input: { S3Bucket: 'scans', S3Key: 'inbox/2025-06-03-letter.png' } },
        {
          Title: 'Read the text of an image given as base64',
          Input: { Document: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==' },
        },
      ],
      reference: 'https://docs.aws.amazon.com/textract/latest/dg/API_DetectDocumentText.html',
    },
    {
      ActionId: 'AnalyzeDocument',
      Name: 'Analyze document',
      Description:
        `Extracts tables, forms (key-value pairs), signatures, layout, and answers to queries (up to 30) from a single-page document given as base64 (at most ${DOC_MAX} bytes) or as an S3 object, synchronously. ` +
        'Returns Lines (the text, line by line), Blocks (PAGE, LINE, WORD, TABLE, CELL, KEY_VALUE_SET, SIGNATURE, LAYOUT_*, QUERY and QUERY_RESULT blocks with Text, Confidence, Geometry and the Relationships that tie keys to values and cells to tables) and Pages. ' +
        'A QUERY block carries the query Alias; its answer is the QUERY_RESULT block it points to. For a multi-page PDF use StartDocumentAnalysis.',
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
      Examples: [
        {
          Title: 'Extract the tables and form fields of a form in S3',
          Input: { S3Bucket: 'forms', S3Key: 'applications/2025/0042.png', FeatureTypes: ['TABLES', 'FORMS'] },
        },
        {
          Title: 'Ask questions of a document given as base64',
          Input: {
            Document: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
            FeatureTypes: ['QUERIES'],
            Queries: [{ Text: 'What is the policy number?', Alias: 'PolicyNumber' }],
          },
        },
      ],
      reference: 'https://docs.aws.amazon.com/textract/latest/dg/API_AnalyzeDocument.html',
    },
    {
      ActionId: 'StartDocumentAnalysis',
      Name: 'Start document analysis',
      Description:
        'Starts analyzing a document in S3 asynchronously (multi-page PDF or TIFF, or an image) for tables, forms, signatures, layout and queries. ' +
        'Returns JobId: poll GetDocumentAnalysis with it until JobStatus is SUCCEEDED. The same ClientRequestToken returns the same JobId instead of starting a second job.',
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
      Examples: [
        {
          Title: 'Analyze the tables and forms of a multi-page contract',
          Input: { S3Bucket: 'contracts', S3Key: 'signed/2025/acme-msa.pdf', FeatureTypes: ['TABLES', 'FORMS'], JobTag: 'acme-msa' },
        },
        {
          Title: 'Ask questions of a multi-page PDF',
          Input: {
            S3Bucket: 'claims',
            S3Key: 'incoming/claim-7781.pdf',
            FeatureTypes: ['QUERIES'],
            Queries: [{ Text: 'What is the claim number?', Alias: 'ClaimNumber' }],
            ClientRequestToken: 'claim-7781',
          },
        },
      ],
      reference: 'https://docs.aws.amazon.com/textract/latest/dg/API_StartDocumentAnalysis.html',
    },
    {
      ActionId: 'GetDocumentAnalysis',
      Name: 'Get document analysis',
      Description:
        'Returns the status of a StartDocumentAnalysis job and, once it succeeded, its results a page of blocks at a time: JobStatus (IN_PROGRESS, SUCCEEDED, FAILED, PARTIAL_SUCCESS), StatusMessage when it failed, ' +
        'Lines (the text of this page of results, line by line), Blocks (with Text, Confidence, Geometry, Page and Relationships), Pages (the page count) and NextToken while more blocks remain. ' +
        'Results are kept 7 days after the job completes.',
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
      Examples: [
        { Title: 'Check an analysis job', Input: { JobId: '3ad4b1d0f8a6c2e9b7d5e1f0a9c8b7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0' } },
        {
          Title: 'Read the next page of results',
          Input: { JobId: '3ad4b1d0f8a6c2e9b7d5e1f0a9c8b7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0', MaxResults: 1000, NextToken: 'eyJwYWdlIjoyfQ==' },
        },
      ],
      reference: 'https://docs.aws.amazon.com/textract/latest/dg/API_GetDocumentAnalysis.html',
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

// Comprehend's LanguageCode enum (@aws-sdk/client-comprehend's `LanguageCode`).
const languages = ['en', 'es', 'fr', 'de', 'it', 'pt', 'ar', 'hi', 'ja', 'ko', 'zh', 'zh-TW'];
/**
 * Comprehend's text: the SDK documents the limits in UTF-8 bytes ("The maximum string size
 * is 100 KB", 5 KB for DetectSentiment). maxLength counts characters (as many as the bytes
 * at most), maxBytes the UTF-8 bytes themselves (catalog/input.ts).
 */
const comprehendText = (maxBytes: number, minLength = 1) => ({
  type: 'string',
  minLength,
  maxLength: maxBytes,
  maxBytes,
  description: `UTF-8 text, at most ${maxBytes} bytes${minLength > 1 ? ` and at least ${minLength} characters` : ''}.`,
});
interface ComprehendSpec {
  id: string;
  name: string;
  description: string;
  command: string;
  /** The LanguageCode values the operation takes (none: it takes no LanguageCode). */
  languages?: string[];
  maxBytes: number;
  minLength?: number;
  value: Template;
  example: string;
}
const comprehendAction = (c: ComprehendSpec): CatalogAction => ({
  ActionId: c.id,
  Name: c.name,
  Description: c.description,
  InputSchema: {
    type: 'object',
    required: ['Text'],
    properties: c.languages
      ? { Text: comprehendText(c.maxBytes, c.minLength), LanguageCode: { enum: c.languages, default: 'en' } }
      : { Text: comprehendText(c.maxBytes, c.minLength) },
  },
  aws: {
    client: '@aws-sdk/client-comprehend',
    command: c.command,
    signingName: 'comprehend',
    input: (c.languages ? { Text: '$.Text', LanguageCode: '$.LanguageCode' } : { Text: '$.Text' }) as Template,
  },
  output: { value: c.value },
  idempotent: true,
  reference: `https://docs.aws.amazon.com/comprehend/latest/APIReference/API_${c.id}.html`,
  requires: { scopes: [`comprehend:${c.id}`] },
  Examples: [{ Title: c.name, Input: c.languages ? { Text: c.example, LanguageCode: 'en' } : { Text: c.example } }],
});

export const comprehend: Catalog = {
  Type: 'AMAZON_COMPREHEND',
  Api: 'Amazon Comprehend (@aws-sdk/client-comprehend)',
  actions: [
    comprehendAction({
      id: 'DetectSentiment',
      name: 'Detect sentiment',
      description:
        'Returns the prevailing sentiment of a text (POSITIVE, NEGATIVE, NEUTRAL, MIXED) with a score for each. Text is at most 5000 bytes in UTF-8 (5 KB); split longer text and detect each part.',
      command: 'DetectSentimentCommand',
      languages,
      maxBytes: 5000,
      value: { Sentiment: '$.Body.Sentiment', SentimentScore: '$.Body.SentimentScore' },
      example: 'The delivery was late, but support sorted it out quickly. Happy overall!',
    }),
    comprehendAction({
      id: 'DetectEntities',
      name: 'Detect entities',
      description:
        'Finds named entities (people, places, organizations, dates, quantities, ...) in a text, with type, score and offsets. Text is at most 100 KB in UTF-8.',
      command: 'DetectEntitiesCommand',
      languages,
      maxBytes: 100_000,
      value: { Entities: '$.Body.Entities' },
      example: 'Jane Doe joined Example Corp in Seattle on 3 March 2025.',
    }),
    comprehendAction({
      id: 'DetectPiiEntities',
      name: 'Detect PII',
      description:
        'Finds personally identifiable information (names, addresses, account numbers, SSNs, ...) in an English or Spanish text (LanguageCode en or es only). ' +
        'Returns Entities: each with Type (NAME, ADDRESS, EMAIL, PHONE, SSN, BANK_ACCOUNT_NUMBER, CREDIT_DEBIT_NUMBER, ...), Score, BeginOffset and EndOffset (character offsets into Text; the entity text itself is not returned). Text is at most 100 KB in UTF-8.',
      command: 'DetectPiiEntitiesCommand',
      // The SDK: "Enter the language code for English (en) or Spanish (es)".
      languages: ['en', 'es'],
      maxBytes: 100_000,
      value: { Entities: '$.Body.Entities' },
      example: 'Call me at 206-555-0100 or write to jane@example.com.',
    }),
    comprehendAction({
      id: 'DetectDominantLanguage',
      name: 'Detect language',
      description: 'Returns the languages a text is written in (RFC 5646 codes), most likely first, with scores. Text is 20 characters to 100 KB in UTF-8.',
      command: 'DetectDominantLanguageCommand',
      maxBytes: 100_000,
      // The SDK: "The string must contain at least 20 characters."
      minLength: 20,
      value: { Languages: '$.Body.Languages' },
      example: 'Bonjour, je voudrais réserver une table pour deux personnes.',
    }),
  ],
};

// Comprehend Medical's Text: at most 20,000 characters for DetectEntitiesV2 and DetectPHI, 10,000 for the
// ontology-linking InferICD10CM and InferRxNorm (the API reference's length constraints; the SDK does not carry them).
const medicalAction = (id: string, name: string, description: string, command: string, maxLength: number, example: string): CatalogAction => ({
  ActionId: id,
  Name: name,
  Description: `${description} Text is at most ${maxLength} characters.`,
  InputSchema: { type: 'object', required: ['Text'], properties: { Text: { type: 'string', minLength: 1, maxLength } } },
  aws: { client: '@aws-sdk/client-comprehendmedical', command, signingName: 'comprehendmedical', input: { Text: '$.Text' } },
  output: { value: { Entities: '$.Body.Entities', UnmappedAttributes: '$.Body.UnmappedAttributes', ModelVersion: '$.Body.ModelVersion' } },
  idempotent: true,
  reference: `https://docs.aws.amazon.com/comprehend-medical/latest/api/API_${id}.html`,
  Examples: [{ Title: name, Input: { Text: example } }],
});

const NOTE = 'Patient is a 42-year-old male with type 2 diabetes, prescribed metformin 500 mg twice daily.';

export const comprehendMedical: Catalog = {
  Type: 'AMAZON_COMPREHEND_MEDICAL',
  Api: 'Amazon Comprehend Medical (@aws-sdk/client-comprehendmedical)',
  actions: [
    medicalAction(
      'DetectEntitiesV2',
      'Detect medical entities',
      'Finds medical conditions, medications, anatomy, tests, treatments and protected health information in clinical text. ' +
        'Returns Entities: each with Id, Text, Category (MEDICAL_CONDITION, MEDICATION, ANATOMY, TEST_TREATMENT_PROCEDURE, PROTECTED_HEALTH_INFORMATION, ...), Type, Score, BeginOffset, EndOffset, ' +
        'Traits (e.g. NEGATION, DIAGNOSIS) and Attributes (e.g. the DOSAGE and FREQUENCY of a medication); UnmappedAttributes (attributes not tied to an entity) and ModelVersion.',
      'DetectEntitiesV2Command',
      20_000,
      NOTE,
    ),
    medicalAction(
      'DetectPHI',
      'Detect PHI',
      'Finds protected health information (names, dates, identifiers, contact details) in clinical text. ' +
        'Returns Entities: each with Id, Text, Category PROTECTED_HEALTH_INFORMATION, Type (NAME, DATE, AGE, ID, ADDRESS, PHONE_OR_FAX, EMAIL, ...), Score, BeginOffset and EndOffset; and ModelVersion.',
      'DetectPHICommand',
      20_000,
      'John Smith, DOB 01/02/1980, MRN 123456, seen at Anytown Clinic on 2025-03-01.',
    ),
    medicalAction(
      'InferICD10CM',
      'Infer ICD-10-CM',
      'Links medical conditions in clinical text to ICD-10-CM codes. ' +
        'Returns Entities: each condition with Id, Text, Category, Type, Score, BeginOffset, EndOffset, Traits, Attributes and ICD10CMConcepts (Code, Description, Score; most likely first); and ModelVersion.',
      'InferICD10CMCommand',
      10_000,
      NOTE,
    ),
    medicalAction(
      'InferRxNorm',
      'Infer RxNorm',
      'Links medications in clinical text to RxNorm concepts. ' +
        'Returns Entities: each medication with Id, Text, Category, Type, Score, BeginOffset, EndOffset, Traits, Attributes (DOSAGE, FREQUENCY, ROUTE_OR_MODE, ...) and RxNormConcepts (Code, Description, Score; most likely first); and ModelVersion.',
      'InferRxNormCommand',
      10_000,
      NOTE,
    ),
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
