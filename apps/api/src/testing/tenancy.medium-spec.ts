import { DEMO_IDS } from '@outcomes/seeds';
import { CitizensService } from '../citizens/citizens.service';
import { Factories } from './factories';
import { demoUser, mediumDatabase, refusal } from './medium';

/**
 * The attacker's tests at the service and SQL level: the app role, with Odense's tenant settings,
 * reaching for Aarhus's rows. Row-level security must refuse what the services never ask for.
 */
const medium = mediumDatabase();
const make = new Factories(() => medium.owner, medium.crypto);
const citizens = new CitizensService(medium.db, medium.crypto);
const odenseStaff = demoUser('odense', 'staff');
const count = (rows: unknown): number => (rows as { n: number }[])[0]?.n ?? -1;

describe('tenancy: direct SQL as the app role in Odense', () => {
  it('sees none of Aarhus’s citizens, enrolments or sessions, and its own', async () => {
    const aarhus = await make.enrolment('aarhus');
    await make.session(aarhus, 'attended');
    const odense = await make.enrolment('odense');
    const seen = await medium.as(odenseStaff, async ({ manager }) => ({
      citizens: (await manager.query('SELECT id FROM citizen')) as { id: string }[],
      enrolments: count(await manager.query('SELECT count(*)::int AS n FROM enrolment WHERE municipality_id = $1', [DEMO_IDS.municipalities.aarhus])),
      sessions: count(await manager.query('SELECT count(*)::int AS n FROM treatment_session')),
    }));
    expect(seen).toEqual({ citizens: [{ id: odense.citizenId }], enrolments: 0, sessions: 0 });
  });

  it('changes no Aarhus row by an UPDATE naming its id', async () => {
    const aarhus = await make.enrolment('aarhus', { state: 'referred' });
    const updated = await medium.as(odenseStaff, ({ manager }) => manager.query(`UPDATE enrolment SET state = 'cancelled' WHERE id = $1`, [aarhus.id]));
    expect(updated).toEqual([[], 0]);
    expect(await medium.owner.query('SELECT state FROM enrolment WHERE id = $1', [aarhus.id])).toEqual([{ state: 'referred' }]);
  });

  it('cannot write a row into Aarhus (the policy’s WITH CHECK)', async () => {
    const error = (await refusal(
      medium.as(odenseStaff, ({ manager }) =>
        manager.query(`INSERT INTO citizen (municipality_id, first_name_encrypted, last_name_encrypted) VALUES ($1, 'x', 'y')`, [DEMO_IDS.municipalities.aarhus]),
      ),
    )) as { driverError?: { code?: string } };
    expect(error.driverError?.code).toBe('42501'); // insufficient_privilege: new row violates row-level security policy
  });

  it('sees no citizen at all without a municipality in its settings (the app role alone reads nothing)', async () => {
    await make.citizen('odense');
    await medium.owner.query('SAVEPOINT bare');
    await medium.owner.query(`SET LOCAL ROLE outcomes_app`);
    const seen = count(await medium.owner.query('SELECT count(*)::int AS n FROM citizen'));
    await medium.owner.query('ROLLBACK TO SAVEPOINT bare');
    expect(seen).toBe(0);
  });
});

describe('tenancy: CitizensService in two municipalities', () => {
  it('finds by CPR number only the citizen of the asking municipality when both have one with that number', async () => {
    const cpr = Factories.cpr('1981-03-09');
    const odense = await make.citizen('odense', { firstName: 'Ole' });
    const aarhus = await make.citizen('aarhus', { firstName: 'Åse' });
    // The same CPR number in both (allowed: unique within a municipality), set behind the services' backs.
    for (const id of [odense.id, aarhus.id]) {
      await medium.owner.query('UPDATE citizen SET cpr_encrypted = $1, cpr_hash = $2 WHERE id = $3', [medium.crypto.encrypt('cpr', cpr), medium.crypto.blindIndex('cpr', cpr), id]);
    }
    await expect(medium.as(odenseStaff, () => citizens.lookup(cpr))).resolves.toMatchObject({ citizen: { id: odense.id, firstName: 'Ole' } });
    await expect(medium.as(demoUser('aarhus', 'staff'), () => citizens.lookup(cpr))).resolves.toMatchObject({ citizen: { id: aarhus.id, firstName: 'Åse' } });
  });

  it('answers 404 for another municipality’s citizen, as for one that does not exist', async () => {
    const aarhus = await make.citizen('aarhus');
    expect(await refusal(medium.as(odenseStaff, () => citizens.get(aarhus.id)))).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: 'Citizen not found' });
  });

  it('logs the admin’s “who has seen this citizen” lookup as a search naming the one citizen found, by keyed hash only', async () => {
    const found = await make.citizen('odense', { firstName: 'Birthe', lastName: 'Kragelund' });
    await make.citizen('aarhus', { firstName: 'Birthe', lastName: 'Kragelund' });
    const { answer, accesses } = await medium.as(demoUser('odense', 'admin'), async (ctx) => ({ answer: await citizens.findForAccessHistory('Birthe Kragelund'), accesses: ctx.accesses }));
    expect(answer).toEqual([{ id: found.id, firstName: 'Birthe', lastName: 'Kragelund', birthYear: 1970 }]);
    expect(accesses).toEqual([expect.objectContaining({ action: 'search', resource: 'citizens', citizenId: found.id, outcome: 'ok' })]);
    expect(JSON.stringify(accesses)).not.toMatch(/Birthe|Kragelund/i);
  });
});
