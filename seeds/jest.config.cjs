const preset = require('../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'seeds',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
};
