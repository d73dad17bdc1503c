import { project } from './jest.preset.mjs';

export default {
  cacheDirectory: '.jest-cache',
  // A guard against a hang, not a speed limit: tests drive scenario time, so a busy machine only
  // makes them slower (hooks and tests that need more say so themselves).
  testTimeout: 120_000,
  // Memory bounded: on two cores Jest would run every file in its own process, one after the
  // other, and native ESM leaves each file's modules behind (≈ 10 MB a file for the engine's, more
  // for the server's): the whole suite reached the 4 GB heap limit and aborted (a CI run on a busy
  // machine). With a limit Jest runs the files in a worker, replaced once it holds more than this
  // after a file.
  workerIdleMemoryLimit: '1GB',
  projects: [
    project('engine', 'packages/engine'),
    project('protocol', 'packages/protocol'),
    project('scenarios', 'scenarios'),
    project('server', 'server', {
      testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
    }),
    project('client', 'client', {
      testEnvironment: 'jsdom',
      // Packages resolve to their ESM builds (Jest runs native ESM), not their browser bundles.
      testEnvironmentOptions: { customExportConditions: [''] },
      setupFiles: ['<rootDir>/jest.setup.mjs'],
    }),
    // End to end: the built server as a process and Debian's Chromium (npm test builds first);
    // and the benchmark harness's own pure parts (`test/bench/*.test.ts`).
    project('e2e', 'test', {
      testMatch: ['<rootDir>/e2e/**/*.test.ts', '<rootDir>/bench/**/*.test.ts'],
      // Node's, and on a failure what each open page shows (`support/failure-environment.mjs`).
      testEnvironment: '<rootDir>/support/failure-environment.mjs',
    }),
  ],
};
