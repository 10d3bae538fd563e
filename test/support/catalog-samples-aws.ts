// Sample invocations of the AWS AI types (issue 6): sent by the official client
// through the egress to a local endpoint standing in for the regional service
// endpoint, which verifies SigV4 for the service's signing name and answers.
import { EventStreamCodec } from '@smithy/core/event-streams';
import { fromUtf8, toUtf8 } from '@smithy/core/serde';
import type { ActionConnectorType } from '../../src/protocol/generated/model.js';

export interface AwsAiSample {
  type: ActionConnectorType;
  actionId: string;
  /** The service endpoint's host name (the client is pointed at it with the local port). */
  host: string;
  input: unknown;
  expect: {
    method: string;
    /** The path, percent-decoded. */
    path: string;
    /** For JSON-RPC services: the operation named by X-Amz-Target (after the service prefix). */
    target?: string;
    /** The request body, parsed (a subset match). */
    json?: Record<string, unknown>;
  };
  response: { status?: number; headers?: Record<string, string>; json?: unknown; body?: Buffer };
  result: { status: 'SUCCESS' | 'FAILED'; httpStatus: number; output: unknown };
}

const R = 'us-west-2';
const host = (service: string) => `${service}.${R}.amazonaws.com`;
export const AWS_AI_HOSTS = ['bedrock-runtime', 'bedrock-agent-runtime', 'bedrock-data-automation-runtime', 'textract', 'comprehend', 'comprehendmedical'].map(
  host,
);

const amzJson = { 'content-type': 'application/x-amz-json-1.1' };
const restJson = { 'content-type': 'application/json' };
const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const blocks = [
  { BlockType: 'PAGE', Id: 'p1', Geometry: { BoundingBox: { Width: 1, Height: 1, Left: 0, Top: 0 } } },
  { BlockType: 'LINE', Id: 'l1', Text: 'INVOICE 42', Confidence: 99.5 },
  { BlockType: 'WORD', Id: 'w1', Text: 'INVOICE', Confidence: 99.6 },
  { BlockType: 'LINE', Id: 'l2', Text: 'Total: $10.00', Confidence: 98.1 },
];
const codec = new EventStreamCodec(toUtf8, fromUtf8);
const event = (type: string, payload: unknown) =>
  Buffer.from(
    codec.encode({
      headers: {
        ':event-type': { type: 'string', value: type },
        ':message-type': { type: 'string', value: 'event' },
        ':content-type': { type: 'string', value: 'application/json' },
      },
      body: fromUtf8(JSON.stringify(payload)),
    }),
  );
const agentStream = Buffer.concat([
  event('chunk', { bytes: Buffer.from('Your order ').toString('base64') }),
  event('chunk', { bytes: Buffer.from('shipped today.').toString('base64') }),
]);
const MODEL = 'anthropic.claude-3-5-sonnet-20240620-v1:0';
const entity = {
  Id: 0,
  BeginOffset: 0,
  EndOffset: 10,
  Score: 0.99,
  Text: 'Jane Smith',
  Category: 'PROTECTED_HEALTH_INFORMATION',
  Type: 'NAME',
  Traits: [],
  Attributes: [],
};

export const AWS_AI_SAMPLES: AwsAiSample[] = [
  // ── AMAZON_BEDROCK_RUNTIME ─────────────────────────────────────────────────
  {
    type: 'AMAZON_BEDROCK_RUNTIME',
    actionId: 'Converse',
    host: host('bedrock-runtime'),
    input: { ModelId: MODEL, Prompt: 'Summarize: the server is on fire.', System: 'Be brief.', MaxTokens: 100, Temperature: 0.2 },
    expect: {
      method: 'POST',
      path: `/model/${MODEL}/converse`,
      json: {
        messages: [{ role: 'user', content: [{ text: 'Summarize: the server is on fire.' }] }],
        system: [{ text: 'Be brief.' }],
        inferenceConfig: { maxTokens: 100, temperature: 0.2 },
      },
    },
    response: {
      headers: restJson,
      json: {
        output: { message: { role: 'assistant', content: [{ text: 'A server ' }, { text: 'is burning.' }] } },
        stopReason: 'end_turn',
        usage: { inputTokens: 12, outputTokens: 5, totalTokens: 17 },
        metrics: { latencyMs: 420 },
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Text: 'A server is burning.',
        Message: { role: 'assistant', content: [{ text: 'A server ' }, { text: 'is burning.' }] },
        StopReason: 'end_turn',
        Usage: { inputTokens: 12, outputTokens: 5, totalTokens: 17 },
      },
    },
  },
  {
    type: 'AMAZON_BEDROCK_RUNTIME',
    actionId: 'InvokeModel',
    host: host('bedrock-runtime'),
    input: { ModelId: 'amazon.titan-embed-text-v2:0', Body: { inputText: 'hello', dimensions: 4 } },
    expect: { method: 'POST', path: '/model/amazon.titan-embed-text-v2:0/invoke', json: { inputText: 'hello', dimensions: 4 } },
    response: { headers: restJson, json: { embedding: [0.1, -0.2, 0.3, 0.4], inputTextTokenCount: 1 } },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: { Body: { embedding: [0.1, -0.2, 0.3, 0.4], inputTextTokenCount: 1 }, ContentType: 'application/json' },
    },
  },
  {
    type: 'AMAZON_BEDROCK_RUNTIME',
    actionId: 'Converse',
    host: host('bedrock-runtime'),
    input: { ModelId: 'unknown.model-v1:0', Prompt: 'hi' },
    expect: { method: 'POST', path: '/model/unknown.model-v1:0/converse' },
    response: {
      status: 400,
      headers: { ...restJson, 'x-amzn-errortype': 'ValidationException' },
      json: { message: 'The provided model identifier is invalid.' },
    },
    result: { status: 'FAILED', httpStatus: 400, output: { Code: 'ValidationException', Message: 'The provided model identifier is invalid.' } },
  },

  // ── AMAZON_BEDROCK_AGENT_RUNTIME ───────────────────────────────────────────
  {
    type: 'AMAZON_BEDROCK_AGENT_RUNTIME',
    actionId: 'Retrieve',
    host: host('bedrock-agent-runtime'),
    input: { KnowledgeBaseId: 'KB12345678', Query: 'refund policy', NumberOfResults: 2 },
    expect: {
      method: 'POST',
      path: '/knowledgebases/KB12345678/retrieve',
      json: { retrievalQuery: { text: 'refund policy' }, retrievalConfiguration: { vectorSearchConfiguration: { numberOfResults: 2 } } },
    },
    response: {
      headers: restJson,
      json: {
        retrievalResults: [
          {
            content: { text: 'Refunds within 30 days.' },
            score: 0.87,
            location: { type: 'S3', s3Location: { uri: 's3://docs/policy.pdf' } },
            metadata: { page: 3 },
          },
        ],
        nextToken: 'nt-2',
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Results: [
          { Text: 'Refunds within 30 days.', Score: 0.87, Location: { type: 'S3', s3Location: { uri: 's3://docs/policy.pdf' } }, Metadata: { page: 3 } },
        ],
        NextToken: 'nt-2',
      },
    },
  },
  {
    type: 'AMAZON_BEDROCK_AGENT_RUNTIME',
    actionId: 'RetrieveAndGenerate',
    host: host('bedrock-agent-runtime'),
    input: { KnowledgeBaseId: 'KB12345678', ModelArn: `arn:aws:bedrock:${R}::foundation-model/${MODEL}`, Query: 'What is the refund policy?' },
    expect: {
      method: 'POST',
      path: '/retrieveAndGenerate',
      json: {
        input: { text: 'What is the refund policy?' },
        retrieveAndGenerateConfiguration: {
          type: 'KNOWLEDGE_BASE',
          knowledgeBaseConfiguration: { knowledgeBaseId: 'KB12345678', modelArn: `arn:aws:bedrock:${R}::foundation-model/${MODEL}` },
        },
      },
    },
    response: {
      headers: restJson,
      json: {
        output: { text: 'Refunds are accepted within 30 days.' },
        citations: [
          {
            generatedResponsePart: { textResponsePart: { text: 'Refunds are accepted within 30 days.', span: { start: 0, end: 36 } } },
            retrievedReferences: [],
          },
        ],
        sessionId: 'sess-1',
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Text: 'Refunds are accepted within 30 days.',
        Citations: [
          {
            generatedResponsePart: { textResponsePart: { text: 'Refunds are accepted within 30 days.', span: { start: 0, end: 36 } } },
            retrievedReferences: [],
          },
        ],
        SessionId: 'sess-1',
      },
    },
  },
  {
    type: 'AMAZON_BEDROCK_AGENT_RUNTIME',
    actionId: 'InvokeAgent',
    host: host('bedrock-agent-runtime'),
    input: { AgentId: 'AGENT12345', AgentAliasId: 'ALIAS12345', SessionId: 'user-42', InputText: 'Where is my order?' },
    expect: { method: 'POST', path: '/agents/AGENT12345/agentAliases/ALIAS12345/sessions/user-42/text', json: { inputText: 'Where is my order?' } },
    response: {
      headers: {
        'content-type': 'application/vnd.amazon.eventstream',
        'x-amzn-bedrock-agent-content-type': 'application/json',
        'x-amz-bedrock-agent-session-id': 'user-42',
      },
      body: agentStream,
    },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Completion: 'Your order shipped today.', SessionId: 'user-42' } },
  },

  // ── AMAZON_BEDROCK_DATA_AUTOMATION_RUNTIME ─────────────────────────────────
  {
    type: 'AMAZON_BEDROCK_DATA_AUTOMATION_RUNTIME',
    actionId: 'InvokeDataAutomationAsync',
    host: host('bedrock-data-automation-runtime'),
    input: {
      InputS3Uri: 's3://docs/in/invoice.pdf',
      OutputS3Uri: 's3://docs/out/',
      DataAutomationProfileArn: `arn:aws:bedrock:${R}:111122223333:data-automation-profile/us.data-automation-v1`,
      DataAutomationProjectArn: `arn:aws:bedrock:${R}:111122223333:data-automation-project/abc123`,
      Stage: 'LIVE',
    },
    expect: {
      method: 'POST',
      path: '/',
      target: 'InvokeDataAutomationAsync',
      json: {
        inputConfiguration: { s3Uri: 's3://docs/in/invoice.pdf' },
        outputConfiguration: { s3Uri: 's3://docs/out/' },
        dataAutomationProfileArn: `arn:aws:bedrock:${R}:111122223333:data-automation-profile/us.data-automation-v1`,
        dataAutomationConfiguration: { dataAutomationProjectArn: `arn:aws:bedrock:${R}:111122223333:data-automation-project/abc123`, stage: 'LIVE' },
      },
    },
    response: { headers: amzJson, json: { invocationArn: `arn:aws:bedrock:${R}:111122223333:data-automation-invocation/inv-1` } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { InvocationArn: `arn:aws:bedrock:${R}:111122223333:data-automation-invocation/inv-1` } },
  },
  {
    type: 'AMAZON_BEDROCK_DATA_AUTOMATION_RUNTIME',
    actionId: 'GetDataAutomationStatus',
    host: host('bedrock-data-automation-runtime'),
    input: { InvocationArn: `arn:aws:bedrock:${R}:111122223333:data-automation-invocation/inv-1` },
    expect: {
      method: 'POST',
      path: '/',
      target: 'GetDataAutomationStatus',
      json: { invocationArn: `arn:aws:bedrock:${R}:111122223333:data-automation-invocation/inv-1` },
    },
    response: { headers: amzJson, json: { status: 'Success', outputConfiguration: { s3Uri: 's3://docs/out/inv-1/job_metadata.json' } } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Status: 'Success', OutputS3Uri: 's3://docs/out/inv-1/job_metadata.json' } },
  },

  // ── AMAZON_TEXTRACT ────────────────────────────────────────────────────────
  {
    type: 'AMAZON_TEXTRACT',
    actionId: 'DetectDocumentText',
    host: host('textract'),
    input: { Document: png.toString('base64') },
    expect: { method: 'POST', path: '/', target: 'DetectDocumentText', json: { Document: { Bytes: png.toString('base64') } } },
    response: { headers: amzJson, json: { DocumentMetadata: { Pages: 1 }, Blocks: blocks, DetectDocumentTextModelVersion: '1.0' } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Lines: ['INVOICE 42', 'Total: $10.00'], Blocks: blocks, Pages: 1 } },
  },
  {
    type: 'AMAZON_TEXTRACT',
    actionId: 'AnalyzeDocument',
    host: host('textract'),
    input: { S3Bucket: 'docs', S3Key: 'in/invoice.png', FeatureTypes: ['QUERIES'], Queries: [{ Text: 'What is the total?', Alias: 'TOTAL' }] },
    expect: {
      method: 'POST',
      path: '/',
      target: 'AnalyzeDocument',
      json: {
        Document: { S3Object: { Bucket: 'docs', Name: 'in/invoice.png' } },
        FeatureTypes: ['QUERIES'],
        QueriesConfig: { Queries: [{ Text: 'What is the total?', Alias: 'TOTAL' }] },
      },
    },
    response: { headers: amzJson, json: { DocumentMetadata: { Pages: 1 }, Blocks: blocks } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Lines: ['INVOICE 42', 'Total: $10.00'], Blocks: blocks, Pages: 1 } },
  },
  {
    type: 'AMAZON_TEXTRACT',
    actionId: 'StartDocumentAnalysis',
    host: host('textract'),
    input: { S3Bucket: 'docs', S3Key: 'in/contract.pdf', FeatureTypes: ['TABLES', 'FORMS'], JobTag: 'contracts' },
    expect: {
      method: 'POST',
      path: '/',
      target: 'StartDocumentAnalysis',
      json: { DocumentLocation: { S3Object: { Bucket: 'docs', Name: 'in/contract.pdf' } }, FeatureTypes: ['TABLES', 'FORMS'], JobTag: 'contracts' },
    },
    response: { headers: amzJson, json: { JobId: '7f3c1a2b4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8' } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { JobId: '7f3c1a2b4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8' } },
  },
  {
    type: 'AMAZON_TEXTRACT',
    actionId: 'GetDocumentAnalysis',
    host: host('textract'),
    input: { JobId: 'job-1', MaxResults: 100 },
    expect: { method: 'POST', path: '/', target: 'GetDocumentAnalysis', json: { JobId: 'job-1', MaxResults: 100 } },
    response: { headers: amzJson, json: { JobStatus: 'SUCCEEDED', DocumentMetadata: { Pages: 3 }, Blocks: blocks, NextToken: 'page-2' } },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: { JobStatus: 'SUCCEEDED', Lines: ['INVOICE 42', 'Total: $10.00'], Blocks: blocks, Pages: 3, NextToken: 'page-2' },
    },
  },

  // ── AMAZON_COMPREHEND ──────────────────────────────────────────────────────
  {
    type: 'AMAZON_COMPREHEND',
    actionId: 'DetectSentiment',
    host: host('comprehend'),
    input: { Text: 'I love this product!' },
    expect: { method: 'POST', path: '/', target: 'DetectSentiment', json: { Text: 'I love this product!', LanguageCode: 'en' } },
    response: { headers: amzJson, json: { Sentiment: 'POSITIVE', SentimentScore: { Positive: 0.99, Negative: 0.001, Neutral: 0.008, Mixed: 0.001 } } },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: { Sentiment: 'POSITIVE', SentimentScore: { Positive: 0.99, Negative: 0.001, Neutral: 0.008, Mixed: 0.001 } },
    },
  },
  {
    type: 'AMAZON_COMPREHEND',
    actionId: 'DetectEntities',
    host: host('comprehend'),
    input: { Text: 'Jane Smith flew to Seattle on Monday.', LanguageCode: 'en' },
    expect: { method: 'POST', path: '/', target: 'DetectEntities', json: { Text: 'Jane Smith flew to Seattle on Monday.', LanguageCode: 'en' } },
    response: {
      headers: amzJson,
      json: {
        Entities: [
          { Score: 0.99, Type: 'PERSON', Text: 'Jane Smith', BeginOffset: 0, EndOffset: 10 },
          { Score: 0.98, Type: 'LOCATION', Text: 'Seattle', BeginOffset: 19, EndOffset: 26 },
        ],
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Entities: [
          { Score: 0.99, Type: 'PERSON', Text: 'Jane Smith', BeginOffset: 0, EndOffset: 10 },
          { Score: 0.98, Type: 'LOCATION', Text: 'Seattle', BeginOffset: 19, EndOffset: 26 },
        ],
      },
    },
  },
  {
    type: 'AMAZON_COMPREHEND',
    actionId: 'DetectPiiEntities',
    host: host('comprehend'),
    input: { Text: 'My SSN is 123-45-6789.' },
    expect: { method: 'POST', path: '/', target: 'DetectPiiEntities', json: { Text: 'My SSN is 123-45-6789.', LanguageCode: 'en' } },
    response: { headers: amzJson, json: { Entities: [{ Score: 0.999, Type: 'SSN', BeginOffset: 10, EndOffset: 21 }] } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Entities: [{ Score: 0.999, Type: 'SSN', BeginOffset: 10, EndOffset: 21 }] } },
  },
  {
    type: 'AMAZON_COMPREHEND',
    actionId: 'DetectDominantLanguage',
    host: host('comprehend'),
    input: { Text: 'Bonjour tout le monde' },
    expect: { method: 'POST', path: '/', target: 'DetectDominantLanguage', json: { Text: 'Bonjour tout le monde' } },
    response: { headers: amzJson, json: { Languages: [{ LanguageCode: 'fr', Score: 0.99 }] } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Languages: [{ LanguageCode: 'fr', Score: 0.99 }] } },
  },
  {
    type: 'AMAZON_COMPREHEND',
    actionId: 'DetectSentiment',
    host: host('comprehend'),
    input: { Text: 'x', LanguageCode: 'ja' },
    expect: { method: 'POST', path: '/', target: 'DetectSentiment' },
    response: {
      status: 400,
      headers: amzJson,
      json: { __type: 'com.amazonaws.comprehend#TextSizeLimitExceededException', Message: 'Input text size exceeds limit.' },
    },
    result: { status: 'FAILED', httpStatus: 400, output: { Code: 'TextSizeLimitExceededException', Message: 'Input text size exceeds limit.' } },
  },

  // ── AMAZON_COMPREHEND_MEDICAL ──────────────────────────────────────────────
  ...(['DetectEntitiesV2', 'DetectPHI', 'InferICD10CM', 'InferRxNorm'] as const).map(
    (actionId): AwsAiSample => ({
      type: 'AMAZON_COMPREHEND_MEDICAL',
      actionId,
      host: host('comprehendmedical'),
      input: { Text: 'Jane Smith, 42, takes 20 mg lisinopril daily for hypertension.' },
      expect: { method: 'POST', path: '/', target: actionId, json: { Text: 'Jane Smith, 42, takes 20 mg lisinopril daily for hypertension.' } },
      response: { headers: amzJson, json: { Entities: [entity], ModelVersion: '2.4.0' } },
      result: { status: 'SUCCESS', httpStatus: 200, output: { Entities: [entity], ModelVersion: '2.4.0' } },
    }),
  ),
];
