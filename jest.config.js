/**
 * Jest runs every suite through @swc/jest. The global setup brings up the real services
 * (Postgres, Temporal dev server) through Herald's own CLI and creates a database that
 * belongs to this run alone, which every test file gets a copy of; the teardown drops them.
 */
/** @type {import('jest').Config} */
module.exports = {
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }],
    // openid-client 6 and its dependencies are ES modules only: Node 20 requires them natively, jest's
    // module system does not, so these few packages are compiled to CommonJS for the tests.
    '^.+/node_modules/.+\\.js$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(openid-client|oauth4webapi|jose)/)'],
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  // The two-by-two crash test needs the real Temporal server: scripts/cluster-test.sh runs it (jest.cluster.config.js).
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/cluster/'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  globalSetup: '<rootDir>/test/support/globalSetup.ts',
  globalTeardown: '<rootDir>/test/support/globalTeardown.ts',
  // Each test file runs with a database copied from the run's template and a task queue of its own.
  testEnvironment: '<rootDir>/test/support/suiteEnvironment.ts',
  testTimeout: 60000,
  maxWorkers: 2,
};
