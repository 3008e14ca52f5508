import { randomUUID } from 'node:crypto';
import type { ApiErrorBody, OutreachContact } from '@outcomes/contracts';
import { DEMO_IDS } from '@outcomes/seeds';
import { createCitizen, staff } from './support/fixtures';
import { call, closeDb, db, listPath } from './support/http';
import { today } from './support/dates';

afterAll(closeDb);

const hoursAgo = (h: number): string => new Date(Date.now() - h * 3600_000).toISOString();
const contact = (extra: Record<string, unknown>, as: string = staff.aarhus) =>
  call<OutreachContact & ApiErrorBody>('POST', '/api/outreach-contacts', { contactAt: hoursAgo(2), placeType: 'street', durationMinutes: 20, contactType: 'first-contact', ...extra }, { as });

describe('outreach contacts', () => {
  it('logs contacts with an anonymous person by alias, then links them all to a citizen, access-logged', async () => {
    const alias = `Rød jakke ${randomUUID().slice(0, 4)}`;
    const first = await contact({ alias });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ alias, citizenId: null, staffUserId: DEMO_IDS.users.aarhus.staff });
    await contact({ alias: `  ${alias.toUpperCase()} `, placeType: 'shelter', contactType: 'practical-help', durationMinutes: 45 });
    const stored = await db().query<{ alias_encrypted: string }>('SELECT alias_encrypted FROM outreach_contact WHERE id = $1', [first.body.id]);
    expect(stored.rows[0]?.alias_encrypted).not.toContain('Rød');

    const citizen = await createCitizen('aarhus');
    const link = await call<{ moved: number }>('POST', '/api/outreach-contacts/link', { alias, citizenId: citizen.id }, { as: staff.aarhus });
    expect(link.status).toBe(200);
    expect(link.body.moved).toBe(2);
    const timeline = await call<OutreachContact[]>('GET', listPath('outreach-contacts', { filter: { citizenId: citizen.id } }), undefined, { as: staff.aarhus });
    expect(timeline.body).toHaveLength(2);
    expect(timeline.body.every((c) => c.alias === null)).toBe(true);
    const logged = await db().query("SELECT action, citizen_id, criterion FROM access_log WHERE resource = 'outreach-contacts' AND citizen_id = $1", [citizen.id]);
    expect(logged.rows).toEqual([expect.objectContaining({ action: 'update', citizen_id: citizen.id, criterion: expect.stringMatching(/aliasHash/) })]);
  });

  it('records a referral and whether the citizen started the offer', async () => {
    const citizen = await createCitizen('aarhus');
    const sut = await contact({ citizenId: citizen.id, contactType: 'referral', referredProgrammeId: DEMO_IDS.programmes.icm, referralStarted: true, referralStartedDate: today() });
    expect(sut.status).toBe(201);
    expect(sut.body).toMatchObject({ contactType: 'referral', referredProgrammeId: DEMO_IDS.programmes.icm, referralStarted: true });
  });

  it.each([
    ['neither citizen nor alias', {}, 'alias'],
    ['both citizen and alias', { alias: 'X', citizenId: DEMO_IDS.users.aarhus.staff }, 'alias'],
    ['a date in the future', { alias: 'X', contactAt: new Date(Date.now() + 86_400_000).toISOString() }, 'contactAt'],
    ['an absurd duration', { alias: 'X', durationMinutes: 1000 }, 'durationMinutes'],
    ['a negative duration', { alias: 'X', durationMinutes: -1 }, 'durationMinutes'],
    ['an unknown place type', { alias: 'X', placeType: 'bar' }, 'placeType'],
    ['a referral without its offer', { alias: 'X', contactType: 'referral' }, 'referredProgrammeId'],
    ['a start date without a start', { alias: 'X', referralStartedDate: '2026-01-01' }, 'referralStartedDate'],
  ])('refuses %s, naming the field, writing nothing', async (_label, extra, field) => {
    const before = Number((await db().query<{ n: string }>('SELECT count(*) AS n FROM outreach_contact')).rows[0]?.n);
    const sut = await contact(extra);
    expect(sut.status).toBe(400);
    expect(sut.body.errors).toHaveProperty(field);
    expect(Number((await db().query<{ n: string }>('SELECT count(*) AS n FROM outreach_contact')).rows[0]?.n)).toBe(before);
  });

  it('refuses linking an alias to a citizen of another municipality, moving nothing', async () => {
    const alias = `Blå hue ${randomUUID().slice(0, 4)}`;
    await contact({ alias });
    const theirs = await createCitizen('odense');
    const sut = await call<ApiErrorBody>('POST', '/api/outreach-contacts/link', { alias, citizenId: theirs.id }, { as: staff.aarhus });
    expect(sut.status).toBe(400);
    expect(sut.body.errors).toHaveProperty('citizenId');
    const still = await db().query("SELECT count(*)::int AS n FROM outreach_contact WHERE citizen_id IS NULL AND alias_hash IS NOT NULL AND municipality_id = $1", [DEMO_IDS.municipalities.aarhus]);
    expect(still.rows[0].n).toBeGreaterThan(0);
  });
});
