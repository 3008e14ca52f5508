import type { CaseRequest } from '@outcomes/contracts';
import { DEMO_IDS, seedDemoCaseRecords } from '@outcomes/seeds';
import { CitizensService } from '../citizens/citizens.service';
import type { AppConfig } from '../config/config';
import { demoUser, mediumDatabase } from '../testing/medium';
import { TreatmentPlansService } from '../treatment-plans/treatment-plans.service';
import { CaseRequestsService } from './case-requests.service';

/**
 * The demo's legal case record (seeds/demo/demo-case-records.ts, loaded with `npm start`'s demo cases),
 * read back through the services as staff see it. Expected values counted by hand from the seed's
 * day offsets: a request 4 days ago has 10 days left (day 14 is the last), one 20 days ago is 6 days
 * overdue, one started 6 days after its request kept the guarantee.
 */

const medium = mediumDatabase();
const citizens = new CitizensService(medium.db, medium.crypto);
const caseRequests = new CaseRequestsService(medium.db, medium.crypto, citizens, { treatmentGuaranteeDays: 14 } as AppConfig);
const plans = new TreatmentPlansService(medium.db, medium.crypto);
const seed = () => seedDemoCaseRecords((sql, params) => medium.owner.query(sql, params), medium.crypto);
const byName = async (who: 'odense' | 'aarhus', requests: CaseRequest[]) =>
  Promise.all(requests.map(async (r) => [(await medium.as(demoUser(who, 'staff'), () => citizens.get(r.citizenId))).firstName, r] as const));

describe('the demo case records', () => {
  it('offer 22 rows, and a second run adds none (fixed ids)', async () => {
    expect(await seed()).toBe(22);
    const count = async () => Number((await medium.owner.query(`SELECT (SELECT count(*) FROM case_request) + (SELECT count(*) FROM treatment_plan_revision) + (SELECT count(*) FROM citizen) AS n`))[0].n);
    const before = await count();
    expect(await seed()).toBe(22);
    expect(await count()).toBe(before);
  });

  it('show Odense a request within the guarantee, one overdue, and one decided and started in time with a plan due for review', async () => {
    await seed();
    const odense = demoUser('odense', 'staff');
    const page = await medium.as(odense, () => caseRequests.list({ filter: JSON.stringify({ status: 'open' }), range: '[0,99]' }));
    const named = new Map(await byName('odense', page.rows.filter((r) => r.createdByUserId === DEMO_IDS.users.odense.staff)));
    expect(named.get('Anders')?.guarantee).toMatchObject({ status: 'running', daysLeft: 10 });
    expect(named.get('Birthe')?.guarantee).toMatchObject({ status: 'overdue', daysLeft: -6, reasonMissing: true });
    expect(named.get('Carsten')?.guarantee).toMatchObject({ status: 'met', daysToStart: 6 });
    const decided = named.get('Carsten') as CaseRequest;
    const decisions = await medium.as(odense, () => caseRequests.decisions(decided.id));
    expect(decisions.map((d) => [d.outcome, d.programmeId, d.reasons])).toEqual([['granted', DEMO_IDS.programmes.icm, 'Afdækningen viser behov for intensiv støtte; borgeren ønsker ICM.']]);
    expect(decided.assessment.drugsAndAlcohol).toBe('Amfetamin og alkohol');
    const reviews = await medium.as(odense, () => plans.reviewsDue({ centreId: null, staffUserId: DEMO_IDS.users.odense.staff }));
    const review = reviews.find((r) => r.citizenId === decided.citizenId);
    expect(review).toMatchObject({ overdue: false, revision: 1 });
    const plan = await medium.as(odense, () => plans.get(decided.enrolmentIds[0] as string));
    expect(plan.current).toMatchObject({ goals: ['Stoppe forbruget', 'Komme i arbejde eller uddannelse'], madeWithCitizen: true });
  });

  it('show Aarhus its own three, with the plan’s review overdue, and nothing of Odense’s', async () => {
    await seed();
    const aarhus = demoUser('aarhus', 'staff');
    const page = await medium.as(aarhus, () => caseRequests.list({ filter: JSON.stringify({ status: 'open' }), range: '[0,99]' }));
    const mine = page.rows.filter((r) => r.createdByUserId === DEMO_IDS.users.aarhus.staff);
    const named = new Map(await byName('aarhus', mine));
    expect([...named.keys()].sort()).toEqual(['Daniel', 'Ellen', 'Frederik']);
    expect(page.rows.some((r) => r.createdByUserId === DEMO_IDS.users.odense.staff)).toBe(false);
    expect(named.get('Daniel')?.guarantee).toMatchObject({ status: 'running', daysLeft: 12 });
    expect(named.get('Ellen')?.guarantee).toMatchObject({ status: 'overdue', daysLeft: -3 });
    expect(named.get('Frederik')?.guarantee).toMatchObject({ status: 'met', daysToStart: 5 });
    const reviews = await medium.as(aarhus, () => plans.reviewsDue({ centreId: null, staffUserId: null }));
    expect(reviews.find((r) => r.citizenId === named.get('Frederik')?.citizenId)).toMatchObject({ overdue: true });
  });
});
