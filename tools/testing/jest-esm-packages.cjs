// NestJS 12 ships as ES modules only, and Jest runs the API's tests as CommonJS (ts-jest). Node
// 20.19 can require() an ES module, but Jest's own module loader does that only from Node 24.9. So
// for tests whose imports reach a Nest package (the medium tests: services with their decorators),
// Babel compiles those packages to CommonJS as Jest loads them: the ES-module syntax only, nothing
// else, and `import.meta.url` as the file's own URL (babel-import-meta-cjs.cjs). Cached by Jest, so
// only the first run pays for it. docs/decisions.md, "Medium tests load ESM-only NestJS through Babel".
const path = require('node:path');

/** The ESM-only packages an API service's imports reach. */
const ESM_PACKAGES = ['@nestjs'];

module.exports = {
  transform: {
    '^.+\\.m?js$': [
      'babel-jest',
      {
        babelrc: false,
        configFile: false,
        plugins: [path.join(__dirname, 'babel-import-meta-cjs.cjs'), require.resolve('@babel/plugin-transform-modules-commonjs')],
      },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
};
