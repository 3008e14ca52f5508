#!/usr/bin/env node
// Migrations against a throwaway database, so no developer database is needed:
//   node tools/migrations.mjs check            fails when the entities and the migrations differ
//   node tools/migrations.mjs generate <Name>  writes apps/api/src/database/migrations/<epoch>-<Name>.ts
// Both apply every committed migration first, then ask TypeORM for the difference to the entities.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startThrowawayPostgres } from './testing/throwaway-postgres.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [command, name] = process.argv.slice(2);
if (!['check', 'generate'].includes(command) || (command === 'generate' && !/^[A-Z][A-Za-z0-9]+$/.test(name ?? ''))) {
  console.error('usage: node tools/migrations.mjs check | generate <PascalCaseName>');
  process.exit(2);
}

const db = await startThrowawayPostgres();
const env = {
  ...process.env,
  DATABASE_URL: db.url,
  TS_NODE_PROJECT: join(root, 'apps/api/tsconfig.app.json'),
  TS_NODE_TRANSPILE_ONLY: 'true',
};
const typeorm = (...args) =>
  spawnSync(
    process.execPath,
    ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', join(root, 'node_modules/typeorm/cli.js'), ...args,
      '-d', join(root, 'apps/api/src/startup/data-source.ts')],
    { cwd: root, env, stdio: 'inherit' },
  ).status;

let status = typeorm('migration:run');
if (status === 0) {
  const target = join(root, 'apps/api/src/database/migrations', command === 'check' ? 'Check' : name);
  const flags = command === 'check' ? ['--check', '--dryrun'] : ['--pretty'];
  status = typeorm('migration:generate', target, ...flags);
  if (command === 'check') {
    console.log(status === 0 ? 'migration check: entities and migrations agree' : 'migration check: FAILED, the entities differ from the migrations; run `npm run migration:generate -- <Name>`');
  }
}
await db.stop();
process.exit(status ?? 1);
