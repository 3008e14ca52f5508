// Deployment checks: the production start-up path, the compose file, backup and restore. They need a
// PostgreSQL server with its own client tools (pg_dump must not be older than the server), which the
// embedded database does not ship: DATABASE_URL's server, or the machine's on 127.0.0.1:5432.
const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'api-deployment',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/deployment/**/*.deployment-spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  globalSetup: '<rootDir>/test/deployment/server-setup.mjs',
  testTimeout: 120000,
};
