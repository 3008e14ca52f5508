// The layers inside the API (docs/architecture.md, "Layers inside the API"). The infrastructure
// folders are the floor every feature stands on; they must never reach up into a feature or into
// start-up, or a change to one feature ripples through the floor into all the others.
// CommonJS so that both eslint.config.mjs and the rule's own jest test (apps/api/src/layers.spec.ts) load it.

/** The floor: configuration, the schema and migrations, tenancy, the access log, sign-in, shared helpers. */
const INFRASTRUCTURE = ['config', 'database', 'tenancy', 'audit', 'auth', 'common'];

const { readdirSync } = require('node:fs');
const { join } = require('node:path');

/** Where the API's folders are; read from the tree, so a new feature is covered without editing a list. */
const API_SOURCE = join(__dirname, '../../apps/api/src');

/**
 * Everything above the floor: every other folder of the API (the features, start-up, which wires them
 * all together, and the medium tests' harness) and the composition root's files (app.module, main, cli).
 */
const ABOVE = readdirSync(API_SOURCE, { withFileTypes: true })
  .map((entry) => (entry.isDirectory() ? entry.name : entry.name.replace(/\.ts$/, '')))
  .filter((name) => !INFRASTRUCTURE.includes(name) && !name.endsWith('.spec'))
  .sort();

/** The folders of ABOVE that are not features: start-up, the test harness, the composition root. */
const NOT_FEATURES = ['startup', 'testing', 'app.module', 'app.setup', 'main', 'cli'];

/** The feature folders. */
const FEATURES = ABOVE.filter((name) => !NOT_FEATURES.includes(name));

const apiLayers = {
  files: INFRASTRUCTURE.map((folder) => `apps/api/src/${folder}/**/*.ts`),
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: `^(\\.\\./)+(${ABOVE.join('|').replace(/\./g, '\\.')})(/|$)`,
            message: 'Infrastructure (config, database, tenancy, audit, auth, common) must not import a feature or start-up: pass what it needs in, or move the shared part down into the floor.',
          },
        ],
      },
    ],
  },
};

module.exports = { apiLayers, INFRASTRUCTURE, ABOVE, FEATURES };
