// Shared Jest settings: every package runs as native ESM through ts-jest (NestJS 12 ships ESM only),
// and workspace packages resolve to their TypeScript sources so tests see the current code.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(fileURLToPath(import.meta.url));

export function project(name, dir, overrides = {}) {
  return {
    displayName: name,
    rootDir: path.join(root, dir),
    testEnvironment: 'node',
    extensionsToTreatAsEsm: ['.ts', '.tsx'],
    moduleNameMapper: {
      '^@ecoute/engine$': path.join(root, 'packages/engine/src/index.ts'),
      '^@ecoute/protocol$': path.join(root, 'packages/protocol/src/index.ts'),
      '^@ecoute/test/support/(.*)\\.js$': path.join(root, 'test/support/$1.ts'),
      '^(\\.{1,2}/.*)\\.js$': '$1',
      // A stylesheet (client: a feature's own, or a shared component's in ui/): nothing to load in a test.
      '^\\.\\.?/.*\\.css$': path.join(root, 'client/src/test/styleStub.ts'),
    },
    transform: {
      '^.+\\.tsx?$': [
        'ts-jest',
        {
          useESM: true,
          tsconfig: path.join(root, dir, 'tsconfig.json'),
          diagnostics: false,
        },
      ],
    },
    testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/src/**/*.test.tsx'],
    ...overrides,
  };
}
