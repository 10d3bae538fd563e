// The protocol layer is generated from the AWS service model and ActionBridge's
// extension model; these tests fail when a generated file or the model copy drifts.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { generate, readModels } from '../scripts/gen-model.mjs';
import { ACCOUNT, ADMIN, REGION, ROOT, startTestServer, type TestServer } from './helpers.js';
import { ActionBridgeClient } from '../src/client/index.js';
import { clientOperations } from '../src/protocol/generated/client.js';
import { fastifyPath } from '../src/protocol/http.js';
import { createExtensionOperations, createOperations } from '../src/ops/index.js';
import type { Services } from '../src/ops/services.js';
import type { RequestContext } from '../src/domain/types.js';
import type { ActionBridgeApi, OperationName } from '../src/protocol/generated/model.js';
import { operations, inputSchemas, shapeSchemas } from '../src/protocol/generated/model.js';

const modelFile = path.join(ROOT, 'model', 'quicksight-action-connectors.model.json');
const model = JSON.parse(readFileSync(modelFile, 'utf8'));
const extFile = path.join(ROOT, 'model', 'actionbridge-extensions.model.json');
const ext = JSON.parse(readFileSync(extFile, 'utf8'));

describe('model-derived protocol', () => {
  it('the committed generated files are what the generator makes from both models', () => {
    const files: Record<string, string> = generate(...readModels(ROOT));
    expect(Object.keys(files).sort()).toEqual(['client.ts', 'model.ts', 'types.ts'].map((f) => path.join('src', 'protocol', 'generated', f)));
    for (const [rel, text] of Object.entries(files)) expect(text, rel).toBe(readFileSync(path.join(ROOT, rel), 'utf8'));
  });

  const shared = path.join(ROOT, '..', 'shared', 'reference', 'quicksight-action-connectors.model.json');
  it.skipIf(!existsSync(shared))('the model copy equals the shared reference model', () => {
    expect(JSON.parse(readFileSync(shared, 'utf8'))).toEqual(model);
  });

  const allOperations = { ...model.operations, ...ext.operations };
  const allShapes = { ...model.shapes, ...ext.shapes };

  it('routes every operation of both models with its HTTP binding', () => {
    expect(Object.keys(operations).sort()).toEqual(Object.keys(allOperations).sort());
    for (const [name, op] of Object.entries<any>(allOperations)) {
      const ours = (operations as any)[name];
      expect(ours.method).toBe(op.http.method);
      expect(ours.uri).toBe(op.http.requestUri);
      expect(ours.errors).toEqual(op.errors.map((e: any) => e.shape));
    }
  });

  it('carries every constraint of every input member into the JSON Schemas', () => {
    for (const [name, op] of Object.entries<any>(allOperations)) {
      const defs = (shapeSchemas as any).$defs;
      expect((inputSchemas as any)[name].$ref).toBe(`quicksight-shapes#/$defs/${op.input.shape}`);
      for (const [shapeName, shape] of Object.entries<any>(allShapes)) {
        const d = defs[shapeName];
        if (!d) continue;
        if (shape.max !== undefined) expect(d.maxLength ?? d.maxItems ?? d.maximum).toBe(shape.max);
        if (shape.min !== undefined && shape.min > 0) expect(d.minLength ?? d.minItems ?? d.minimum).toBe(shape.min);
        if (shape.pattern) expect(d.pattern).toContain(shape.pattern.replace(/^\^/, '').replace(/\$$/, ''));
        if (shape.enum) expect(d.enum).toEqual(shape.enum);
        if (shape.required) expect(d.required).toEqual(shape.required);
        if (shape.union) expect(d['x-aws-union']).toEqual(Object.keys(shape.members));
      }
      expect(defs[op.input.shape]).toBeDefined();
    }
  });

  it("the extension model reuses the AWS model's shapes instead of redefining them", () => {
    for (const name of Object.keys(ext.shapes)) expect(model.shapes[name], name).toBeUndefined();
    // The connector reference of every extension operation is the AWS model's own.
    for (const op of Object.values<any>(ext.operations)) {
      const input = ext.shapes[op.input.shape];
      expect(input.members.AwsAccountId.shape).toBe('AwsAccountId');
      expect(input.members.ActionConnectorId.shape).toBe(model.shapes.DescribeActionConnectorRequest.members.ActionConnectorId.shape);
    }
  });

  it("merges the extension model's extra members into the AWS input shapes (EnabledActions)", () => {
    const defs = (shapeSchemas as any).$defs;
    for (const [shape, members] of Object.entries<any>(ext.extraMembers)) {
      if (shape === 'documentation') continue;
      for (const [m, ref] of Object.entries<any>(members)) {
        expect(defs[shape].properties[m]).toEqual({ $ref: `#/$defs/${ref.shape}` });
        expect(operations.CreateActionConnector.bindings.some((b) => b.member === m && b.location === 'body') || shape !== 'CreateActionConnectorRequest').toBe(
          true,
        );
      }
    }
    expect(operations.InvokeAction.bodyLimit).toBe(ext.operations.InvokeAction['x-bodyLimit']);
  });
});

describe('every extension operation has a route and a handler', () => {
  // Compile time: src/ops/index.ts types createExtensionOperations against ActionBridgeApi, and
  // operationSpecs (src/protocol/http.ts) takes the whole ActionBridgeApi. At run time: every
  // extension operation of the model answers a signed call through its route, by its handler
  // (ResourceNotFoundException for a connector that does not exist, not a routing 404).
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('implements every operation of both models (checked by the compiler)', () => {
    type Implemented = keyof ReturnType<typeof createOperations> | keyof ReturnType<typeof createExtensionOperations>;
    type Missing = Exclude<OperationName, Implemented>;
    const complete: [Missing] extends [never] ? true : false = true;
    // And the two sets together are exactly ActionBridgeApi (what operationSpecs takes).
    const api: (s: Services) => ActionBridgeApi<RequestContext> = (s) => ({ ...createOperations(s), ...createExtensionOperations(s) });
    expect(complete).toBe(true);
    expect(typeof api).toBe('function');
  });

  it('answers every extension operation of the model', async () => {
    const client = new ActionBridgeClient({ endpoint: t.endpoint, region: REGION, accountId: ACCOUNT, credentials: ADMIN, maxAttempts: 1 });
    const names = Object.keys(ext.operations);
    expect(names.sort()).toEqual(
      Object.keys(clientOperations)
        .filter((n) => n in ext.operations)
        .sort(),
    );
    for (const name of names) {
      const route = operations[name as keyof typeof operations];
      expect(t.server.app.hasRoute({ method: route.method, url: fastifyPath(route.uri) }), name).toBe(true);
      const method = (name[0]!.toLowerCase() + name.slice(1)) as 'testActionConnector';
      // Every required member given (Document: PutActionConnectorApiDefinition's), so the missing connector is what answers.
      const input = { ActionConnectorId: 'no-such-connector', ActionId: 'HttpRequest', Input: {}, Document: '{}' };
      const e = await (client[method] as (i: object) => Promise<unknown>).call(client, input).then(
        () => undefined,
        (err: Error) => err,
      );
      expect(e?.name, name).toBe('ResourceNotFoundException');
    }
  });
});
