import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { EncodedMunicipality, EncodeJob, MunicipalityPlan, SessionRow, SyntheticTable } from '@outcomes/seeds';
import { BinaryRowWriter, encodeMunicipality, generateMunicipality, loadSynthetic, planMunicipalities, SCALES, writeRow } from '@outcomes/seeds';
import { Client } from 'pg';

const run = promisify(execFile);
const CLI = join(__dirname, '../../../dist/apps/api/cli.js');

/**
 * What the synthetic loader refuses, as an attacker (or a bug in the generator) would try it: a row
 * whose reference dangles, sent with the foreign-key triggers off (the owner is a superuser), and a
 * column whose type no longer matches what the binary COPY sends. Each load fails and leaves nothing.
 */
describe('synthetic load: what it refuses', () => {
  const name = `synthetic_refuse_${randomBytes(4).toString('hex')}`;
  const serverUrl = process.env['TEST_DATABASE_URL'] as string;
  const databaseUrl = Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
  const dataDir = mkdtempSync(join(tmpdir(), 'synthetic-refuse-'));
  const env = {
    PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', NODE_ENV: 'test', DATA_DIR: dataDir, DATABASE_URL: databaseUrl,
    JWT_SECRET: process.env['TEST_JWT_SECRET'] as string, ENCRYPTION_KEY: randomBytes(32).toString('base64'), BLIND_INDEX_KEY: randomBytes(32).toString('base64'), AUDIT_KEY: randomBytes(32).toString('base64'),
  };
  // The encryption is not what is tested: a marker stands in for the API's IdentifierCrypto.
  const crypto = { encrypt: (f: string, p: string) => `${f}:${p}`, encryptNullable: (f: string, p: string | null | undefined) => (p ? `${f}:${p}` : null), blindIndex: (k: string, v: string) => `${k}:${v}` };
  let owner: Client;

  beforeAll(async () => {
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    await run(process.execPath, [CLI, 'migrate'], { env });
    owner = new Client({ connectionString: databaseUrl });
    await owner.connect();
  }, 120_000);

  afterAll(async () => {
    await owner?.end();
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`DROP DATABASE IF EXISTS ${name}_typed WITH (FORCE)`);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Loads the demo scale, each municipality encoded as the loader does, then changed by `tamper`. */
  const load = (tamper: (job: EncodeJob, encoded: EncodedMunicipality) => void) =>
    loadSynthetic(owner, {
      scale: 'demo', seed: 11, asOf: '2026-06-01', crypto, unusablePasswordHash: 'not-a-hash',
      encoder: { jobs: 1, encode: async (job) => { const encoded = encodeMunicipality(job, crypto); tamper(job, encoded); return encoded; } },
    });

  /** What a failed load must leave behind: nothing. */
  async function nothingLoaded(): Promise<void> {
    const { rows } = await owner.query<{ runs: number; sessions: number; citizens: number }>(
      `SELECT (SELECT count(*)::int FROM seed_run WHERE name LIKE 'synthetic:%') AS runs, (SELECT count(*)::int FROM treatment_session) AS sessions, (SELECT count(*)::int FROM citizen) AS citizens`);
    expect(rows[0]).toEqual({ runs: 0, sessions: 0, citizens: 0 });
  }

  it('is a superuser here, so the load runs with the foreign-key triggers off and checks the keys itself', async () => {
    const { rows } = await owner.query<{ rolsuper: boolean }>('SELECT rolsuper FROM pg_roles WHERE rolname = current_user');
    expect(rows[0]?.rolsuper).toBe(true);
  });

  it('refuses a session of an enrolment that is not there, naming the key and the rows, and rolls the whole load back', async () => {
    const stray = (job: EncodeJob, encoded: EncodedMunicipality): void => {
      let session: SessionRow | undefined;
      generateMunicipality({ seed: job.seed, scale: SCALES[job.scale], asOf: job.asOf, protocols: job.protocols }, job.plan, {
        add: (table, row) => void (table === 'treatment_session' && (session ??= row as SessionRow)),
      });
      if (!session) throw new Error('the demo municipality has no sessions to copy');
      const writer = new BinaryRowWriter();
      writeRow(writer, 'treatment_session', { ...session, id: randomUUID(), enrolmentId: randomUUID() }, crypto);
      writer.flush();
      const sessions = encoded.treatment_session as { chunks: Buffer[]; rows: number };
      sessions.chunks.push(...writer.chunks);
      sessions.rows++;
    };
    await expect(load(stray)).rejects.toThrow(/foreign key \S+ \(treatment_session -> enrolment\) would be broken by the load: 2 row\(s\)/);
    await nothingLoaded();
  });

  it('refuses a session of an enrolment that is there but in the other municipality (the key includes the municipality)', async () => {
    const plans = planMunicipalities(SCALES.demo);
    const crossed = (job: EncodeJob, encoded: EncodedMunicipality): void => {
      const firstOf = <T>(plan: MunicipalityPlan, table: SyntheticTable): T => {
        let found: T | undefined;
        generateMunicipality({ seed: job.seed, scale: SCALES[job.scale], asOf: job.asOf, protocols: job.protocols }, plan, { add: (t, row) => void (t === table && (found ??= row as T)) });
        if (!found) throw new Error(`no ${table} row to copy`);
        return found;
      };
      // Ids come from the municipality's number, not its id: the other plan's enrolments are the ones loaded.
      const other = plans.find((p) => p.municipality.number !== job.plan.municipality.number) as MunicipalityPlan;
      const session = firstOf<SessionRow>(job.plan, 'treatment_session');
      const elsewhere = firstOf<{ id: string }>(other, 'enrolment');
      const writer = new BinaryRowWriter();
      writeRow(writer, 'treatment_session', { ...session, id: randomUUID(), enrolmentId: elsewhere.id }, crypto);
      writer.flush();
      const sessions = encoded.treatment_session as { chunks: Buffer[]; rows: number };
      sessions.chunks.push(...writer.chunks);
      sessions.rows++;
    };
    await expect(load(crossed)).rejects.toThrow(/foreign key \S+ \(treatment_session -> enrolment\) would be broken by the load: 2 row\(s\)/);
    await nothingLoaded();
  });

  it('loads the same data untampered (the refusal above was the stray rows, not the data)', async () => {
    const summary = await load(() => undefined);
    expect(summary.rows.treatment_session).toBeGreaterThan(0);
  });

  it('refuses to send a column as a type the database no longer has, naming the column, before any COPY is sent', async () => {
    const fresh = `${name}_typed`;
    await owner.query(`CREATE DATABASE ${fresh} TEMPLATE template0`);
    const other = Object.assign(new URL(serverUrl), { pathname: `/${fresh}` }).toString();
    try {
      await run(process.execPath, [CLI, 'migrate'], { env: { ...env, DATABASE_URL: other } });
      const client = new Client({ connectionString: other });
      await client.connect();
      try {
        await client.query(`ALTER TABLE follow_up_attempt ALTER COLUMN reached TYPE text`);
        // Every statement the load sends, to show that no COPY went out before the refusal.
        const sent: string[] = [];
        const query = client.query.bind(client) as (...args: unknown[]) => unknown;
        client.query = ((...args: unknown[]) => {
          const first = args[0] as string | { text?: string };
          sent.push(typeof first === 'string' ? first : (first.text ?? ''));
          return query(...args);
        }) as typeof client.query;
        await expect(loadSynthetic(client, { scale: 'demo', seed: 12, asOf: '2026-06-01', crypto, unusablePasswordHash: 'not-a-hash' }))
          .rejects.toThrow("the synthetic loader sends follow_up_attempt.reached as bool, but the database's column is text");
        expect(sent.length).toBeGreaterThan(0);
        expect(sent.filter((text) => /^\s*COPY/i.test(text))).toEqual([]);
        const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM citizen');
        expect(rows[0]?.n).toBe(0);
      } finally {
        await client.end();
      }
    } finally {
      await owner.query(`DROP DATABASE IF EXISTS ${fresh} WITH (FORCE)`);
    }
  }, 120_000);
});
