import { DEMO_IDS } from '@outcomes/seeds';
import type { AuthUser } from '../auth/auth-user';
import { applyTenantSettings, sessionAndTenantSql } from '../tenancy/tenant-session';
import { mediumDatabase } from './medium';

/**
 * Decision 179: a signed-in request's session check reads the user through auth_session() and sets the
 * tenant settings from that row in the same statement (tenant-session.ts, sessionAndTenantSql), where
 * they used to be set by applyTenantSettings() from the AuthUser the check made. Row-level security
 * reads nothing else, so the two must set the same four settings for every kind of user: the expected
 * values are written out by hand here, and applyTenantSettings() is held to them too.
 */
const medium = mediumDatabase();
const { aarhus, odense } = DEMO_IDS.municipalities;
const SETTINGS = `SELECT current_setting('app.user_id', true) AS user_id, current_setting('app.role', true) AS role,
  current_setting('app.municipality_id', true) AS municipality_id, current_setting('app.municipality_ids', true) AS municipality_ids`;
type Settings = { user_id: string | null; role: string | null; municipality_id: string | null; municipality_ids: string | null };

/** Runs `set` as the API's role in a savepoint and answers the settings it left; rolled back after. */
async function settingsAfter(set: () => Promise<unknown>): Promise<{ answered: unknown; settings: Settings }> {
  const m = medium.owner;
  await m.query('SAVEPOINT settings');
  try {
    await m.query('SET LOCAL ROLE outcomes_app');
    const answered = await set();
    const [settings] = (await m.query(SETTINGS)) as Settings[];
    return { answered, settings: settings as Settings };
  } finally {
    await m.query('ROLLBACK TO SAVEPOINT settings');
  }
}

const bySession = (id: string) => settingsAfter(() => medium.owner.query(sessionAndTenantSql(id)));
const byUser = (user: Pick<AuthUser, 'id' | 'role' | 'municipalityId' | 'grantedMunicipalityIds'>) => settingsAfter(() => applyTenantSettings(medium.owner, user as AuthUser));
const none = { user_id: '', role: '', municipality_id: '', municipality_ids: '' };
const normal = (s: Settings): Settings => ({ user_id: s.user_id ?? '', role: s.role ?? '', municipality_id: s.municipality_id ?? '', municipality_ids: s.municipality_ids ?? '' });

async function addUser(role: string, municipalityId: string | null, active = true): Promise<string> {
  const [row] = (await medium.owner.query(
    `INSERT INTO app_user (municipality_id, email, display_name, role, password_hash, active) VALUES ($1, $2, 'Test', $3, 'x', $4) RETURNING id`,
    [municipalityId, `${role}-${Math.random().toString(36).slice(2)}@test.example`, role, active],
  )) as { id: string }[];
  return (row as { id: string }).id;
}

async function grant(evaluatorId: string, from: string, validFrom: string, validUntil: string, revoked = false): Promise<void> {
  await medium.owner.query(
    `INSERT INTO evaluator_grant (evaluator_user_id, evaluator_email, evaluator_municipality_id, municipality_id, granted_by_user_id, purpose, valid_from, valid_until, revoked_at)
     VALUES ($1, 'e@test.example', $2, $3, $4, 'test', $5, $6, $7)`,
    [evaluatorId, aarhus, from, DEMO_IDS.users.odense.admin, validFrom, validUntil, revoked ? new Date() : null],
  );
}

describe('the session check sets the tenant as applyTenantSettings() does (decision 179)', () => {
  it('a staff member: their id, role and municipality, and that municipality alone to read', async () => {
    const id = DEMO_IDS.users.aarhus.staff;
    const expected = { user_id: id, role: 'staff', municipality_id: aarhus, municipality_ids: aarhus };
    const session = await bySession(id);
    expect((session.answered as { id: string }[]).map((r) => r.id)).toEqual([id]);
    expect(session.settings).toEqual(expected);
    expect((await byUser({ id, role: 'staff', municipalityId: aarhus, grantedMunicipalityIds: [] })).settings).toEqual(expected);
  });

  it('an evaluator: the own municipality and the one granted now, not a revoked or a lapsed grant', async () => {
    const id = await addUser('evaluator', aarhus);
    await grant(id, odense, '2000-01-01', '2999-12-31');
    await grant(id, odense, '2000-01-01', '2999-12-31', true);
    await grant(id, odense, '2000-01-01', '2001-01-01');
    const expected = { user_id: id, role: 'evaluator', municipality_id: aarhus, municipality_ids: `${aarhus},${odense}` };
    expect((await bySession(id)).settings).toEqual(expected);
    expect((await byUser({ id, role: 'evaluator', municipalityId: aarhus, grantedMunicipalityIds: [odense] })).settings).toEqual(expected);
  });

  it('the national operator: no municipality, written as the empty text no tenant policy matches', async () => {
    const id = await addUser('operator', null);
    const expected = { user_id: id, role: 'operator', municipality_id: '', municipality_ids: '' };
    expect((await bySession(id)).settings).toEqual(expected);
    expect((await byUser({ id, role: 'operator', municipalityId: null, grantedMunicipalityIds: [] })).settings).toEqual(expected);
  });

  it('a deactivated user: no row, and no setting made (the request is refused 401 and rolled back)', async () => {
    const id = await addUser('staff', aarhus, false);
    const session = await bySession(id);
    expect(session.answered).toEqual([]);
    expect(normal(session.settings)).toEqual(none);
  });

  it('an id that names no user: no row, no setting', async () => {
    const session = await bySession('00000000-0000-4000-8000-00000000dead');
    expect(session.answered).toEqual([]);
    expect(normal(session.settings)).toEqual(none);
  });
});

describe('the session statement takes nothing but a uuid', () => {
  it.each([["x'; DROP TABLE app_user; --"], ['00000000-0000-4000-8000-000000075101\'::uuid) s; SELECT 1 --'], ['']])('refuses %j before any SQL is made', (id) => {
    expect(() => sessionAndTenantSql(id)).toThrow('not a uuid');
  });
});
