// The layers inside the API (docs/architecture.md, "Layers inside the API"). The infrastructure
// folders are the floor every feature stands on; they must never reach up into a feature or into
// start-up, or a change to one feature ripples through the floor into all the others.
// CommonJS so that both eslint.config.mjs and the rule's own jest test (apps/api/src/layers.spec.ts) load it.

/** The floor: configuration, the schema and migrations, tenancy, the access log, sign-in, shared helpers. */
const INFRASTRUCTURE = ['config', 'database', 'tenancy', 'audit', 'auth', 'common'];

/** Everything above the floor: the features, and start-up (which wires them all together). */
const ABOVE = [
  'assessments', 'citizens', 'enrolments', 'exports', 'grants', 'groups', 'health', 'municipalities',
  'notes', 'outcomes', 'outreach', 'programmes', 'sessions', 'treatment-plans', 'users', 'volunteers', 'case-requests', 'register', 'emergency-access', 'startup', 'app.module', 'main', 'cli',
];

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

module.exports = { apiLayers, INFRASTRUCTURE, ABOVE };
