// Bundles the API into dist/apps/api/main.js (CommonJS; Node >= 20.19 require()s the ESM-only
// NestJS 12 packages, which stay external in node_modules). ts-loader keeps decorator metadata,
// which Nest's dependency injection and class-validator need (esbuild/swc-less loaders drop it).
const path = require('node:path');
const nodeExternals = require('webpack-node-externals');
const { TsconfigPathsPlugin } = require('tsconfig-paths-webpack-plugin');

const root = path.join(__dirname, '../..');
const tsconfig = path.join(__dirname, 'tsconfig.app.json');

module.exports = {
  mode: 'none',
  target: 'node20',
  context: root,
  entry: {
    main: path.join(__dirname, 'src/main.ts'),
    cli: path.join(__dirname, 'src/cli.ts'),
    // cli.js seed-synthetic's worker threads (src/startup/synthetic-workers.ts) load it by file name.
    'synthetic-worker': path.join(__dirname, 'src/startup/synthetic-worker.ts'),
    // An export's worker process (src/exports/export-worker-host.ts) is forked from it by file name.
    'export-worker': path.join(__dirname, 'src/exports/export-worker.ts'),
  },
  output: { path: path.join(root, 'dist/apps/api'), filename: '[name].js', clean: true },
  devtool: 'source-map',
  externalsPresets: { node: true },
  externals: [nodeExternals({ modulesDir: path.join(root, 'node_modules') })],
  resolve: {
    extensions: ['.ts', '.js'],
    plugins: [new TsconfigPathsPlugin({ configFile: tsconfig })],
  },
  module: {
    rules: [
      {
        test: /\.ts$/,
        loader: 'ts-loader',
        options: {
          configFile: tsconfig,
          // The OpenAPI document's schemas come from the DTO classes and their class-validator
          // rules, read at build time by Nest's Swagger plugin (it needs the type checker).
          getCustomTransformers: (program) => ({
            before: [require('@nestjs/swagger/plugin').before({ classValidatorShim: true, introspectComments: true }, program)],
          }),
        },
      },
    ],
  },
  optimization: { minimize: false, nodeEnv: false },
  performance: { hints: false },
  stats: 'errors-warnings',
};
