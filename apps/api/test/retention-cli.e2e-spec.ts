import { spawnSync } from 'node:child_process';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_IDS } from '@outcomes/seeds';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
// Plain JS helper shared with the browser tests and CI.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startApi } from '../../../tools/testing/api-process.cjs';
import { IdentifierCrypto } from '../src/common/crypto/identifier-crypto';
import { CITIZEN_DATA_TABLE_NAMES } from '../src/database/citizen-data-tables';
import { dataSourceOptions } from '../src/startup/data-source-options';
import { Factories } from '../src/testing/factories';
import { backdate, fillEveryTable, rowsPerTable } from '../src/testing/retention-rows';
import { freshDatabase, processSecrets } from './support/fresh-database';
import type { FreshDatabase } from './support/fresh-database';

/*
 * `cli.js retention` (issue 22, decision 171), built, against a database of its own: bad arguments
 * are exit 2 with the reason; the dry run lists the due citizens by id with their rows per table (as
 * the database counts them), names nobody and erases nothing; the run erases exactly them, writes
 * each to the access log as the nightly job does (the system user, resource retention), and signs
 * the chain's new head, so `audit-verify` finds the log intact against its anchors.
 */

const CLI = join(__dirname, '../../../dist/apps/api/cli.js');
const AARHUS = DEMO_IDS.municipalities.aarhus;
const SYSTEM = '00000000-0000-0000-0000-000000000000';
/** The API's database role (startup/prepare-database.ts APP_ROLE; that module loads Nest, which this spec does not). */
const APP_ROLE = 'outcomes_app';
const secrets = processSecrets();
const anchorDir = mkdtempSync(join(tmpdir(), 'outcomes-retention-cli-'));
let database: FreshDatabase;
let owner: DataSource;

function cli(args: string[], override: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const verifyKey = createPublicKey(createPrivateKey({ key: Buffer.from(secrets['AUDIT_SIGNING_KEY'] as string, 'base64'), format: 'der', type: 'pkcs8' }))
    .export({ type: 'spki', format: 'der' })
    .toString('base64');
  const result = spawnSync(process.execPath, [CLI, ...args], {
    env: { PATH: process.env['PATH'], NODE_ENV: 'test', LOG_LEVEL: 'warn', DATA_DIR: join(anchorDir, 'unused'), DATABASE_URL: database.url, AUDIT_ANCHOR_DIR: anchorDir, AUDIT_VERIFY_KEY: verifyKey, ...secrets, ...override },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A citizen of Aarhus with a completed course and a row in every table, all of it `years` old. */
async function oldCitizen(years: number): Promise<string> {
  const crypto = new IdentifierCrypto(secrets['ENCRYPTION_KEY'] as string, secrets['BLIND_INDEX_KEY'] as string);
  const make = new Factories(() => owner.manager, crypto);
  const enrolment = await make.enrolment('aarhus', { state: 'completed' });
  await make.assessment(enrolment, 'intake', enrolment.startDate as string);
  await fillEveryTable(owner.manager, enrolment, (field, plain) => crypto.encrypt(field, plain));
  await make.courseWithMembers([enrolment], 1);
  await backdate(owner.manager, enrolment.citizenId, years);
  return enrolment.citizenId;
}

/** Whether the server refuses the API's role with a password that is surely wrong (no "trust" in pg_hba). */
async function serverChecksPasswords(): Promise<boolean> {
  const url = new URL(database.url);
  url.username = APP_ROLE;
  url.password = 'surely-not-the-password';
  const client = new Client({ connectionString: url.toString() });
  try {
    await client.connect();
    return false;
  } catch (error) {
    if ((error as { code?: string }).code === '28P01') return true;
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function citizenRows(citizenId: string): Promise<number> {
  return Object.values(await rowsPerTable(owner.manager, citizenId)).reduce((a, b) => a + b, 0);
}

beforeAll(async () => {
  database = await freshDatabase('retention_cli');
  // The API migrates and seeds the demo municipalities, users and programmes, then stops: the command runs alone.
  const api = await startApi({ DATABASE_URL: database.url, SEED_DEMO: 'true', LOG_LEVEL: 'warn', AUDIT_ANCHOR_DIR: anchorDir, ...secrets });
  await api.stop();
  owner = new DataSource({ ...dataSourceOptions(database.url), migrations: [], extra: { max: 2 } });
  await owner.initialize();
}, 120_000);

afterAll(async () => {
  await owner?.destroy();
  await database?.drop();
  rmSync(anchorDir, { recursive: true, force: true });
});

describe('cli.js retention', () => {
  it.each([
    [[], /--municipality is required/],
    [['--dry-run'], /--municipality is required/],
    [['--municipality'], /--municipality needs a value/],
    [['--municipality', '--dry-run'], /--municipality needs a value/],
    [['--municipality', 'Aarhus'], /not a three-digit municipality code nor an id/],
    [['--municipality', '751', '--force'], /unknown argument: --force/],
  ])('refuses %j with exit 2 and the reason, touching nothing', (args, reason) => {
    const result = cli(['retention', ...args]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(reason);
    expect(result.stderr).toContain('cli.js retention --municipality <code or id> [--dry-run]');
    expect(result.stdout).toBe('');
  });

  it('refuses a municipality that does not exist with exit 2', () => {
    for (const unknown of ['998', '6f1c2a3b-0000-4000-8000-000000000000']) {
      const result = cli(['retention', '--municipality', unknown]);
      expect([result.status, result.stderr.trim()]).toEqual([2, `retention: no municipality with the code or id ${unknown}`]);
    }
  });

  it('prints the dry run (ids, dates, rows per table; no names), erases nothing, then erases exactly it and anchors the chain', async () => {
    const due = [await oldCitizen(11), await oldCitizen(12)];
    const recent = await oldCitizen(2);
    const expected = new Map<string, Record<string, number>>();
    for (const id of due) expected.set(id, await rowsPerTable(owner.manager, id));
    const [{ code }] = (await owner.query('SELECT code FROM municipality WHERE id = $1', [AARHUS])) as [{ code: string }];

    // The dry run, by code.
    const dry = cli(['retention', '--municipality', code, '--dry-run']);
    expect(dry.stderr).toBe('');
    expect(dry.status).toBe(0);
    const lines = dry.stdout.trim().split('\n');
    expect(lines[0]).toBe(`retention dry run in ${code} Aarhus (${AARHUS}): 2 citizen(s) due; nothing erased`);
    expect(lines[1]).toMatch(/^retention periods: health records 10 years, social 5 years; citizens under a legal hold: \d+$/);
    // Each due citizen by id, with their rows per table as the database counts them (written out here).
    for (const id of due) {
      const line = lines.find((l) => l.startsWith(`due ${id} `));
      const counts = Object.entries(expected.get(id) ?? {}).filter(([, n]) => n > 0).map(([t, n]) => `${t}=${n}`);
      expect(line?.split(': ')[1]?.split(' ').sort()).toEqual(counts.sort());
    }
    expect(dry.stdout).not.toContain(recent);
    expect(lines.filter((l) => l.startsWith('due '))).toHaveLength(2);
    // No names: the factories' citizens are called Karen Testesen (src/testing/factories.ts).
    expect(dry.stdout).not.toMatch(/Karen|Testesen/);
    for (const id of due) expect(await citizenRows(id)).toBeGreaterThan(0);
    // The dry run's read is in Aarhus's log, as the system, naming the citizens it listed.
    const [read] = (await owner.query(
      `SELECT user_id::text, action, citizen_ids::text[] AS ids, address FROM access_log WHERE resource = 'retention' AND action = 'search' AND municipality_id = $1`,
      [AARHUS],
    )) as { user_id: string; action: string; ids: string[]; address: string }[];
    expect(read?.user_id).toBe(SYSTEM);
    expect([...(read?.ids ?? [])].sort()).toEqual([...due].sort());
    expect(read?.address).toMatch(/^cli:/);

    // The run, by id.
    const before = Object.fromEntries(await Promise.all(CITIZEN_DATA_TABLE_NAMES.map(async (t) => [t, Number(((await owner.query(`SELECT count(*) AS n FROM ${t}`)) as [{ n: string }])[0].n)])));
    const run = cli(['retention', '--municipality', AARHUS]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const out = run.stdout.trim().split('\n').filter((l) => !l.startsWith('{'));
    expect(out[0]).toMatch(new RegExp(`^retention run [0-9a-f-]{36} in ${code} Aarhus \\(${AARHUS}\\): 2 citizen\\(s\\) erased$`));
    expect(out.filter((l) => l.startsWith('erased ')).map((l) => l.slice(7)).sort()).toEqual([...due].sort());
    for (const id of due) expect(await citizenRows(id)).toBe(0);
    expect(await citizenRows(recent)).toBeGreaterThan(0);
    // Exactly the dry run's rows are gone, table by table.
    for (const table of CITIZEN_DATA_TABLE_NAMES) {
      const [{ n }] = (await owner.query(`SELECT count(*) AS n FROM ${table}`)) as [{ n: string }];
      const erased = due.reduce((sum, id) => sum + (expected.get(id)?.[table] ?? 0), 0);
      expect([table, Number(n)]).toEqual([table, (before[table] as number) - erased]);
    }
    // As the nightly job: the system's run, one delete row per citizen and the run's create row.
    const runId = /retention run ([0-9a-f-]{36})/.exec(out[0] ?? '')?.[1];
    const [stored] = (await owner.query(`SELECT trigger, user_id, citizens FROM retention_run WHERE id = $1`, [runId])) as { trigger: string; user_id: string | null; citizens: number }[];
    expect(stored).toEqual({ trigger: 'schedule', user_id: null, citizens: 2 });
    const logged = (await owner.query(`SELECT action, citizen_id::text AS citizen, user_id::text AS user FROM access_log WHERE resource = 'retention' AND record_id = $1 ORDER BY action, citizen_id`, [runId])) as {
      action: string;
      citizen: string | null;
      user: string;
    }[];
    expect(logged).toEqual([{ action: 'create', citizen: null, user: SYSTEM }, ...[...due].sort().map((citizen) => ({ action: 'delete', citizen, user: SYSTEM }))]);

    // The chain's new head is signed: the last anchor of Aarhus's chain is the chain's head now.
    const [head] = (await owner.query(`SELECT seq::text AS seq, hash FROM access_log_heads() WHERE chain = $1`, [AARHUS])) as { seq: string; hash: string }[];
    const anchors = readdirSync(anchorDir)
      .filter((f) => f.endsWith('.jsonl'))
      .flatMap((f) => readFileSync(join(anchorDir, f), 'utf8').trim().split('\n'))
      .map((l) => JSON.parse(l) as { chain?: string; seq: string; hash: string; kind: string });
    expect(anchors.filter((a) => a.chain === AARHUS).at(-1)).toMatchObject({ kind: 'head', seq: head?.seq, hash: head?.hash });
    expect(run.stdout).toContain(`access log: chain ${AARHUS} anchored at seq ${head?.seq}`);
    const verified = cli(['audit-verify']);
    expect(verified.stdout.split('\n')[0]).toMatch(/^access log verified: \d+ rows, chain intact/);
    expect(verified.status).toBe(0);

    // Nothing is due any more: a second run erases nobody.
    const again = cli(['retention', '--municipality', code]);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain(': 0 citizen(s) erased');
  }, 180_000);

  it('changes no password: run with another JWT_SECRET it signs in as the API only where the server lets any password in, says what to set, and the API’s own login still works', async () => {
    const storedPassword = async (): Promise<string | null> =>
      ((await owner.query(`SELECT rolpassword FROM pg_authid WHERE rolname = $1`, [APP_ROLE])) as [{ rolpassword: string | null }])[0].rolpassword;
    const before = await storedPassword();
    expect(before).toMatch(/^SCRAM-SHA-256\$/);
    const other = cli(['retention', '--municipality', AARHUS, '--dry-run'], { JWT_SECRET: 'a'.repeat(64) });
    // The embedded server checks passwords; the machine's PostgreSQL in CI trusts every local login
    // (pg_hba "trust"), so there the wrong password is not refused and the dry run simply runs.
    if (await serverChecksPasswords()) {
      expect(other.status).toBe(1);
      expect(other.stderr).toContain('set DATABASE_APP_URL');
      expect(other.stdout).toBe('');
    } else {
      expect({ status: other.status, stderr: other.stderr }).toEqual({ status: 0, stderr: '' });
    }
    // Either way the role's stored password is the one the API set, untouched by the attempt.
    expect(await storedPassword()).toBe(before);
    const own = cli(['retention', '--municipality', AARHUS, '--dry-run']);
    expect({ status: own.status, stderr: own.stderr }).toEqual({ status: 0, stderr: '' });
  });
});
