import { DEMO_IDS } from '@outcomes/seeds';
import { activeEnrolment, admins, createCentre, createCitizen, staff } from './support/fixtures';
import { call, closeDb, db } from './support/http';
import type { Answer } from './support/http';
import { today } from './support/dates';

/**
 * Concurrent writes (issue #17): two requests that carry the same version are sent at once. Exactly
 * one may win (200) and the other must be told the record changed under it (409); the stored record
 * is the winner's, its version went up by exactly one, and no history row is written twice. Each
 * test repeats its race a few times, since one lucky interleaving proves little.
 */

afterAll(closeDb);

const ROUNDS = 5;
const hourAgo = (): string => new Date(Date.now() - 3600_000).toISOString();

interface Versioned { id: string; version: number }

function ok<T extends Versioned>(what: string, res: Answer<T>): T {
  if (res.status !== 200 && res.status !== 201) throw new Error(`fixture ${what} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

async function storedVersion(table: string, id: string): Promise<number> {
  const row = (await db().query<{ version: number }>(`SELECT version FROM ${table} WHERE id = $1`, [id])).rows[0];
  if (!row) throw new Error(`${table} ${id} not found`);
  return row.version;
}

/** Both answers, in the order sent, as [status, status] sorted: [200, 409] when exactly one won. */
async function race(first: () => Promise<Answer>, second: () => Promise<Answer>): Promise<{ statuses: number[]; winner: 0 | 1 | undefined; answers: Answer[] }> {
  const answers = await Promise.all([first(), second()]);
  const statuses = answers.map((a) => a.status);
  const winners = statuses.flatMap((s, i) => (s === 200 ? [i] : []));
  return { statuses: [...statuses].sort(), winner: winners.length === 1 ? (winners[0] as 0 | 1) : undefined, answers };
}

interface PutRace {
  resource: string;
  table: string;
  as: string;
  /** A new record, and two different PUT bodies carrying its version. */
  make: () => Promise<{ id: string; bodies: [Record<string, unknown>, Record<string, unknown>] }>;
  /** What of the stored record tells which body won. */
  field: string;
}

const PUT_RACES: PutRace[] = [
  {
    resource: 'citizens', table: 'citizen', as: staff.aarhus, field: 'firstName',
    make: async () => {
      const c = await createCitizen('aarhus');
      const body = { cpr: c.cpr, lastName: c.lastName, version: c.version };
      return { id: c.id, bodies: [{ ...body, firstName: 'Første' }, { ...body, firstName: 'Anden' }] };
    },
  },
  {
    resource: 'enrolments', table: 'enrolment', as: staff.aarhus, field: 'centreId',
    make: async () => {
      const e = await activeEnrolment('aarhus');
      return { id: e.id, bodies: [{ centreId: DEMO_IDS.centres.aarhusCentrum, version: e.version }, { centreId: DEMO_IDS.centres.aarhusVest, version: e.version }] };
    },
  },
  {
    resource: 'sessions', table: 'treatment_session', as: staff.aarhus, field: 'durationMinutes',
    make: async () => {
      const e = await activeEnrolment('aarhus');
      const body = { startsAt: hourAgo(), kind: 'case-management-meeting', attendance: 'attended' };
      const s = ok('session', await call<Versioned>('POST', '/api/sessions', { ...body, enrolmentId: e.id, durationMinutes: 45 }, { as: staff.aarhus }));
      return { id: s.id, bodies: [{ ...body, durationMinutes: 50, version: s.version }, { ...body, durationMinutes: 70, version: s.version }] };
    },
  },
  {
    resource: 'centres', table: 'centre', as: admins.aarhus, field: 'name',
    make: async () => {
      const c = await createCentre('aarhus', DEMO_IDS.municipalities.aarhus);
      const body = { municipalityId: c.municipalityId, version: c.version };
      return { id: c.id, bodies: [{ ...body, name: `${c.name} A` }, { ...body, name: `${c.name} B` }] };
    },
  },
];

describe('two concurrent PUTs with one version', () => {
  it.each(PUT_RACES)('$resource: one 200 and one 409, and the winner is stored', async ({ resource, table, as, make, field }) => {
    for (let round = 0; round < ROUNDS; round++) {
      const { id, bodies } = await make();
      const before = await storedVersion(table, id);
      const put = (body: Record<string, unknown>) => () => call('PUT', `/api/${resource}/${id}`, body, { as });
      const result = await race(put(bodies[0]), put(bodies[1]));
      expect({ round, statuses: result.statuses }).toEqual({ round, statuses: [200, 409] });
      const loser = result.answers[result.winner === 0 ? 1 : 0] as Answer<{ code?: string }>;
      expect(loser.body.code).toBe('VERSION_CONFLICT');
      expect(await storedVersion(table, id)).toBe(before + 1);
      const stored = await call<Record<string, unknown>>('GET', `/api/${resource}/${id}`, undefined, { as });
      expect(stored.body[field]).toEqual(bodies[result.winner as 0 | 1][field]);
    }
  });
});

describe('two concurrent state transitions of one enrolment', () => {
  async function referral(): Promise<Versioned> {
    const citizen = await createCitizen('aarhus');
    return ok('referral', await call<Versioned>('POST', '/api/enrolments', { citizenId: citizen.id, programmeId: DEMO_IDS.programmes.icm, centreId: DEMO_IDS.centres.aarhusCentrum, referralDate: today() }, { as: staff.aarhus }));
  }
  const transitionsOf = async (id: string): Promise<number> =>
    Number((await db().query<{ n: string }>('SELECT count(*) AS n FROM enrolment_transition WHERE enrolment_id = $1', [id])).rows[0]?.n);
  const move = (id: string, body: Record<string, unknown>) => () => call('POST', `/api/enrolments/${id}/transitions`, body, { as: staff.aarhus });

  it.each([
    ['the same move twice (referred → active)', { to: 'active' }, { to: 'active' }],
    ['two different moves (referred → active, referred → cancelled)', { to: 'active' }, { to: 'cancelled', reason: 'Borgeren takkede nej' }],
  ])('%s: one success, the other 409, one history row', async (_name, first, second) => {
    for (let round = 0; round < ROUNDS; round++) {
      const enrolment = await referral();
      const history = await transitionsOf(enrolment.id);
      expect(history).toBeGreaterThan(0); // the referral itself is recorded
      const result = await race(move(enrolment.id, { ...first, date: today(), version: enrolment.version }), move(enrolment.id, { ...second, date: today(), version: enrolment.version }));
      expect({ round, statuses: result.statuses }).toEqual({ round, statuses: [200, 409] });
      const won = (result.winner === 0 ? first : second) as { to: string };
      const stored = await call<{ state: string; version: number }>('GET', `/api/enrolments/${enrolment.id}`, undefined, { as: staff.aarhus });
      expect(stored.body.state).toBe(won.to);
      expect(stored.body.version).toBe(enrolment.version + 1);
      expect(await transitionsOf(enrolment.id)).toBe(history + 1);
    }
  });
});
