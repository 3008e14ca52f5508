import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { closeDb, db } from './support/http';

/**
 * The row-level-security policies as they stand after every migration, in one committed file
 * (apps/api/src/database/row-level-security.sql), so that "who may see which rows of this table" is
 * answered by reading one file, not a dozen tenancy migrations. This test renders the policies from
 * the database's catalogue (pg_class, pg_policies) and requires the file to say exactly that:
 * a migration that adds, drops or changes a policy fails here until the file is regenerated with
 *
 *   UPDATE_POLICY_FILE=1 npx nx run api:integration --testPathPatterns=row-level-security
 *
 * and the change is read in review. The file is generated on the embedded PostgreSQL (the default
 * test server); PostgreSQL prints an expression back in its own words, which may differ between
 * major versions, so on another version (CI's second run on PostgreSQL 15) the test compares
 * everything but the expressions' text: tables, flags, policy names, commands, roles.
 */

afterAll(closeDb);

const FILE = join(__dirname, '../src/database/row-level-security.sql');

interface TableRow { table: string; enabled: boolean; forced: boolean }
interface PolicyRow { table: string; name: string; permissive: string; roles: string[]; cmd: string; qual: string | null; with_check: string | null }

async function serverMajor(): Promise<number> {
  const { rows } = await db().query<{ v: string }>("SELECT current_setting('server_version_num') AS v");
  return Math.floor(Number(rows[0]?.v) / 10000);
}

async function render(withExpressions: boolean): Promise<string> {
  const tables = (await db().query<TableRow>(
    `SELECT c.relname AS table, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY c.relname`,
  )).rows;
  const policies = (await db().query<PolicyRow>(
    // The owner's role is named by whoever created the database (postgres here, another name elsewhere): written <owner>.
    `SELECT p.tablename AS table, p.policyname AS name, p.permissive, cmd, qual, with_check,
            array(SELECT CASE WHEN r = t.tableowner THEN '<owner>' ELSE r END FROM unnest(p.roles::text[]) AS r) AS roles
     FROM pg_policies p JOIN pg_tables t ON t.schemaname = p.schemaname AND t.tablename = p.tablename
     WHERE p.schemaname = 'public' ORDER BY p.tablename, p.policyname`,
  )).rows;
  const out: string[] = [];
  for (const t of tables) {
    const own = policies.filter((p) => p.table === t.table);
    if (!t.enabled && own.length === 0) continue;
    out.push(`-- ${t.table}: row-level security ${t.enabled ? 'enabled' : 'DISABLED'}${t.forced ? ', forced' : ', not forced'}`);
    for (const p of own) {
      out.push(`CREATE POLICY ${p.name} ON ${p.table} AS ${p.permissive} FOR ${p.cmd} TO ${[...p.roles].sort().join(', ')}`);
      if (withExpressions && p.qual !== null) out.push(`  USING (${p.qual})`);
      if (withExpressions && p.with_check !== null) out.push(`  WITH CHECK (${p.with_check})`);
      out[out.length - 1] += ';';
    }
    out.push('');
  }
  return out.join('\n');
}

function header(major: number): string {
  return [
    '-- The row-level-security policies after all migrations, per table: GENERATED from the catalogue, do not edit.',
    '-- Regenerate: UPDATE_POLICY_FILE=1 npx nx run api:integration --testPathPatterns=row-level-security',
    `-- Rendered on PostgreSQL ${major}. Tables without row-level security and without policies are not listed.`,
    '',
    '',
  ].join('\n');
}

/** Keeps the table and policy lines (an expression's lines are indented) and ends each policy on its own line. */
function withoutExpressions(text: string): string {
  return text.split('\n').filter((l) => !l.startsWith(' ')).map((l) => (l.startsWith('CREATE POLICY') && !l.endsWith(';') ? `${l};` : l)).join('\n');
}

describe('the committed row-level-security file', () => {
  it('says what the catalogue says, policy by policy', async () => {
    const major = await serverMajor();
    if (process.env['UPDATE_POLICY_FILE'] === '1') writeFileSync(FILE, header(major) + (await render(true)));
    const committed = readFileSync(FILE, 'utf8');
    const renderedOn = Number(/Rendered on PostgreSQL (\d+)/.exec(committed)?.[1]);
    const body = committed.slice(committed.indexOf('\n\n') + 2);
    if (renderedOn === major) expect(await render(true)).toBe(body);
    else expect(await render(false)).toBe(withoutExpressions(body));
  });

  it('lists every tenant table (a table with a municipality column) as enabled and forced', async () => {
    const committed = readFileSync(FILE, 'utf8');
    const { rows } = await db().query<{ table: string }>(
      `SELECT DISTINCT table_name AS table FROM information_schema.columns
       WHERE table_schema = 'public' AND column_name IN ('municipality_id', 'municipality_ids') ORDER BY 1`,
    );
    expect(rows.length).toBeGreaterThan(20);
    const missing = rows.filter((r) => !committed.includes(`-- ${r.table}: row-level security enabled, forced\n`)).map((r) => r.table);
    expect(missing).toEqual([]);
  });
});
