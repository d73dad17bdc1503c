// ESLint flat config: typed linting of every TypeScript project (each file is linted with the
// tsconfig.json that includes it, via the project service), the dependency rules of DESIGN.md as
// import restrictions, and Prettier owning formatting.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const TS = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
const JS = ['**/*.js', '**/*.mjs', '**/*.cjs'];
const TESTS = ['**/*.test.ts', '**/*.test.tsx', '**/test/**', '**/__tests__/**'];

// ---- dependency rules (DESIGN.md, "Layout and dependency rules") ----

const nobodyImportsServerOrClient = {
  group: ['@ecoute/server', '@ecoute/server/*', '@ecoute/client', '@ecoute/client/*'],
  message: 'Nothing imports server or client: they meet only in @ecoute/protocol (DESIGN.md).',
};
const relativeInto = (dir) => ({
  regex: `^(\\.\\./)+${dir}(/|$)`,
  message: `Do not reach into ${dir}/ from another package: share through @ecoute/protocol or @ecoute/engine.`,
});
const nest = { group: ['@nestjs/*'], message: 'NestJS belongs to the server only.' };
const react = { group: ['react', 'react/*', 'react-dom', 'react-dom/*', 'react-router', 'react-router/*'] };
const socketIo = { group: ['socket.io', 'socket.io-*', 'socket.io/*', '@socket.io/*'] };
const storage = ['kysely', 'better-sqlite3', 'pg', 'ioredis', 'redis'];

const nodeBuiltins = [
  ...new Set(builtinModules.filter((name) => !name.startsWith('_')).map((n) => n.replace(/^node:/, ''))),
];
const noNodeBuiltins = {
  paths: nodeBuiltins.map((name) => ({
    name,
    message: 'The engine does no IO and reads no globals: inject what it needs (node modules only in tests).',
  })),
  patterns: [{ group: ['node:*'], message: 'The engine does no IO: node modules only in tests.' }],
};

/** One `no-restricted-imports` setting (flat config replaces, never merges, a rule's options). */
function restrict({ paths = [], patterns = [] }) {
  return ['error', { paths, patterns: [nobodyImportsServerOrClient, ...patterns] }];
}

const engineRules = {
  paths: storage.map((name) => ({ name, message: 'The engine does no IO.' })),
  patterns: [
    {
      group: ['@ecoute/protocol', '@ecoute/protocol/*'],
      message: 'protocol imports engine, never the reverse.',
    },
    { ...react, message: 'The engine is pure TypeScript: no React.' },
    { ...nest, message: 'The engine is pure TypeScript: no NestJS.' },
    { ...socketIo, message: 'The engine is pure TypeScript: no transport.' },
    relativeInto('server'),
    relativeInto('client'),
  ],
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/coverage/**',
      '.jest-cache/**',
      'data/**',
      'test/artifacts/**',
      'test/bench/results/**',
      // TypeScript tool configs (vite.config.ts) belong to no tsconfig project; the tools check them.
      '**/*.config.{ts,mts,cts}',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,

  // JavaScript (scripts/, jest.preset.mjs): plain Node modules, no type information.
  {
    files: JS,
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: globals.node },
  },

  // TypeScript: typed linting through the tsconfig.json that includes each file.
  {
    files: TS,
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'separate-type-imports' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': restrict({ patterns: [relativeInto('server'), relativeInto('client')] }),
      // French typography: non-breaking spaces (U+00A0, U+202F) inside « » and before : ; ? ! in
      // messages, template literals and regexes included (still refused in code).
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipRegExps: true }],
    },
  },

  // server: NestJS reads constructor parameter types at runtime (emitDecoratorMetadata), so an
  // injected class must stay a value import. typescript-eslint knows this: with experimentalDecorators
  // and emitDecoratorMetadata (read from server/tsconfig.json, repeated here) consistent-type-imports
  // skips every file that has a decorator, and still applies to the others.
  {
    files: ['server/**'],
    languageOptions: {
      globals: globals.node,
      parserOptions: { emitDecoratorMetadata: true, experimentalDecorators: true },
    },
    rules: {
      'no-restricted-imports': restrict({ patterns: [relativeInto('client')] }),
    },
  },

  // client: a browser app; it talks to the server only through the protocol.
  {
    files: ['client/**'],
    languageOptions: { globals: globals.browser },
    rules: {
      'no-restricted-imports': restrict({
        paths: [...storage, 'socket.io'].map((name) => ({
          name,
          message: 'Server-side library: the client talks to the server only through @ecoute/protocol.',
        })),
        patterns: [{ ...nest, message: 'NestJS belongs to the server only.' }, relativeInto('server')],
      }),
    },
  },

  // engine: pure, no IO, no Nest, no React, no protocol.
  {
    files: ['packages/engine/**'],
    rules: {
      'no-restricted-imports': restrict({
        paths: [...engineRules.paths, ...noNodeBuiltins.paths],
        patterns: [...engineRules.patterns, ...noNodeBuiltins.patterns],
      }),
    },
  },
  {
    files: TESTS.map((glob) => `packages/engine/${glob}`),
    rules: { 'no-restricted-imports': restrict(engineRules) },
  },

  // protocol: the wire contract; zod and engine types only.
  {
    files: ['packages/protocol/**'],
    rules: {
      'no-restricted-imports': restrict({
        paths: storage.map((name) => ({ name, message: 'The protocol is a contract: no storage.' })),
        patterns: [
          { ...nest, message: 'The protocol must not depend on NestJS.' },
          { ...react, message: 'The protocol must not depend on React.' },
          { ...socketIo, message: 'The protocol describes events as types: no socket.io import.' },
          relativeInto('server'),
          relativeInto('client'),
        ],
      }),
    },
  },

  // test/ and scenarios/: Node code; test/ starts the built server as a process, never imports it.
  { files: ['test/**', 'scenarios/**', 'scripts/**'], languageOptions: { globals: globals.node } },

  // client: dates in the UI's language only, through i18n/formatDate.ts (never the browser's locale).
  {
    files: ['client/src/**'],
    ignores: ['client/src/i18n/formatDate.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.property.name=/^toLocale(Date|Time)?String$/], NewExpression[callee.object.name='Intl'][callee.property.name='DateTimeFormat']",
          message:
            "Format dates with formatDate/formatDateTime (client/src/i18n/formatDate.ts): the UI's language.",
        },
      ],
    },
  },

  prettier,
);
