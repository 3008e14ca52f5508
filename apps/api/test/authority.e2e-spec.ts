import { randomUUID } from 'node:crypto';
import type { ApiErrorBody, EvaluatorGrant, ExportJob, ExportProject, Municipality, OutcomeReport, Programme, User } from '@outcomes/contracts';
import { DEMO_IDS } from '@outcomes/seeds';
import { admins, createOperator, createUser, daysFromToday, staff } from './support/fixtures';
import { asAppRole, call, closeDb, db, forgetToken, listPath, tokenFor } from './support/http';

afterAll(closeDb);

// Issue #17, as the attacker tried it: who governs the shared catalogue and another municipality's
// data. Every expectation here is written from the issue and docs/domain.md's roles, not the permissions table.

const AARHUS = DEMO_IDS.municipalities.aarhus;
const ODENSE = DEMO_IDS.municipalities.odense;
const NATIONAL_MOVE = DEMO_IDS.programmes.move;

/** The one row a query must answer; a setup that found nothing fails the test here. */
async function one<T extends object>(sql: string, params: unknown[] = []): Promise<T> {
  const [row] = (await db().query<T>(sql, params)).rows;
  if (!row) throw new Error(`no row for: ${sql}`);
  return row;
}

const municipalityRow = (id: string) => one<{ name: string; hourly_rate: string | null; version: number }>('SELECT name, hourly_rate, version FROM municipality WHERE id = $1', [id]);

/** The access-log rows a user wrote about a record since `afterSeq`. */
async function logged(userId: string, recordId: string, afterSeq: string): Promise<{ action: string; resource: string; outcome: string }[]> {
  const rows = await db().query<{ action: string; resource: string; outcome: string }>(
    'SELECT action, resource, outcome FROM access_log WHERE user_id = $1 AND record_id = $2 AND seq > $3 ORDER BY seq',
    [userId, recordId, afterSeq],
  );
  return rows.rows;
}

const headSeq = async (): Promise<string> => (await one<{ s: string }>('SELECT coalesce(max(seq), 0)::text AS s FROM access_log')).s;

async function editable(id: string, as: string): Promise<Municipality> {
  const res = await call<Municipality>('GET', `/api/municipalities/${id}`, undefined, { as });
  expect(res.status).toBe(200);
  return res.body;
}

describe('municipalities: the operator governs them, an admin only their own settings', () => {
  it('the Aarhus admin cannot rename, re-rate or delete Odense; nothing changes; the attempts are logged', async () => {
    const before = await municipalityRow(ODENSE);
    const odense = await editable(ODENSE, admins.aarhus);
    const since = await headSeq();
    const rename = await call<ApiErrorBody>('PUT', `/api/municipalities/${ODENSE}`, { code: odense.code, name: 'Overtaget', hourlyRate: 1, version: odense.version }, { as: admins.aarhus });
    expect([403, 404]).toContain(rename.status);
    const rerate = await call<ApiErrorBody>('PUT', `/api/municipalities/${ODENSE}`, { code: odense.code, name: odense.name, hourlyRate: 1, version: odense.version }, { as: admins.aarhus });
    expect([403, 404]).toContain(rerate.status);
    const remove = await call<ApiErrorBody>('DELETE', `/api/municipalities/${ODENSE}`, undefined, { as: admins.aarhus });
    expect(remove.status).toBe(403);
    expect(await municipalityRow(ODENSE)).toEqual(before);
    const attempts = await logged(DEMO_IDS.users.aarhus.admin, ODENSE, since);
    expect(attempts.map((a) => `${a.action}/${a.outcome}`)).toEqual(['update/not-found', 'update/not-found', 'delete/refused']);
  });

  it('the Aarhus admin changes Aarhus’s hourly rate, but not its name or number (403 naming them)', async () => {
    const aarhus = await editable(AARHUS, admins.aarhus);
    const renamed = await call<ApiErrorBody>('PUT', `/api/municipalities/${AARHUS}`, { code: '999', name: 'Nyt navn', hourlyRate: aarhus.hourlyRate, version: aarhus.version }, { as: admins.aarhus });
    expect(renamed.status).toBe(403);
    expect(Object.keys(renamed.body.errors ?? {}).sort()).toEqual(['code', 'name']);
    expect((await municipalityRow(AARHUS)).name).toBe(aarhus.name);

    const since = await headSeq();
    const rate = (aarhus.hourlyRate ?? 400) + 1;
    const rerated = await call<Municipality>('PUT', `/api/municipalities/${AARHUS}`, { code: aarhus.code, name: aarhus.name, hourlyRate: rate, version: aarhus.version }, { as: admins.aarhus });
    expect(rerated.status).toBe(200);
    expect(rerated.body.hourlyRate).toBe(rate);
    expect(await logged(DEMO_IDS.users.aarhus.admin, AARHUS, since)).toEqual([{ action: 'update', resource: 'municipalities', outcome: 'ok' }]);
    // With the rate before and after, so "who changed the cost figures" has an answer.
    const change = await one<{ change: { before: { hourlyRate: number | null }; after: { hourlyRate: number } } }>(
      `SELECT change FROM access_log WHERE user_id = $1 AND record_id = $2 AND seq > $3 AND outcome = 'ok'`, [DEMO_IDS.users.aarhus.admin, AARHUS, since],
    );
    expect([change.change.before.hourlyRate, change.change.after.hourlyRate]).toEqual([aarhus.hourlyRate, rate]);
  });

  it('in SQL as the restricted role with the Aarhus admin’s settings, Odense cannot be changed, made or removed', async () => {
    await asAppRole({ 'app.role': 'admin', 'app.municipality_id': AARHUS, 'app.user_id': DEMO_IDS.users.aarhus.admin }, async (client) => {
      expect((await client.query(`UPDATE municipality SET hourly_rate = 1 WHERE id = $1`, [ODENSE])).rowCount).toBe(0);
      expect((await client.query(`DELETE FROM municipality WHERE id = $1`, [AARHUS])).rowCount).toBe(0);
      await expect(client.query(`INSERT INTO municipality (code, name) VALUES ('998', 'Falsk')`)).rejects.toThrow(/row-level security/);
    });
  });

  it('the national operator, made by the CLI, creates, renames and deletes a municipality, and sees no citizen', async () => {
    const operator = createOperator();
    await tokenFor(operator.email, operator.password);
    const { code } = await one<{ code: string }>(
      `SELECT x::text AS code FROM generate_series(800, 899) x WHERE NOT EXISTS (SELECT 1 FROM municipality WHERE code = x::text) LIMIT 1`,
    );
    const created = await call<Municipality>('POST', '/api/municipalities', { code, name: 'Prøvekommune', hourlyRate: 450 }, { as: operator.email });
    expect(created.status).toBe(201);
    const renamed = await call<Municipality>('PUT', `/api/municipalities/${created.body.id}`, { code, name: 'Prøve Kommune', hourlyRate: 460, version: created.body.version }, { as: operator.email });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('Prøve Kommune');
    expect((await call('DELETE', `/api/municipalities/${created.body.id}`, undefined, { as: operator.email })).status).toBe(200);
    expect(await db().query('SELECT 1 FROM municipality WHERE id = $1', [created.body.id])).toMatchObject({ rowCount: 0 });

    expect((await call('GET', '/api/citizens', undefined, { as: operator.email })).status).toBe(403);
    expect((await call('GET', '/api/users', undefined, { as: operator.email })).status).toBe(403);
    // The operator's own log: their three changes, under no municipality; no municipality's rows.
    const { id: operatorId } = await one<{ id: string }>('SELECT id FROM app_user WHERE email = $1', [operator.email]);
    const log = await call<{ municipalityId: string | null; resource: string; action: string }[]>('GET', listPath('access-log', { filter: { resource: 'municipalities', userId: operatorId } }), undefined, { as: operator.email });
    expect(log.status).toBe(200);
    expect(log.body.map((r) => r.action).sort()).toEqual(['create', 'delete', 'update']);
    expect(log.body.every((r) => r.municipalityId === null)).toBe(true);
  });

  it('nobody but the CLI makes an operator: an admin’s user with role operator is a 400', async () => {
    const res = await call<ApiErrorBody>('POST', '/api/users', { email: `op-${randomUUID().slice(0, 6)}@aarhus.test`, displayName: 'X', role: 'operator', password: 'Grøn-Cykel-Lampe-2026!' }, { as: admins.aarhus });
    expect(res.status).toBe(400);
    expect(res.body.errors?.['role']).toMatch(/must be one of staff, coordinator, evaluator, admin/);
  });
});

describe('programmes: the national catalogue is the operator’s, local programmes their municipality’s', () => {
  it('an admin cannot change or delete a national programme (403 saying who governs it); nothing changes', async () => {
    const move = await call<Programme>('GET', `/api/programmes/${NATIONAL_MOVE}`, undefined, { as: admins.aarhus });
    expect(move.status).toBe(200);
    const { id: _i, createdAt: _c, updatedAt: _u, municipalityId: _m, ...body } = move.body;
    const changed = await call<ApiErrorBody>('PUT', `/api/programmes/${NATIONAL_MOVE}`, { ...body, expectedSessions: 1 }, { as: admins.aarhus });
    expect(changed.status).toBe(403);
    expect(changed.body.errors?.['municipalityId']).toMatch(/national/);
    expect((await call('DELETE', `/api/programmes/${NATIONAL_MOVE}`, undefined, { as: admins.odense })).status).toBe(403);
    expect((await db().query('SELECT expected_sessions FROM programme WHERE id = $1', [NATIONAL_MOVE])).rows[0]).toEqual({ expected_sessions: 12 });
  });

  it('an admin’s local programme is Aarhus’s alone: Odense neither sees nor changes it', async () => {
    const code = `LOK${randomUUID().slice(0, 5).toUpperCase()}`;
    const created = await call<Programme>('POST', '/api/programmes', { code, name: 'Lokalt tilbud', format: 'individual', expectedSessions: 6, followUpMonths: [3] }, { as: admins.aarhus });
    expect(created.status).toBe(201);
    expect(created.body.municipalityId).toBe(AARHUS);
    expect((await call('GET', `/api/programmes/${created.body.id}`, undefined, { as: staff.aarhus })).status).toBe(200);
    expect((await call('GET', `/api/programmes/${created.body.id}`, undefined, { as: staff.odense })).status).toBe(404);
    const odenseList = await call<Programme[]>('GET', listPath('programmes', { range: [0, 499] }), undefined, { as: admins.odense });
    expect(odenseList.body.map((p) => p.code)).not.toContain(code);
    const { id: _i, createdAt: _c, updatedAt: _u, municipalityId: _m, ...body } = created.body;
    expect((await call('PUT', `/api/programmes/${created.body.id}`, { ...body, name: 'Kapret' }, { as: admins.odense })).status).toBe(404);
    // The same code in Odense's own catalogue is no clash and tells Odense nothing about Aarhus.
    const odenseOwn = await call<Programme>('POST', '/api/programmes', { code, name: 'Odenses eget', format: 'individual' }, { as: admins.odense });
    expect(odenseOwn.status).toBe(201);
    expect((await db().query('SELECT name FROM programme WHERE id = $1', [created.body.id])).rows[0]).toEqual({ name: 'Lokalt tilbud' });
  });
});

describe('grants: made by the data owner’s admin, ended by revocation, expiry or a new role', () => {
  const grant = (as: string, evaluatorEmail: string, extra: Record<string, unknown> = {}) =>
    call<EvaluatorGrant & ApiErrorBody>('POST', '/api/evaluator-grants', {
      evaluatorEmail, purpose: 'Effektevaluering af HCS på tværs af kommuner', validFrom: daysFromToday(-1), validUntil: daysFromToday(30), ...extra,
    }, { as });
  const odenseReport = (as: string) =>
    call<OutcomeReport & ApiErrorBody>('GET', `/api/outcomes/report?programmeId=${DEMO_IDS.programmes.hcs}&municipalityId=${ODENSE}&from=2020-01-01&to=2030-12-31`, undefined, { as });

  it('an admin cannot give their evaluator another municipality’s data: the user has no such field any more', async () => {
    const res = await call<ApiErrorBody>('POST', '/api/users', {
      email: `ev-${randomUUID().slice(0, 6)}@odense.test`, displayName: 'Evaluator', role: 'evaluator', password: 'Grøn-Cykel-Lampe-2026!', grantedMunicipalityIds: [AARHUS],
    }, { as: admins.odense });
    expect(res.status).toBe(400);
    expect(res.body.errors?.['grantedMunicipalityIds']).toBeDefined();
  });

  it('a grant names an active evaluator of another municipality (400 otherwise), for at most a year, and writes nothing when refused', async () => {
    const before = Number((await one<{ n: string }>('SELECT count(*) AS n FROM evaluator_grant')).n);
    expect((await grant(admins.odense, 'staff@aarhus.demo')).body.errors?.['evaluatorEmail']).toMatch(/no active evaluator/);
    expect((await grant(admins.odense, 'evaluator@odense.demo')).body.errors?.['evaluatorEmail']).toMatch(/own municipality/);
    expect((await grant(admins.odense, 'evaluator@aarhus.demo', { validUntil: daysFromToday(400) })).body.errors?.['validUntil']).toMatch(/at most/);
    expect((await grant(admins.odense, 'evaluator@aarhus.demo', { validFrom: daysFromToday(5), validUntil: daysFromToday(2) })).body.errors?.['validUntil']).toMatch(/before validFrom/);
    const smuggled = await grant(admins.odense, 'evaluator@aarhus.demo', { municipalityId: AARHUS });
    expect(smuggled.status).toBe(400);
    expect(Number((await one<{ n: string }>('SELECT count(*) AS n FROM evaluator_grant')).n)).toBe(before);
    expect((await grant(staff.odense, 'evaluator@aarhus.demo')).status).toBe(403);
  });

  it('grant, read, revoke: the evaluator reads Odense’s report and downloads an export while granted, and neither after', async () => {
    const evaluator = await createUser('aarhus', 'evaluator');
    await tokenFor(evaluator.email, evaluator.password);
    expect((await odenseReport(evaluator.email)).status).toBe(403);

    const made = await grant(admins.odense, evaluator.email);
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ municipalityId: ODENSE, evaluatorMunicipalityId: AARHUS, evaluatorUserId: evaluator.id, status: 'active', grantedByUserId: DEMO_IDS.users.odense.admin });
    // Both sides see it; the evaluator sees it; another evaluator of Aarhus does not.
    for (const as of [admins.odense, admins.aarhus, evaluator.email]) {
      const seen = await call<EvaluatorGrant[]>('GET', listPath('evaluator-grants', { filter: { id: [made.body.id] } }), undefined, { as });
      expect(seen.body.map((g) => g.id)).toEqual([made.body.id]);
    }
    expect((await call('GET', `/api/evaluator-grants/${made.body.id}`, undefined, { as: 'evaluator@aarhus.demo' })).status).toBe(404);
    // Only the data owner revokes.
    expect((await call('DELETE', `/api/evaluator-grants/${made.body.id}`, undefined, { as: admins.aarhus })).status).toBe(403);

    const report = await odenseReport(evaluator.email);
    expect(report.status).toBe(200);
    expect(report.body.disclosureControlled).toBe(true);
    const project = await call<ExportProject>('POST', '/api/export-projects', {
      name: `Tværkommunal ${randomUUID().slice(0, 6)}`, purpose: 'Sammenligning', municipalityIds: [ODENSE], programmeIds: [DEMO_IDS.programmes.hcs], periodFrom: '2020-01-01', periodTo: '2030-12-31',
    }, { as: evaluator.email });
    expect(project.status).toBe(201);
    const job = await call<ExportJob>('POST', '/api/export-jobs', { projectId: project.body.id, dataset: 'enrolments', format: 'csv' }, { as: evaluator.email });
    expect(job.status).toBe(201);
    let status = job.body.status;
    for (let i = 0; i < 300 && status !== 'done' && status !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 200));
      status = (await call<ExportJob>('GET', `/api/export-jobs/${job.body.id}`, undefined, { as: evaluator.email })).body.status;
    }
    expect(status).toBe('done');
    const download = () => call('GET', `/api/export-jobs/${job.body.id}/download`, undefined, { as: evaluator.email });
    expect((await download()).status).toBe(200);
    // Its syntax files (labels only, no rows) follow the grant as the file does.
    const syntax = () => call('GET', `/api/export-jobs/${job.body.id}/syntax/r?lang=da`, undefined, { as: evaluator.email });
    expect((await syntax()).status).toBe(200);

    const revoked = await call<EvaluatorGrant>('DELETE', `/api/evaluator-grants/${made.body.id}`, undefined, { as: admins.odense });
    expect(revoked.status).toBe(200);
    expect(revoked.body.status).toBe('revoked');
    // At once, with the same token: the session reads grants on every request.
    expect((await odenseReport(evaluator.email)).status).toBe(403);
    expect((await download()).status).toBe(403);
    expect((await syntax()).status).toBe(403);
    expect((await call('DELETE', `/api/evaluator-grants/${made.body.id}`, undefined, { as: admins.odense })).status).toBe(409);
    const trail = await db().query<{ action: string; change: { before: { status?: string } | null; after: { status?: string } | null } | null }>(
      "SELECT action, change FROM access_log WHERE resource = 'evaluator-grants' AND record_id = $1 AND user_id = $2 AND outcome = 'ok' AND change IS NOT NULL ORDER BY seq",
      [made.body.id, DEMO_IDS.users.odense.admin],
    );
    expect(trail.rows.map((r) => [r.action, r.change?.before?.status ?? null, r.change?.after?.status ?? null])).toEqual([['create', null, 'active'], ['update', 'active', 'revoked']]);
  });

  it('an expired grant gives nothing, though never revoked', async () => {
    const evaluator = await createUser('aarhus', 'evaluator');
    const made = await grant(admins.odense, evaluator.email);
    expect(made.status).toBe(201);
    await db().query(`UPDATE evaluator_grant SET valid_from = current_date - 30, valid_until = current_date - 3 WHERE id = $1`, [made.body.id]);
    await tokenFor(evaluator.email, evaluator.password);
    expect((await odenseReport(evaluator.email)).status).toBe(403);
    expect((await call<EvaluatorGrant>('GET', `/api/evaluator-grants/${made.body.id}`, undefined, { as: admins.odense })).body.status).toBe('expired');
  });

  it('a grant ends with the evaluator role: made staff, they read nothing of Odense, and made evaluator again, still nothing', async () => {
    const evaluator = await createUser('aarhus', 'evaluator');
    const made = await grant(admins.odense, evaluator.email);
    expect(made.status).toBe(201);
    const asStaff = await call<User>('PUT', `/api/users/${evaluator.id}`, { email: evaluator.email, displayName: evaluator.displayName, role: 'staff', active: true, version: evaluator.version }, { as: admins.aarhus });
    expect(asStaff.status).toBe(200);
    forgetToken(evaluator.email);
    await tokenFor(evaluator.email, evaluator.password);
    expect((await odenseReport(evaluator.email)).status).toBe(403);
    expect((await call<EvaluatorGrant>('GET', `/api/evaluator-grants/${made.body.id}`, undefined, { as: admins.odense })).body.status).toBe('revoked');
    const back = await call<User>('PUT', `/api/users/${evaluator.id}`, { email: evaluator.email, displayName: evaluator.displayName, role: 'evaluator', active: true, version: asStaff.body.version }, { as: admins.aarhus });
    expect(back.status).toBe(200);
    forgetToken(evaluator.email);
    await tokenFor(evaluator.email, evaluator.password);
    expect((await odenseReport(evaluator.email)).status).toBe(403);
  });

  it('in SQL as the restricted role, the evaluator’s own admin can neither insert nor revoke a grant of Odense’s data', async () => {
    const evaluator = await createUser('aarhus', 'evaluator');
    const made = await grant(admins.odense, evaluator.email);
    expect(made.status).toBe(201);
    await asAppRole({ 'app.role': 'admin', 'app.municipality_id': AARHUS, 'app.user_id': DEMO_IDS.users.aarhus.admin }, async (client) => {
      await expect(client.query(
        `INSERT INTO evaluator_grant (evaluator_user_id, evaluator_email, evaluator_municipality_id, municipality_id, granted_by_user_id, purpose, valid_from, valid_until)
         VALUES ($1, $2, $3, $4, $5, 'x', current_date, current_date)`,
        [evaluator.id, evaluator.email, AARHUS, ODENSE, DEMO_IDS.users.aarhus.admin],
      )).rejects.toThrow(/row-level security/);
    });
    await asAppRole({ 'app.role': 'admin', 'app.municipality_id': AARHUS, 'app.user_id': DEMO_IDS.users.aarhus.admin }, async (client) => {
      expect((await client.query('UPDATE evaluator_grant SET valid_until = current_date + 300 WHERE id = $1', [made.body.id])).rowCount).toBe(0);
      await expect(client.query('DELETE FROM evaluator_grant WHERE id = $1', [made.body.id])).rejects.toThrow(/permission denied/);
    });
  });
});
