import type { ApiErrorBody, LegalHold, RetentionOverview, RetentionRun } from '@outcomes/contracts';
import { DEMO_IDS } from '@outcomes/seeds';
import { CITIZEN_DATA_TABLE_NAMES } from '../src/database/citizen-data-tables';
import type { CitizenDataTable } from '../src/database/citizen-data-tables';
import { backdate, fillEveryTable, rowsPerTable } from '../src/testing/retention-rows';
import { staff } from './support/fixtures';
import { call, closeDb, db } from './support/http';
import { apiCrypto, closeRows, ownerManager, rows } from './support/rows';

/**
 * Retention over HTTP (issue 22, decisions 97-100): the dry run an admin reads equals what the run
 * then erases, counted per table in the database; each erased citizen is in the access log; a legal
 * hold keeps a citizen out and makes an explicit erasure a 409 naming why; another municipality's
 * admin sees and erases none of it. The citizens' rows are moved 11 years back by the owner.
 */
afterAll(async () => {
  await closeRows();
  await closeDb();
});

const ADMIN = 'admin@aarhus.demo';
const ODENSE_ADMIN = 'admin@odense.demo';

/** A citizen of Aarhus with a completed course and a row in every table, all of it `years` old. */
async function oldCitizen(years: number): Promise<string> {
  const make = await rows();
  const m = await ownerManager();
  const enrolment = await make.enrolment('aarhus', { state: 'completed' });
  await make.assessment(enrolment, 'intake', enrolment.startDate as string);
  const crypto = apiCrypto();
  await fillEveryTable(m, enrolment, (field, plain) => crypto.encrypt(field, plain));
  await make.courseWithMembers([enrolment], 1);
  await backdate(m, enrolment.citizenId, years);
  return enrolment.citizenId;
}

async function tableCounts(): Promise<Record<CitizenDataTable, number>> {
  const out = {} as Record<CitizenDataTable, number>;
  for (const table of CITIZEN_DATA_TABLE_NAMES) out[table] = Number((await db().query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n);
  return out;
}

describe('retention', () => {
  let due: string[];
  let held: string;
  let recent: string;
  let hold: LegalHold;

  beforeAll(async () => {
    due = [await oldCitizen(11), await oldCitizen(12)];
    held = await oldCitizen(11);
    recent = await oldCitizen(2);
    const placed = await call<LegalHold>('POST', '/api/legal-holds', { citizenId: held, reason: 'Verserende retssag om erstatning' }, { as: staff.aarhus });
    expect(placed.status).toBe(201);
    hold = placed.body;
  });

  it('erases exactly what the dry run listed, counted per table in the database, and writes each erased citizen to the access log', async () => {
    const dry = await call<RetentionOverview>('GET', '/api/retention', undefined, { as: ADMIN });
    expect(dry.status).toBe(200);
    const listed = dry.body.due.map((d) => d.citizenId);
    expect(listed).toEqual(expect.arrayContaining(due));
    expect(listed).not.toContain(held);
    expect(listed).not.toContain(recent);
    expect(dry.body.dueTotal).toBe(listed.length);
    expect(dry.body).toMatchObject({ healthYears: 10, socialYears: 5 });
    expect(dry.body.held).toBeGreaterThanOrEqual(1);
    // Each listed citizen's rows as the database counts them.
    const m = await ownerManager();
    for (const d of dry.body.due) expect(d.rows).toEqual(await rowsPerTable(m, d.citizenId));
    // No names: ids, dates, counts.
    expect(JSON.stringify(dry.body)).not.toMatch(/firstName|lastName|cpr/i);

    const before = await tableCounts();
    // The admin confirms the count they read (decision 118): another count erases nothing, 409 naming expectedCount.
    for (const wrong of [dry.body.dueTotal + 1, dry.body.dueTotal - 1]) {
      const refused = await call<ApiErrorBody>('POST', '/api/retention/runs', { expectedCount: wrong }, { as: ADMIN });
      expect([refused.status, refused.body.code, Object.keys(refused.body.errors ?? {})]).toEqual([409, 'COUNT_CHANGED', ['expectedCount']]);
      expect(await tableCounts()).toEqual(before);
    }
    for (const bad of [{}, { expectedCount: 'alle' }, { expectedCount: -1 }, { expectedCount: 1.5 }]) {
      const refused = await call<ApiErrorBody>('POST', '/api/retention/runs', bad, { as: ADMIN });
      expect([refused.status, Object.keys(refused.body.errors ?? {})]).toEqual([400, ['expectedCount']]);
    }
    expect(await tableCounts()).toEqual(before);
    const run = await call<RetentionRun>('POST', '/api/retention/runs', { expectedCount: dry.body.dueTotal }, { as: ADMIN });
    expect(run.status).toBe(201);
    const after = await tableCounts();
    const removed = Object.fromEntries(CITIZEN_DATA_TABLE_NAMES.map((t) => [t, before[t] - after[t]]));
    // The database lost exactly the rows the dry run listed, table by table; the run says the same.
    expect(removed).toEqual(dry.body.rows);
    expect(run.body.erased).toEqual(dry.body.rows);
    expect(run.body.citizens).toBe(listed.length);
    for (const id of due) expect(Object.values(await rowsPerTable(m, id)).every((n) => n === 0)).toBe(true);
    // The held and the recent citizen are untouched (each with the alias merged into it: 2 records).
    expect((await rowsPerTable(m, held)).citizen).toBe(2);
    expect((await rowsPerTable(m, recent)).citizen).toBe(2);

    const logged = await db().query<{ citizen_id: string; user_id: string; change: string }>(
      `SELECT citizen_id::text, user_id::text, change::text FROM access_log WHERE resource = 'retention' AND action = 'delete' AND record_id = $1 ORDER BY citizen_id`,
      [run.body.id],
    );
    expect(logged.rows.map((r) => r.citizen_id).sort()).toEqual([...listed].sort());
    expect(logged.rows.every((r) => r.user_id === DEMO_IDS.users.aarhus.admin)).toBe(true);
    // The aggregate of the erased courses stays: two completed courses at least, no citizen in it.
    const stored = await db().query<{ courses: { count: number; state: string }[]; text: string }>(`SELECT courses, courses::text AS text FROM retention_run WHERE id = $1`, [run.body.id]);
    expect(stored.rows[0]?.courses.filter((c) => c.state === 'completed').reduce((n, c) => n + c.count, 0)).toBeGreaterThanOrEqual(2);
    for (const id of due) expect(stored.rows[0]?.text).not.toContain(id);

    // The next dry run lists none of them.
    const next = await call<RetentionOverview>('GET', '/api/retention', undefined, { as: ADMIN });
    expect(next.body.due.map((d) => d.citizenId)).not.toEqual(expect.arrayContaining([due[0]]));
    expect(next.body.runs[0]?.id).toBe(run.body.id);
  });

  it('refuses the erasure of a citizen under a legal hold: 409 LEGAL_HOLD naming why, nothing written', async () => {
    const before = await tableCounts();
    const runs = Number((await db().query<{ n: string }>('SELECT count(*) AS n FROM retention_run')).rows[0]?.n);
    const res = await call<ApiErrorBody>('POST', '/api/retention/erasures', { citizenId: held }, { as: ADMIN });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('LEGAL_HOLD');
    expect(res.body.errors?.['citizenId']).toContain('Verserende retssag om erstatning');
    expect(await tableCounts()).toEqual(before);
    expect(Number((await db().query<{ n: string }>('SELECT count(*) AS n FROM retention_run')).rows[0]?.n)).toBe(runs);
  });

  it('refuses a citizen who is not due (409 NOT_DUE), and erases one who is, once the hold is lifted', async () => {
    expect((await call<ApiErrorBody>('POST', '/api/retention/erasures', { citizenId: recent }, { as: ADMIN })).body.code).toBe('NOT_DUE');
    const lifted = await call<LegalHold>('PUT', `/api/legal-holds/${hold.id}`, { liftReason: 'Sagen er afgjort', version: hold.version }, { as: staff.aarhus });
    expect(lifted.status).toBe(200);
    expect(lifted.body.liftedAt).not.toBeNull();
    const erased = await call<RetentionRun>('POST', '/api/retention/erasures', { citizenId: held }, { as: ADMIN });
    expect(erased.status).toBe(201);
    expect(erased.body).toMatchObject({ trigger: 'erasure', citizens: 1 });
    expect((await rowsPerTable(await ownerManager(), held)).citizen).toBe(0);
  });

  it('shows another municipality’s admin none of it, and lets them erase none of it', async () => {
    const other = await oldCitizen(11);
    const odense = await call<RetentionOverview>('GET', '/api/retention', undefined, { as: ODENSE_ADMIN });
    expect(odense.status).toBe(200);
    expect(odense.body.municipalityId).toBe(DEMO_IDS.municipalities.odense);
    expect(odense.body.due.map((d) => d.citizenId)).not.toContain(other);
    expect((await call('POST', '/api/retention/erasures', { citizenId: other }, { as: ODENSE_ADMIN })).status).toBe(404);
    expect((await call('POST', '/api/retention/runs', { expectedCount: odense.body.dueTotal }, { as: ODENSE_ADMIN })).status).toBe(201);
    expect((await rowsPerTable(await ownerManager(), other)).citizen).toBe(2); // and the alias merged into it
    // Staff neither read the dry run nor run it.
    expect((await call('GET', '/api/retention', undefined, { as: staff.aarhus })).status).toBe(403);
    expect((await call('POST', '/api/retention/runs', { expectedCount: 0 }, { as: staff.aarhus })).status).toBe(403);
    // Clean up: Aarhus's own run erases it.
    const aarhusDue = (await call<RetentionOverview>('GET', '/api/retention', undefined, { as: ADMIN })).body.dueTotal;
    expect((await call<RetentionRun>('POST', '/api/retention/runs', { expectedCount: aarhusDue }, { as: ADMIN })).body.citizens).toBeGreaterThanOrEqual(1);
  });

  it('keeps the health records’ period at 10 years or more (the law): 400 naming the setting', async () => {
    const municipality = await call<{ code: string; name: string; version: number }>('GET', `/api/municipalities/${DEMO_IDS.municipalities.aarhus}`, undefined, { as: ADMIN });
    const res = await call<ApiErrorBody>('PUT', `/api/municipalities/${DEMO_IDS.municipalities.aarhus}`, { code: municipality.body.code, name: municipality.body.name, retentionHealthYears: 9, version: municipality.body.version }, { as: ADMIN });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors ?? {})).toEqual(['retentionHealthYears']);
  });
});
