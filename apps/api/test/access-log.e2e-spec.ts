import { spawnSync } from 'node:child_process';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { join } from 'node:path';
import type { AccessLogEntry, AccessLogVerification, User } from '@outcomes/contracts';
import { DEMO_IDS } from '@outcomes/seeds';
import { createUser } from './support/fixtures';
import { call, closeDb, db, listPath } from './support/http';

afterAll(closeDb);

async function lastEntries(userId: string, n: number): Promise<Record<string, unknown>[]> {
  const rows = await db().query('SELECT * FROM access_log WHERE user_id = $1 ORDER BY seq DESC LIMIT $2', [userId, n]);
  return rows.rows;
}

const verify = (): Promise<{ status: number; body: AccessLogVerification }> =>
  call<AccessLogVerification>('GET', '/api/access-log/verify', undefined, { as: 'admin@odense.demo' });

function cliVerify(): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [join(__dirname, '../../../dist/apps/api/cli.js'), 'audit-verify'], {
    env: {
      PATH: process.env['PATH'],
      DATABASE_URL: process.env['TEST_DATABASE_URL'],
      AUDIT_KEY: process.env['TEST_AUDIT_KEY'],
      // The run's API signs its anchors here; the verifier holds the public key only.
      AUDIT_ANCHOR_DIR: process.env['TEST_AUDIT_ANCHOR_DIR'],
      AUDIT_VERIFY_KEY: createPublicKey(createPrivateKey({ key: Buffer.from(process.env['TEST_AUDIT_SIGNING_KEY'] as string, 'base64'), format: 'der', type: 'pkcs8' }))
        .export({ type: 'spki', format: 'der' })
        .toString('base64'),
      NODE_ENV: 'test',
      DATA_DIR: '/tmp/outcomes-cli-unused',
    },
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('every use of personal data is logged in the same transaction', () => {
  it('logs a search with its criterion, a read, a create and an update', async () => {
    const admin = DEMO_IDS.users.aarhus.admin;
    await call('GET', listPath('users', { filter: { q: 'Behandler' } }), undefined, { as: 'admin@aarhus.demo' });
    const [search] = await lastEntries(admin, 1);
    expect(search).toMatchObject({ action: 'search', resource: 'users', outcome: 'ok', municipality_id: DEMO_IDS.municipalities.aarhus });
    // What was searched, never the text (access-log-content.e2e-spec.ts tries harder).
    expect(JSON.parse(search?.['criterion'] as string)).toMatchObject({ fields: ['q'], values: { q: { words: 1, cpr: false } } });
    expect(search?.['criterion']).not.toMatch(/behandler/i);

    const user = await createUser('aarhus', 'staff');
    const [created] = await lastEntries(admin, 1);
    expect(created).toMatchObject({ action: 'create', resource: 'users', record_id: user.id, outcome: 'ok' });

    await call<User>('GET', `/api/users/${user.id}`, undefined, { as: 'admin@aarhus.demo' });
    const [read] = await lastEntries(admin, 1);
    expect(read).toMatchObject({ action: 'read', record_id: user.id, address: expect.stringMatching(/127\.0\.0\.1/) });
  });

  it('logs a refusal by role (403) and a record of another municipality (404, no existence leak)', async () => {
    const target = DEMO_IDS.users.odense.staff;
    const byRole = await call('GET', `/api/users/${target}`, undefined, { as: 'staff@aarhus.demo' });
    expect(byRole.status).toBe(403);
    const [refused] = await lastEntries(DEMO_IDS.users.aarhus.staff, 1);
    expect(refused).toMatchObject({ action: 'read', resource: 'users', record_id: target, outcome: 'refused' });

    const otherTown = await call('GET', `/api/users/${target}`, undefined, { as: 'admin@aarhus.demo' });
    expect(otherTown.status).toBe(404);
    const [notFound] = await lastEntries(DEMO_IDS.users.aarhus.admin, 1);
    expect(notFound).toMatchObject({ action: 'read', resource: 'users', record_id: target, outcome: 'not-found' });
  });

  it('does not log a write when the work fails and is rolled back; the refused attempt is logged as refused', async () => {
    const before = (await db().query<{ s: string }>('SELECT coalesce(max(seq), 0)::text AS s FROM access_log')).rows[0]?.s;
    const bad = await call('POST', '/api/users', { email: 'bad', displayName: 'B', role: 'staff', password: 'x' }, { as: 'admin@aarhus.demo' });
    expect(bad.status).toBe(400);
    const rows = await db().query<{ action: string; resource: string; outcome: string }>('SELECT action, resource, outcome FROM access_log WHERE seq > $1', [before]);
    expect(rows.rows).toEqual([{ action: 'create', resource: 'users', outcome: 'refused' }]);
  });

  it('shows an admin only the own municipality’s log, filterable by user', async () => {
    const sut = await call<AccessLogEntry[]>('GET', listPath('access-log', { filter: { userId: DEMO_IDS.users.aarhus.staff } }), undefined, { as: 'admin@odense.demo' });
    expect(sut.status).toBe(200);
    // Odense's own log only: an Aarhus staff member is in it only where they opened an Odense citizen's
    // record under emergency access (both municipalities' logs, decision 83), never with Aarhus's rows.
    expect(sut.body.filter((e) => e.municipalityId !== DEMO_IDS.municipalities.odense || e.resource !== 'emergency-accesses')).toEqual([]);
    const own = await call<AccessLogEntry[]>('GET', listPath('access-log', { sort: ['seq', 'DESC'], range: [0, 9] }), undefined, { as: 'admin@aarhus.demo' });
    expect(own.body.length).toBeGreaterThan(0);
    expect(new Set(own.body.map((e) => e.municipalityId))).toEqual(new Set([DEMO_IDS.municipalities.aarhus]));
    expect(own.headers.get('content-range')).toMatch(/^access-log 0-\d+\/\d+$/);
  });
});

describe('the hash chain', () => {
  it('verifies, and after a direct change names the changed row (endpoint and npm run audit:verify)', async () => {
    await call('GET', listPath('users'), undefined, { as: 'admin@odense.demo' });
    const intact = await verify();
    expect(intact.body).toMatchObject({ ok: true, firstBrokenSeq: null });
    expect(intact.body.checked).toBeGreaterThan(0);
    expect(cliVerify()).toMatchObject({ status: 0, output: expect.stringContaining('chain intact') });

    // A row of Odense's own chain: the admin is told their own chain's broken row (another chain's break
    // is told without its row, access-log-chains.e2e-spec.ts); the CLI, the operator's tool, names any.
    const { rows } = await db().query<{ seq: string; outcome: string }>('SELECT seq::text AS seq, outcome FROM access_log WHERE municipality_id = $1 ORDER BY seq LIMIT 1 OFFSET 1', [DEMO_IDS.municipalities.odense]);
    const victim = rows[0] as { seq: string; outcome: string };
    const client = await db().connect();
    try {
      // As the owner, with the guard triggers switched off: what an intruder with database rights could do.
      await client.query('ALTER TABLE access_log DISABLE TRIGGER USER');
      await client.query("UPDATE access_log SET outcome = CASE WHEN outcome = 'ok' THEN 'refused' ELSE 'ok' END WHERE seq = $1", [victim.seq]);
      const broken = await verify();
      expect(broken.body).toMatchObject({ ok: false, firstBrokenSeq: Number(victim.seq) });
      const cli = cliVerify();
      expect(cli.status).toBe(1);
      expect(cli.output).toContain(`seq ${victim.seq}`);
    } finally {
      await client.query('UPDATE access_log SET outcome = $1 WHERE seq = $2', [victim.outcome, victim.seq]);
      await client.query('ALTER TABLE access_log ENABLE TRIGGER USER');
      client.release();
    }
    expect((await verify()).body.ok).toBe(true);
  });
});
