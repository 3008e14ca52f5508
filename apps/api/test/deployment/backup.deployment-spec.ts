import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AccessLogVerification, Citizen } from '@outcomes/contracts';
import { Client } from 'pg';
// Plain JS helper shared with the browser tests and CI.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startApi } from '../../../../tools/testing/api-process.cjs';
import { freshCpr } from '../support/fixtures';
import { getJson, newDatabase, realSecrets, run, signIn } from './support';

const PASSWORD = 'demo-password-2026';

/** Rows of every table in the database's own schemas (public, pgboss), by table. */
async function rowCounts(url: string): Promise<Record<string, number>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables WHERE schemaname IN ('public', 'pgboss') ORDER BY 1`,
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables) counts[name] = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${name}`)).rows[0]?.n);
    return counts;
  } finally {
    await client.end();
  }
}

describe('backup and restore (npm run db:backup, npm run db:restore)', () => {
  it('restores a seeded database into a new one with the same rows, a verifying access log and readable names', async () => {
    const source = await newDatabase('backup_src');
    const target = await newDatabase('backup_dst');
    const dir = mkdtempSync(join(tmpdir(), 'outcomes-backup-'));
    const secrets = realSecrets();
    const apis: { stop(): Promise<void> }[] = [];
    try {
      const original = await startApi({ DATABASE_URL: source.url, SEED_DEMO: 'true', ...secrets });
      apis.push(original);
      const staff = await signIn(original.baseUrl, 'staff@aarhus.demo', PASSWORD);
      const cpr = freshCpr();
      const created = await fetch(`${original.baseUrl}/api/citizens`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${staff}` },
        body: JSON.stringify({ cpr, firstName: 'Åse', lastName: 'Backup-Kristensen' }),
      });
      expect(created.status).toBe(201);
      const citizen = (await created.json()) as Citizen;
      expect((await getJson(original.baseUrl, `/api/citizens/${citizen.id}`, staff)).status).toBe(200);

      // Online: the API keeps running while pg_dump takes its consistent snapshot.
      const backup = await run(process.execPath, ['tools/backup/db-backup.mjs', '--out', dir], { DATABASE_URL: source.url, ...secrets });
      expect(backup).toMatchObject({ code: 0 });
      expect(statSync(join(dir, 'keys.json')).mode & 0o777).toBe(0o600);
      // The keys the data needs; not the anchors' signing key, which signs the running API's anchors and
      // is no part of the data (an anchor is checked with its public key).
      const { AUDIT_SIGNING_KEY: _signing, ...dataKeys } = secrets;
      expect(JSON.parse(readFileSync(join(dir, 'keys.json'), 'utf8'))).toEqual(dataKeys);
      const dump = readFileSync(join(dir, 'database.dump'));
      expect(dump.includes(Buffer.from('Backup-Kristensen'))).toBe(false); // names are encrypted in the dump
      await original.stop();
      const before = await rowCounts(source.url);

      const restore = await run(process.execPath, ['tools/backup/db-restore.mjs', '--from', dir], { DATABASE_URL: target.url });
      expect(restore.stderr).toBe('');
      expect(restore).toMatchObject({ code: 0 });
      expect(restore.stdout).toMatch(/access log verified: \d+ rows, chain intact/);
      expect(await rowCounts(target.url)).toEqual(before);
      expect(before['public.citizen']).toBeGreaterThan(0);
      expect(before['public.access_log']).toBeGreaterThan(0);

      // The API on the restored database, with the keys kept beside the dump, reads the names again.
      const keys = JSON.parse(readFileSync(join(dir, 'keys.json'), 'utf8')) as Record<string, string>;
      const restored = await startApi({ DATABASE_URL: target.url, ...keys });
      apis.push(restored);
      const again = await signIn(restored.baseUrl, 'staff@aarhus.demo', PASSWORD);
      const read = await getJson<Citizen>(restored.baseUrl, `/api/citizens/${citizen.id}`, again);
      expect(read.body).toMatchObject({ firstName: 'Åse', lastName: 'Backup-Kristensen', cpr });
      const admin = await signIn(restored.baseUrl, 'admin@aarhus.demo', PASSWORD);
      expect((await getJson<AccessLogVerification>(restored.baseUrl, '/api/access-log/verify', admin)).body).toMatchObject({ ok: true });

      // Never over a database that holds tables.
      const over = await run(process.execPath, ['tools/backup/db-restore.mjs', '--from', dir], { DATABASE_URL: target.url });
      expect(over.code).not.toBe(0);
      expect(over.stderr).toContain('not empty');
    } finally {
      for (const api of apis) await api.stop();
      await source.drop();
      await target.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);

  it('refuses the embedded database, whose PostgreSQL 18 comes without pg_dump, and says what to do instead', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'outcomes-backup-'));
    try {
      const embedded = await run(process.execPath, ['tools/backup/db-backup.mjs', '--out', dir], {});
      expect(embedded.code).toBe(78);
      expect(embedded.stderr).toContain('copying DATA_DIR');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
