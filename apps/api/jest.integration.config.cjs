// Integration tests through HTTP: a real PostgreSQL (embedded, or a fresh database on DATABASE_URL's
// server) and the built API as a child process, started once for the run by test/global-setup.mjs.
const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'api-integration',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  globalSetup: '<rootDir>/test/global-setup.mjs',
  globalTeardown: '<rootDir>/test/global-teardown.mjs',
  testTimeout: 60000,
};
