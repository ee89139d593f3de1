/**
 * Jest runs every suite through @swc/jest. The global setup brings up the real services
 * (Postgres, Temporal dev server) through Herald's own CLI and creates a database that
 * belongs to this run alone; the teardown drops it.
 */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }] },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  globalSetup: '<rootDir>/test/support/globalSetup.ts',
  globalTeardown: '<rootDir>/test/support/globalTeardown.ts',
  // Hooks too: stopping a worker on the run's shared task queue waits for the activity it runs, of any suite.
  testTimeout: 180000,
  maxWorkers: 2,
};
