import { join } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

const root = join(__dirname, '../../..');

// The rule under test, the very object eslint.config.mjs uses (a repository tool, not a project: read by path).
const { apiLayers } = require(join(root, 'tools/eslint/api-layers.cjs')) as { apiLayers: object };

/** Lints one line as if it were the file at `path` (relative to the repository), with only the layer rule on. */
async function problems(path: string, code: string): Promise<string[]> {
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser, sourceType: 'module' } }, apiLayers],
  });
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

describe('the API layer rule (tools/eslint/api-layers.cjs)', () => {
  it.each([
    ['apps/api/src/common/crud/upward.ts', "import { CitizenEntity } from '../../citizens/citizen.entity';"],
    ['apps/api/src/tenancy/upward.ts', "import { APP_DATABASE_URL } from '../exports/job-queue';"],
    ['apps/api/src/database/upward.ts', "import { ENTITIES } from '../startup/entities';"],
    ['apps/api/src/audit/upward.ts', "import { AppModule } from '../app.module';"],
    ['apps/api/src/auth/upward.ts', "export { GroupsService } from '../groups/groups.service';"],
    ['apps/api/src/config/upward.ts', "import type { Volunteer } from '../volunteers/volunteer.entity';"],
  ])('refuses an upward import in %s', async (path, code) => {
    const found = await problems(path, code);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^no-restricted-imports: .*must not import a feature or start-up/);
  });

  it.each([
    // A feature may use the floor, and the floor itself.
    ['apps/api/src/citizens/down.ts', "import { Db } from '../tenancy/db.service';"],
    ['apps/api/src/common/errors/sideways.ts', "import { REFERENCE_RULES } from '../../database/reference-rules';"],
    ['apps/api/src/tenancy/sideways.ts', "import { APP_CONFIG } from '../config/config';"],
    // Start-up sits above the features and may import them.
    ['apps/api/src/startup/up.ts', "import { CitizenEntity } from '../citizens/citizen.entity';"],
    // A folder whose name only starts like a feature's is not one.
    ['apps/api/src/common/sideways.ts', "import { x } from './groupsish';"],
  ])('allows %s', async (path, code) => {
    expect(await problems(path, code)).toEqual([]);
  });
});
