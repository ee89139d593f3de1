/**
 * Lint configuration. Besides typescript-eslint's recommended rules it enforces the import
 * boundaries between layers (docs/architecture.md, "Layout") with `no-restricted-imports`, so a wrong import fails CI instead of review.
 */
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const globals = require('globals');
const { builtinModules } = require('node:module');
const reactHooks = require('eslint-plugin-react-hooks');

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** Patterns for Herald's own top-level folders, as seen from any file one level deep or more. */
const layer = (name) => [`**/${name}`, `**/${name}/**`];

/** What no domain module may import: HTTP and the layers above the domain. */
const domainImports = {
  paths: [{ name: 'koa', message: 'Domain code knows nothing of HTTP.' }],
  patterns: [{ group: ['@koa/*', ...layer('api'), ...layer('activities')], message: 'Domain code imports db/, rules/ and lib/ only.' }],
};

module.exports = tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'sdk/dist/**', 'console/dist/**', '.data/**', '.tools/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Workflows run in Temporal's deterministic sandbox: no Node built-ins, no I/O, no domain code.
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'Workflows are deterministic: no Node built-ins.' })),
          patterns: [
            {
              group: ['knex', 'pg', 'pg-*', 'undici', 'nodemailer', 'twilio', 'koa', '@koa/*', 'pino', 'json-rules-engine'],
              message: 'Workflows do no I/O: call an activity.',
            },
            {
              group: [...layer('domain'), ...layer('db'), ...layer('api'), ...layer('channels'), ...layer('rules'), ...layer('lib'), ...layer('temporal')],
              message: 'Workflows import only @temporalio/workflow, activity types and plain types.',
            },
            { group: layer('activities'), allowTypeImports: true, message: 'Workflows import activities with `import type` only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['activities/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: layer('api'), message: 'Activities never import the API.' }] }],
    },
  },
  {
    // Route handlers go through domain services; knex stays out of the API layer.
    files: ['api/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'knex', message: 'No knex in the API layer: call a domain service.' }],
          patterns: [
            {
              group: [...layer('db'), ...layer('activities'), ...layer('workflows')],
              allowTypeImports: true,
              message: 'The API imports domain/ and lib/ only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['domain/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', domainImports] },
  },
  {
    // Campaigns build on messaging (settings, suppressions), never the other way round.
    files: ['domain/messaging/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...domainImports,
          patterns: [
            ...domainImports.patterns,
            { group: layer('campaigns'), message: 'Messaging sits below campaigns: campaigns import messaging, not the reverse.' },
          ],
        },
      ],
    },
  },
  {
    // The SDK is a package of its own for Herald's users: it reaches Herald over HTTP only, and
    // stays free of Node built-ins so it also runs in browsers, Deno and edge runtimes.
    files: ['sdk/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'The SDK runs outside Node too: use web APIs (fetch, TextEncoder, crypto.randomUUID).' })),
          patterns: [
            {
              group: [
                '**/api',
                '**/api/**',
                '**/domain',
                '**/domain/**',
                '**/db/**',
                '**/lib/**',
                '**/rules/**',
                '**/channels/**',
                '**/activities/**',
                '**/workflows/**',
                '**/temporal/**',
              ],
              message: 'The SDK talks to Herald over HTTP; it imports no server code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['rules/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'pg', message: 'Rules are testable without a database.' }],
          patterns: [
            {
              group: [...layer('db'), ...layer('domain'), ...layer('api'), ...layer('activities'), ...layer('workflows'), ...layer('channels')],
              message: 'Rules import only json-rules-engine, knex types and lib/.',
            },
          ],
        },
      ],
    },
  },
  {
    // The console runs in the browser and reaches Herald only through the SDK (as any client would):
    // no Node built-ins, no server code; React's rules of hooks apply.
    files: ['console/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'The console runs in the browser.' })),
          patterns: [
            {
              group: [
                ...['api', 'domain', 'db', 'lib', 'rules', 'channels', 'activities', 'workflows', 'temporal', 'sdk'].flatMap((name) => layer(`../${name}`)),
              ],
              message: 'The console reaches Herald through `@herald/sdk` only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['console/vite.config.mts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-restricted-imports': 'off' },
  },
);
