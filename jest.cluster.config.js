/**
 * The cluster tests (test/cluster/): the suite's configuration, on the real Temporal server that
 * scripts/cluster-test.sh starts with `herald services up --cluster` and names in TEMPORAL_ADDRESS.
 * One file at a time: the stack already runs six processes.
 */
const base = require('./jest.config');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testMatch: ['<rootDir>/test/cluster/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  maxWorkers: 1,
};
