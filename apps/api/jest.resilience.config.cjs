// The resilience proving ground (`npm run test:resilience`, issue #11): malformed input, the access
// matrix, resource limits, load and a database outage. Same stack as the integration tests (a real
// PostgreSQL and the built API as a child process); suites that must stop their database start
// their own. Each suite prints its figures; docs/reliability.md keeps the last run's.
const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'api-resilience',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/resilience/**/*.resilience-spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  globalSetup: '<rootDir>/test/global-setup.mjs',
  globalTeardown: '<rootDir>/test/global-teardown.mjs',
  testTimeout: 300000,
};
