// Reading an API document off the event loop (issue 17). Parsing a large YAML document
// and deriving its actions (compiling every input schema for the checks) takes seconds
// (bench/RESULTS.md): on the server's thread that would stall every request meanwhile,
// and a hostile document could hold it or exhaust its heap. So each document is read in a
// worker thread of its own, with a heap limit and a deadline; a document that exceeds
// either is a client error (ApiDefinitionError), and the server is unaffected.
//
// The worker runs the compiled module (dist/catalog/openapi.js). Under tsc's output that is
// the file next to this one; under vitest (src/ run as TypeScript) it is the build in
// dist/, which `npm test` makes first.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ApiDefinitionError, type DefineOptions, type DefinedActions } from './openapi.js';

export interface ReadDocument {
  defined: DefinedActions;
  /** The parsed document as JSON text (what the actions are derived from again). */
  json: string;
  /** The document's `openapi` or `swagger` version. */
  specVersion: string;
}

export interface WorkerLimits {
  /** How long one document may take, in ms. */
  timeoutMs: number;
  /** The worker's heap, in MiB. */
  heapMb: number;
}

export const DEFAULT_WORKER_LIMITS: WorkerLimits = { timeoutMs: 60_000, heapMb: 1024 };

// CommonJS evaluated in the worker: loads the compiled module and `yaml`, reads one document, answers once.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  try {
    const m = await import(workerData.moduleUrl);
    const YAML = require(workerData.yamlPath);
    const doc = m.parseApiDocument(workerData.text, { yaml: (s) => YAML.parse(s, { maxAliasCount: 100, prettyErrors: false }) });
    const defined = m.defineActions(doc, workerData.options);
    const spec = doc && typeof doc === 'object' ? String(doc.openapi ?? doc.swagger ?? '') : '';
    parentPort.postMessage({ ok: true, defined, json: JSON.stringify(doc), specVersion: spec });
  } catch (e) {
    parentPort.postMessage({ ok: false, definitionError: !!(e && e.name === 'ApiDefinitionError'), message: String((e && e.message) || e) });
  }
})();
`;

let resolved: { moduleUrl: string; yamlPath: string } | undefined;
function paths(): { moduleUrl: string; yamlPath: string } {
  if (resolved) return resolved;
  const here = new URL('./openapi.js', import.meta.url);
  const dist = new URL('../../dist/catalog/openapi.js', import.meta.url);
  const file = [here, dist].find((u) => existsSync(fileURLToPath(u)));
  if (!file) throw new Error(`openapi.js is in neither ${fileURLToPath(here)} nor ${fileURLToPath(dist)}: run npm run build`);
  resolved = { moduleUrl: pathToFileURL(fileURLToPath(file)).href, yamlPath: createRequire(import.meta.url).resolve('yaml') };
  return resolved;
}

/**
 * Parses `text` (JSON or YAML) and derives its actions in a worker thread. A document that
 * cannot be used, takes longer than `limits.timeoutMs` or needs more heap than
 * `limits.heapMb` rejects with ApiDefinitionError; anything else is a server fault.
 */
export function readApiDocument(text: string, options: DefineOptions, limits: WorkerLimits = DEFAULT_WORKER_LIMITS): Promise<ReadDocument> {
  const { moduleUrl, yamlPath } = paths();
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { text, options, moduleUrl, yamlPath },
      resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: 64 },
      stdout: true,
      stderr: true,
    });
    let done = false;
    const finish = (f: () => void) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      void worker.terminate();
      f();
    };
    const timer = setTimeout(
      () => finish(() => reject(new ApiDefinitionError(`Reading the document took longer than ${Math.round(limits.timeoutMs / 1000)} s`))),
      limits.timeoutMs,
    );
    worker.once(
      'message',
      (m: { ok: true; defined: DefinedActions; json: string; specVersion: string } | { ok: false; definitionError: boolean; message: string }) =>
        finish(() => {
          if (m.ok) resolve({ defined: m.defined, json: m.json, specVersion: m.specVersion });
          else if (m.definitionError) reject(new ApiDefinitionError(m.message));
          else reject(new Error(`reading an API document failed: ${m.message}`));
        }),
    );
    worker.once('error', (err: Error & { code?: string }) =>
      finish(() =>
        reject(
          err.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new ApiDefinitionError(`Reading the document needs more than ${limits.heapMb} MiB of memory`)
            : new Error(`reading an API document failed: ${err.message}`),
        ),
      ),
    );
    worker.once('exit', (code) => finish(() => reject(new Error(`the API document reader stopped (exit code ${code})`))));
  });
}
