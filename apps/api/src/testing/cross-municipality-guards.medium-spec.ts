import { DEMO_IDS } from '@outcomes/seeds';
import type { EntityManager } from 'typeorm';
import { Factories } from './factories';
import { demoUser, mediumDatabase, refusal } from './medium';
import { fillEveryTable } from './retention-rows';

/**
 * The attacker's tests of the CrossMunicipalityGuards migration (decision 126): the owning side's
 * staff, with their own genuine settings and the app role's SQL, try to write what only the other
 * municipality's answer may write, so as to read its course (`referral_progress`) or to keep reading
 * a record they handed over (`app_shared_citizen_ids()`).
 */
const medium = mediumDatabase();
const make = new Factories(() => medium.owner, medium.crypto);
const aarhusStaff = demoUser('aarhus', 'staff');

/** An Aarhus citizen with a referral and a hand-over to Odense, both `sent`, and an Odense course to aim at. */
async function sentToOdense(): Promise<{ referralId: string; handoverId: string; odenseEnrolmentId: string }> {
  const e = await make.enrolment('aarhus', { state: 'completed' });
  await fillEveryTable(medium.owner, e, (field, plain) => medium.crypto.encrypt(field, plain));
  // UPDATE … RETURNING answers [rows, count] through TypeORM's pg driver.
  const idOf = async (sql: string): Promise<string> => ((await medium.owner.query(sql, [e.citizenId])) as [{ id: string }[], number])[0][0]?.id as string;
  const referralId = await idOf(`UPDATE referral SET state = 'sent' WHERE citizen_id = $1 RETURNING id`);
  const handoverId = await idOf(`UPDATE handover SET state = 'sent', answered_at = NULL WHERE citizen_id = $1 RETURNING id`);
  const odense = await make.enrolment('odense');
  return { referralId, handoverId, odenseEnrolmentId: odense.id };
}

const asAarhusStaff = (sql: string, params: unknown[]) => medium.as(aarhusStaff, (ctx) => (ctx.manager as EntityManager).query(sql, params));
const message = async (attempt: Promise<unknown>): Promise<string> => ((await refusal(attempt)) as { message?: string }).message ?? '';

describe('what only the other side answers is not the owning side’s to write', () => {
  it('a referral: the receiving course, the place and the answer are refused to the app role; a withdrawal is not', async () => {
    const { referralId, odenseEnrolmentId } = await sentToOdense();
    const otherAarhusCitizenId = (await make.enrolment('aarhus')).citizenId;
    const attempts: [string, unknown[]][] = [
      [`UPDATE referral SET state = 'accepted', receiving_enrolment_id = $2 WHERE id = $1`, [referralId, odenseEnrolmentId]],
      [`UPDATE referral SET receiving_enrolment_id = $2 WHERE id = $1`, [referralId, odenseEnrolmentId]],
      [`UPDATE referral SET state = 'accepted' WHERE id = $1`, [referralId]],
      [`UPDATE referral SET to_centre_id = $2 WHERE id = $1`, [referralId, DEMO_IDS.centres.aarhusVest]],
      [`UPDATE referral SET answered_by_user_id = $2 WHERE id = $1`, [referralId, DEMO_IDS.users.odense.staff]],
      [`UPDATE referral SET citizen_id = $2 WHERE id = $1`, [referralId, otherAarhusCitizenId]],
      [
        `INSERT INTO referral (municipality_id, citizen_id, case_request_id, to_municipality_id, to_centre_id, referred_on, identity_encrypted, created_by_user_id, state, receiving_enrolment_id)
         SELECT municipality_id, citizen_id, case_request_id, to_municipality_id, to_centre_id, referred_on, identity_encrypted, created_by_user_id, 'accepted', $2 FROM referral WHERE id = $1`,
        [referralId, odenseEnrolmentId],
      ],
    ];
    for (const [sql, params] of attempts) expect(await message(asAarhusStaff(sql, params))).toMatch(/only by referral_answer\(\)|a referral starts as sent|only with a merge/);
    const [stored] = (await medium.owner.query(`SELECT state, receiving_enrolment_id, to_centre_id FROM referral WHERE id = $1`, [referralId])) as { state: string; receiving_enrolment_id: string | null; to_centre_id: string }[];
    expect(stored).toEqual({ state: 'sent', receiving_enrolment_id: null, to_centre_id: DEMO_IDS.centres.odenseSyd });
    // What the referring side may do: withdraw it.
    await asAarhusStaff(`UPDATE referral SET state = 'withdrawn' WHERE id = $1`, [referralId]);
  });

  it('a hand-over: accepting it, lengthening its reading or moving it elsewhere is refused to the app role; a withdrawal is not', async () => {
    const { handoverId } = await sentToOdense();
    const otherAarhusCitizenId = (await make.enrolment('aarhus')).citizenId;
    const attempts: [string, unknown[]][] = [
      [`UPDATE handover SET state = 'accepted', read_until = now() + interval '10 years', answered_at = now() WHERE id = $1`, [handoverId]],
      [`UPDATE handover SET read_until = now() + interval '10 years' WHERE id = $1`, [handoverId]],
      [`UPDATE handover SET to_municipality_id = $2 WHERE id = $1`, [handoverId, DEMO_IDS.municipalities.aarhus]],
      [`UPDATE handover SET state = 'declined' WHERE id = $1`, [handoverId]],
      [`UPDATE handover SET citizen_id = $2 WHERE id = $1`, [handoverId, otherAarhusCitizenId]],
      [
        `INSERT INTO handover (municipality_id, citizen_id, to_municipality_id, identity_encrypted, created_by_user_id, state, read_until, answered_at)
         SELECT municipality_id, citizen_id, to_municipality_id, identity_encrypted, created_by_user_id, 'accepted', now() + interval '1 year', now() FROM handover WHERE id = $1`,
        [handoverId],
      ],
    ];
    for (const [sql, params] of attempts) expect(await message(asAarhusStaff(sql, params))).toMatch(/only by handover_answer\(\)|a hand-over starts as sent|only with a merge/);
    const [stored] = (await medium.owner.query(`SELECT state, read_until, to_municipality_id FROM handover WHERE id = $1`, [handoverId])) as unknown[];
    expect(stored).toEqual({ state: 'sent', read_until: null, to_municipality_id: DEMO_IDS.municipalities.odense });
    await asAarhusStaff(`UPDATE handover SET state = 'withdrawn' WHERE id = $1`, [handoverId]);
  });

  it('the database owner (the definer functions) is not held back', async () => {
    const { handoverId } = await sentToOdense();
    await medium.owner.query(`UPDATE handover SET state = 'accepted', read_until = now() + interval '90 days', answered_at = now() WHERE id = $1`, [handoverId]);
    const [stored] = (await medium.owner.query(`SELECT state FROM handover WHERE id = $1`, [handoverId])) as { state: string }[];
    expect(stored?.state).toBe('accepted');
  });

  it('every SECURITY DEFINER function of ours searches pg_temp last, so a temporary table cannot stand in for one of ours', async () => {
    const loose = (await medium.owner.query(`
      SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = 'public' AND p.prosecdef
        AND NOT EXISTS (SELECT 1 FROM unnest(coalesce(p.proconfig, '{}')) c WHERE c LIKE 'search_path=%pg\\_temp')
      ORDER BY 1`)) as { proname: string }[];
    expect(loose.map((r) => r.proname)).toEqual([]);
    // And there are such functions to check (the answer above is not empty by accident).
    const [{ n }] = (await medium.owner.query(`SELECT count(*)::int AS n FROM pg_proc p JOIN pg_namespace ns ON ns.oid = p.pronamespace WHERE ns.nspname = 'public' AND p.prosecdef`)) as [{ n: number }];
    expect(n).toBeGreaterThan(5);
  });
});

describe('the receiving side’s view of incoming hand-overs', () => {
  it('answers the receiving municipality’s staff, and no other role of it', async () => {
    const { handoverId } = await sentToOdense();
    const incoming = (role: 'staff' | 'admin' | 'evaluator' | 'coordinator') =>
      medium.as(demoUser('odense', role), (ctx) => ctx.manager.query(`SELECT id FROM handover_incoming($1)`, [handoverId]) as Promise<{ id: string }[]>);
    expect((await incoming('staff')).map((r) => r.id)).toEqual([handoverId]);
    for (const role of ['admin', 'evaluator', 'coordinator'] as const) expect(await incoming(role)).toEqual([]);
  });
});
