// Environment variables a test file sets for the server's own AWS credentials (the
// credential chain reads process.env), put back as they were when the file is done.

/** Sets (or, with undefined, removes) variables; `restore()` puts back what each held before the first change. */
export function processEnv() {
  const saved: Record<string, string | undefined> = {};
  const assign = (k: string, v: string | undefined) => {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  };
  return {
    set(vars: Record<string, string | undefined>) {
      for (const [k, v] of Object.entries(vars)) {
        if (!(k in saved)) saved[k] = process.env[k];
        assign(k, v);
      }
    },
    restore() {
      for (const [k, v] of Object.entries(saved)) assign(k, v);
    },
  };
}
