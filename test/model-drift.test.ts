// The protocol layer is generated from the AWS service model; these tests fail
// when the generated file or the model copy drifts.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { generate } from '../scripts/gen-model.mjs';
import { ROOT } from './helpers.js';
import { operations, inputSchemas, shapeSchemas } from '../src/protocol/generated/model.js';

const modelFile = path.join(ROOT, 'model', 'quicksight-action-connectors.model.json');
const model = JSON.parse(readFileSync(modelFile, 'utf8'));

describe('model-derived protocol', () => {
  it('the committed generated file is what the generator makes from the model', () => {
    const committed = readFileSync(path.join(ROOT, 'src', 'protocol', 'generated', 'model.ts'), 'utf8');
    expect(generate(model)).toBe(committed);
  });

  const shared = path.join(ROOT, '..', 'shared', 'reference', 'quicksight-action-connectors.model.json');
  it.skipIf(!existsSync(shared))('the model copy equals the shared reference model', () => {
    expect(JSON.parse(readFileSync(shared, 'utf8'))).toEqual(model);
  });

  it('routes every operation of the model with its HTTP binding', () => {
    expect(Object.keys(operations).sort()).toEqual(Object.keys(model.operations).sort());
    for (const [name, op] of Object.entries<any>(model.operations)) {
      const ours = (operations as any)[name];
      expect(ours.method).toBe(op.http.method);
      expect(ours.uri).toBe(op.http.requestUri);
      expect(ours.errors).toEqual(op.errors.map((e: any) => e.shape));
    }
  });

  it('carries every constraint of every input member into the JSON Schemas', () => {
    for (const [name, op] of Object.entries<any>(model.operations)) {
      const defs = (shapeSchemas as any).$defs;
      expect((inputSchemas as any)[name].$ref).toBe(`quicksight-shapes#/$defs/${op.input.shape}`);
      for (const [shapeName, shape] of Object.entries<any>(model.shapes)) {
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
});
