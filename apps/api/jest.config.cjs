// Unit tests of the API's pure parts (no Nest container, no database): src/**/*.spec.ts.
// Integration tests through HTTP against a real PostgreSQL live in test/ (jest.integration.config.cjs).
const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'api',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
};
