// Shared Jest settings: ts-jest (CommonJS) with the workspace path aliases, and a reporter that
// adds each run's counts to .test-results/ so `npm test` can close with one summary line.
const path = require('node:path');
const { pathsToModuleNameMapper } = require('ts-jest');
const ts = require('typescript');

const base = ts.readConfigFile(path.join(__dirname, 'tsconfig.base.json'), ts.sys.readFile).config;

module.exports = {
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  moduleNameMapper: pathsToModuleNameMapper(base.compilerOptions.paths, { prefix: `${__dirname}/` }),
  reporters: ['default', path.join(__dirname, 'tools/jest-summary-reporter.cjs')],
};
