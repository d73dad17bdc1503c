import { project } from './jest.preset.mjs';

export default {
  cacheDirectory: '.jest-cache',
  projects: [
    project('engine', 'packages/engine'),
    project('protocol', 'packages/protocol'),
    project('server', 'server', {
      testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
    }),
  ],
};
