// One home for SQL (docs/architecture.md, "Where the SQL lives"). A feature's database access lives in
// its `<feature>.queries.ts`; its services and controllers keep the rules and call those functions, so
// "which queries touch table X" is answered by the queries files (tools/sql-index.cjs), not by grep.
// CommonJS so that both eslint.config.mjs and the rule's own jest test (apps/api/src/queries-home.spec.ts) load it.

const { FEATURES } = require('./api-layers.cjs');

/** The calls of a TypeORM EntityManager or Repository that read or write rows. */
const DB_METHODS = [
  'find', 'findBy', 'findOne', 'findOneBy', 'findOneOrFail', 'findOneByOrFail', 'findAndCount', 'findAndCountBy',
  'save', 'insert', 'update', 'upsert', 'delete', 'remove', 'softDelete', 'restore', 'count', 'countBy',
  'exists', 'existsBy', 'increment', 'decrement', 'sum', 'average', 'minimum', 'maximum', 'clear',
].join('|');

/** What holds a manager or repository: `manager`, `em`, `repository`, `this.repository`, `ctx.manager`, `db.repo(X)`, `db.manager()`. */
const HOLDER = 'manager|em|repository|repo|dataSource';

const message = 'SQL lives in the feature\'s <feature>.queries.ts: services and controllers call its functions (docs/architecture.md, "Where the SQL lives").';

const apiQueries = {
  files: FEATURES.flatMap((folder) => [`apps/api/src/${folder}/**/*.service.ts`, `apps/api/src/${folder}/**/*.controller.ts`]),
  rules: {
    'no-restricted-syntax': [
      'error',
      // Raw SQL, query builders, and reaching for a repository at all.
      { selector: 'CallExpression[callee.property.name=/^(query|createQueryBuilder|getRepository|repo|transaction)$/]', message },
      // manager.find(...), repository.insert(...)
      { selector: `CallExpression[callee.property.name=/^(${DB_METHODS})$/][callee.object.type='Identifier'][callee.object.name=/^(${HOLDER})$/]`, message },
      // this.repository.save(...), ctx.manager.delete(...)
      { selector: `CallExpression[callee.property.name=/^(${DB_METHODS})$/][callee.object.type='MemberExpression'][callee.object.property.name=/^(${HOLDER})$/]`, message },
      // this.db.manager().find(...)
      { selector: `CallExpression[callee.property.name=/^(${DB_METHODS})$/][callee.object.type='CallExpression'][callee.object.callee.property.name=/^(${HOLDER})$/]`, message },
    ],
  },
};

module.exports = { apiQueries, FEATURES };
