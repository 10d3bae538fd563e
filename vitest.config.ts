import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The AWS SDK warns once per process that Node 20 support ends in 2027.
    onConsoleLog: (log) => !log.includes('NodeVersionSupportWarning'),
  },
});
