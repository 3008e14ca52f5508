// The API's fast tests, run by `nx run api:test` (the unit step of `npm test`), in two Jest projects:
// - api: its pure parts (no Nest container, no database), src/**/*.spec.ts;
// - api-medium: services against a real PostgreSQL, src/**/*.medium-spec.ts (src/testing/medium.ts:
//   one fresh, migrated database per run, each test in a transaction as the app role, rolled back).
// Integration tests through HTTP against the built API live in test/ (jest.integration.config.cjs).
const preset = require('../../jest.preset.cjs');
const esmPackages = require('../../tools/testing/jest-esm-packages.cjs');

const { reporters, ...project } = preset;
const ts = { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] };

module.exports = {
  reporters,
  projects: [
    { ...project, displayName: 'api', rootDir: __dirname, testMatch: ['<rootDir>/src/**/*.spec.ts'], transform: ts },
    {
      ...project,
      displayName: 'api-medium',
      rootDir: __dirname,
      testMatch: ['<rootDir>/src/**/*.medium-spec.ts'],
      transform: { ...ts, ...esmPackages.transform },
      transformIgnorePatterns: esmPackages.transformIgnorePatterns,
      globalSetup: '<rootDir>/src/testing/medium-global-setup.ts',
      globalTeardown: '<rootDir>/src/testing/medium-global-teardown.ts',
    },
  ],
};
