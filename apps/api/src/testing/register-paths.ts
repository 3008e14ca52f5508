import { join } from 'node:path';
import { register } from 'tsconfig-paths';

// Jest loads a globalSetup outside its module system, without the moduleNameMapper: the workspace's
// path aliases (@outcomes/seeds, ...) come from tsconfig-paths then, as in tools/migrations.mjs.
// Imported first by medium-global-setup.ts, before anything that imports an alias.
const root = join(__dirname, '../../../..');
const { compilerOptions } = require(join(root, 'tsconfig.base.json')) as { compilerOptions: { paths: Record<string, string[]> } };
register({ baseUrl: root, paths: compilerOptions.paths });
