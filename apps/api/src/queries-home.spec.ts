import { join } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

const root = join(__dirname, '../../..');

// The rule under test, the very object eslint.config.mjs uses (a repository tool, not a project: read by path).
const { apiQueries } = require(join(root, 'tools/eslint/api-queries.cjs')) as { apiQueries: object };

/** Lints the code as if it were the file at `path` (relative to the repository), with only the queries rule on. */
async function problems(path: string, code: string): Promise<string[]> {
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser, sourceType: 'module' } }, apiQueries],
  });
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

describe('the one home for SQL (tools/eslint/api-queries.cjs)', () => {
  it.each([
    ['apps/api/src/assessments/assessments.service.ts', "await this.db.manager().query('SELECT 1 FROM assessment');"],
    ['apps/api/src/citizens/timeline.service.ts', "const rows = await manager.query('SELECT * FROM citizen', []);"],
    ['apps/api/src/sessions/sessions.service.ts', "const qb = this.repository.createQueryBuilder('r');"],
    ['apps/api/src/groups/groups.service.ts', 'const repo = this.db.repo(GroupEntity);'],
    ['apps/api/src/enrolments/enrolments.service.ts', 'const repo = manager.getRepository(EnrolmentEntity);'],
    ['apps/api/src/volunteers/volunteers.service.ts', 'await manager.save(entity);'],
    ['apps/api/src/users/users.service.ts', 'await this.repository.update({ id }, { active: false });'],
    ['apps/api/src/outreach/outreach.service.ts', 'await ctx.manager.delete(OutreachContactEntity, { id });'],
    ['apps/api/src/grants/evaluator-grants.service.ts', 'const rows = await this.db.manager().find(EvaluatorGrantEntity);'],
    ['apps/api/src/exports/exports.controller.ts', 'await this.dataSource.query("UPDATE export_job SET status = \'failed\'");'],
    ['apps/api/src/health/health.controller.ts', "await this.dataSource.query('SELECT 1');"],
  ])('refuses SQL written in %s', async (path, code) => {
    const found = await problems(path, code);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^no-restricted-syntax: SQL lives in the feature's <feature>\.queries\.ts/);
  });

  it.each([
    // The queries file itself, and a service calling it.
    ['apps/api/src/assessments/assessments.queries.ts', "await m.query('SELECT 1 FROM assessment'); m.getRepository(AssessmentEntity).createQueryBuilder('r');"],
    ['apps/api/src/assessments/assessments.service.ts', 'const row = await assessmentOr404(this.db.manager(), id);'],
    // Arrays are not repositories: find, count and friends on anything else are left alone.
    ['apps/api/src/assessments/assessments.service.ts', "const found = conditions.find((c) => c.kind === 'eq'); items.filter(Boolean).find(Boolean);"],
    // The floor keeps its own SQL (the tenant transaction, the access log, sign-in).
    ['apps/api/src/audit/access-log.service.ts', "await manager.query('SELECT 1');"],
    ['apps/api/src/tenancy/tenant.interceptor.ts', "await this.dataSource.query('SELECT 1');"],
    // Start-up is above the features and seeds with SQL.
    ['apps/api/src/startup/prepare-database.ts', "await dataSource.query('SELECT 1');"],
  ])('allows %s', async (path, code) => {
    expect(await problems(path, code)).toEqual([]);
  });
});
