import { DEMO_IDS } from '@outcomes/seeds';
import type { CitizenEntity } from '../citizens/citizen.entity';
import { CITIZEN_DATA_TABLE_NAMES, citizenRowsPredicate } from '../database/citizen-data-tables';
import type { CitizenDataTable } from '../database/citizen-data-tables';
import { Factories } from '../testing/factories';
import { demoUser, mediumDatabase, refusal } from '../testing/medium';
import { CitizenMergesService } from './citizen-merges.service';

const medium = mediumDatabase();
const make = new Factories(() => medium.owner, medium.crypto);
const merges = new CitizenMergesService(medium.db, medium.crypto);
const staff = demoUser('aarhus', 'staff');
const odenseStaff = demoUser('odense', 'staff');
const AARHUS = DEMO_IDS.municipalities.aarhus;
const STAFF = DEMO_IDS.users.aarhus.staff;
const REASON = 'Identified by passport at the centre';

/** How many of the citizen's rows each table holds, looked at as the owner (no row-level security). */
async function counts(citizenId: string): Promise<Record<CitizenDataTable, number>> {
  const out = {} as Record<CitizenDataTable, number>;
  for (const table of CITIZEN_DATA_TABLE_NAMES) {
    const [row] = (await medium.owner.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${citizenRowsPredicate(table)}`, [citizenId])) as { n: number }[];
    out[table] = row?.n ?? -1;
  }
  return out;
}

/** The texts of the citizen's note versions, as stored (the ciphertext never changes in a move). */
const noteTexts = async (citizenId: string): Promise<string[]> =>
  ((await medium.owner.query('SELECT text_encrypted FROM note_version WHERE citizen_id = $1 ORDER BY id', [citizenId])) as { text_encrypted: string }[]).map((r) => r.text_encrypted);

/**
 * A citizen without a CPR number with a row in every table a citizen's data reaches: a request with a
 * written decision, a course (its transitions, a session with a note and so a note version, a plan
 * revision, an assessment, a group's membership and attendance, a young person's consent) and an
 * outreach contact.
 */
async function aliasWithEverything(): Promise<CitizenEntity> {
  const alias = await make.citizen('aarhus', { anonymous: true, firstName: 'Kim', lastName: 'Alias' });
  const o = medium.owner;
  const [request] = (await o.query(
    `INSERT INTO case_request (municipality_id, citizen_id, requested_on, channel, created_by_user_id, status) VALUES ($1, $2, $3, 'personal', $4, 'closed') RETURNING id`,
    [AARHUS, alias.id, Factories.day(-70), STAFF],
  )) as { id: string }[];
  await o.query(
    `INSERT INTO case_decision (municipality_id, case_request_id, citizen_id, decided_on, outcome, reasons_encrypted, legal_basis, complaint_guidance, decided_by_user_id)
     VALUES ($1, $2, $3, $4, 'granted', $5, 'Serviceloven § 101', 'Klage inden 4 uger', $6)`,
    [AARHUS, request?.id, alias.id, Factories.day(-65), medium.crypto.encrypt('reasons', 'granted'), STAFF],
  );
  const enrolment = await make.enrolment('aarhus', { citizen: alias, programme: 'hcs' });
  await o.query(`UPDATE enrolment SET case_request_id = $1 WHERE id = $2`, [request?.id, enrolment.id]);
  await make.session(enrolment, 'attended');
  // The note's first text: the trigger writes its note_version (kind 'original').
  await o.query(`INSERT INTO treatment_session (municipality_id, enrolment_id, citizen_id, starts_at, duration_minutes, staff_user_id, kind, attendance, note_encrypted)
                 VALUES ($1, $2, $3, now() - interval '2 days', 45, $4, 'individual', 'attended', $5)`, [AARHUS, enrolment.id, alias.id, STAFF, medium.crypto.encrypt('note', 'Talked about housing')]);
  await o.query(
    `INSERT INTO treatment_plan_revision (municipality_id, enrolment_id, citizen_id, revision, content_encrypted, review_date, made_with_citizen, revised_by)
     VALUES ($1, $2, $3, 1, $4, $5, false, $6)`,
    [AARHUS, enrolment.id, alias.id, medium.crypto.encrypt('plan', '{}'), Factories.day(30), STAFF],
  );
  const assessment = await make.assessment(enrolment, 'intake', Factories.day(-40));
  await o.query(`INSERT INTO assessment_revision (municipality_id, assessment_id, version, assessed_on, items, composites, revised_by) VALUES ($1, $2, 1, $3, '{}', '{}', $4)`, [
    AARHUS, assessment.id, Factories.day(-40), STAFF,
  ]);
  await o.query(`INSERT INTO follow_up_attempt (municipality_id, enrolment_id, timepoint, attempted_on, channel, reached, user_id) VALUES ($1, $2, 'intake', $3, 'phone', false, $4)`, [
    AARHUS, enrolment.id, Factories.day(-30), STAFF,
  ]);
  await make.courseWithMembers([enrolment], 1);
  await o.query(`INSERT INTO youth_consent (municipality_id, enrolment_id, citizen_id, kind, given_on, recorded_by_user_id) VALUES ($1, $2, $3, 'young-person', $4, $5)`, [
    AARHUS, enrolment.id, alias.id, Factories.day(-60), STAFF,
  ]);
  await o.query(
    `INSERT INTO outreach_contact (municipality_id, citizen_id, contact_at, staff_user_id, place_type, duration_minutes, contact_type) VALUES ($1, $2, now() - interval '3 days', $3, 'street', 20, 'first-contact')`,
    [AARHUS, alias.id, STAFF],
  );
  // The tables other parts of issue 22 added: a consent entry, a (withdrawn) referral of the request, a lifted legal hold.
  await o.query(`INSERT INTO citizen_consent (municipality_id, citizen_id, purpose, entry, event, on_date, recorded_by_user_id) VALUES ($1, $2, 'evaluation', 1, 'given', $3, $4)`, [
    AARHUS, alias.id, Factories.day(-60), STAFF,
  ]);
  await o.query(
    `INSERT INTO referral (municipality_id, citizen_id, case_request_id, to_municipality_id, to_centre_id, referred_on, identity_encrypted, created_by_user_id, state)
     VALUES ($1, $2, $3, $4, $5, $6, 'x', $7, 'withdrawn')`,
    [AARHUS, alias.id, request?.id, DEMO_IDS.municipalities.odense, DEMO_IDS.centres.odenseSyd, Factories.day(-60), STAFF],
  );
  await o.query(
    `INSERT INTO legal_hold (municipality_id, citizen_id, reason, placed_by_user_id, lifted_at, lifted_by_user_id, lift_reason) VALUES ($1, $2, 'a complaint', $3, now(), $3, 'settled')`,
    [AARHUS, alias.id, STAFF],
  );
  // Moves (decisions 110-114): a withdrawn hand-over to Odense.
  await o.query(
    `INSERT INTO handover (municipality_id, citizen_id, to_municipality_id, identity_encrypted, created_by_user_id, state, answered_at) VALUES ($1, $2, $3, 'x', $4, 'withdrawn', now())`,
    [AARHUS, alias.id, DEMO_IDS.municipalities.odense, STAFF],
  );
  return alias;
}

const merge = (source: CitizenEntity, target: CitizenEntity, user = staff) =>
  medium.as(user, () => merges.merge({ sourceId: source.id, sourceVersion: source.version, targetId: target.id, targetVersion: target.version, reason: REASON }));

describe('CitizenMergesService: a merge moves everything, an undo brings back exactly what moved', () => {
  it('moves every row of every table of the alias to the record with the CPR number, and the undo moves them back', async () => {
    const alias = await aliasWithEverything();
    const target = await make.citizen('aarhus');
    await make.enrolment('aarhus', { citizen: target, programme: 'smart' });
    const aliasBefore = await counts(alias.id);
    const targetBefore = await counts(target.id);
    // Every table the merge moves holds at least one of the alias's rows here, so each is really tried
    // (the merges' own table, the citizen record itself and the openings of it by other municipalities stay).
    const moving = CITIZEN_DATA_TABLE_NAMES.filter((t) => t !== 'citizen' && t !== 'citizen_merge' && t !== 'emergency_access');
    expect(moving.filter((t) => aliasBefore[t] === 0)).toEqual([]);
    // Hand-counted: 2 sessions (one with a note, so 1 note version), an active course's 2 transitions.
    expect(aliasBefore).toMatchObject({ case_request: 1, case_decision: 1, enrolment: 1, treatment_session: 2, note_version: 1, treatment_plan_revision: 1, assessment: 1, outreach_contact: 1, youth_consent: 1, enrolment_transition: 2 });
    const notesBefore = await noteTexts(alias.id);

    const done = await merge(alias, target);
    expect(done).toMatchObject({ sourceCitizenId: alias.id, targetCitizenId: target.id, reason: REASON, undoable: true, undoneAt: null });
    expect(done.counts).toMatchObject({ case_request: 1, case_decision: 1, enrolment: 1, treatment_session: 2, note_version: 1 });
    const aliasAfter = await counts(alias.id);
    const targetAfter = await counts(target.id);
    for (const t of moving) {
      expect({ t, n: aliasAfter[t] }).toEqual({ t, n: 0 });
      expect({ t, n: targetAfter[t] }).toEqual({ t, n: aliasBefore[t] + targetBefore[t] });
    }
    expect(await noteTexts(target.id)).toEqual(notesBefore); // the note's text, unchanged
    const [tomb] = (await medium.owner.query('SELECT merged_into_id FROM citizen WHERE id = $1', [alias.id])) as { merged_into_id: string }[];
    expect(tomb?.merged_into_id).toBe(target.id);

    // A row added to the target after the merge, not on a moved row, stays with the target.
    await make.enrolment('aarhus', { citizen: target, programme: 'hcs', state: 'completed' });
    const [current] = (await medium.owner.query('SELECT version FROM citizen_merge WHERE id = $1', [done.id])) as { version: number }[];
    const undone = await medium.as(staff, () => merges.undo(done.id, { version: current?.version ?? 0, reason: 'Not the same person after all' }));
    expect(undone).toMatchObject({ undoable: false, undoReason: 'Not the same person after all' });
    expect(await counts(alias.id)).toEqual({ ...aliasBefore, citizen_merge: 1 });
    expect(await counts(target.id)).toEqual({ ...targetBefore, enrolment: targetBefore.enrolment + 1, enrolment_transition: targetBefore.enrolment_transition + 3, citizen_merge: 1 });
    expect(await noteTexts(alias.id)).toEqual(notesBefore);
    const [back] = (await medium.owner.query('SELECT merged_into_id FROM citizen WHERE id = $1', [alias.id])) as { merged_into_id: string | null }[];
    expect(back?.merged_into_id).toBeNull();
  });

  it('refuses a merge of two records that both have CPR numbers (409 naming why), writing nothing', async () => {
    const a = await make.citizen('aarhus');
    const b = await make.citizen('aarhus');
    await make.enrolment('aarhus', { citizen: a });
    expect(await refusal(merge(a, b))).toMatchObject({ statusCode: 409, code: 'MERGE_CONFLICT', errors: { sourceId: expect.stringContaining('has a CPR number') } });
    expect((await counts(a.id)).enrolment).toBe(1);
    expect((await counts(b.id)).citizen_merge).toBe(0);
  });

  it('refuses the same record twice (400), a stale version (409), and a target without a CPR number (409)', async () => {
    const alias = await make.citizen('aarhus', { anonymous: true });
    const other = await make.citizen('aarhus', { anonymous: true });
    const target = await make.citizen('aarhus');
    expect(await refusal(merge(alias, alias))).toMatchObject({ statusCode: 400, errors: { targetId: expect.any(String) } });
    expect(await refusal(merge({ ...alias, version: alias.version + 1 } as CitizenEntity, target))).toMatchObject({ statusCode: 409, code: 'VERSION_CONFLICT' });
    expect(await refusal(merge(alias, other))).toMatchObject({ statusCode: 409, code: 'MERGE_CONFLICT', errors: { targetId: expect.stringContaining('CPR') } });
  });

  it('refuses when both have an open course in the same programme, and when the alias had anonymous treatment', async () => {
    const alias = await make.citizen('aarhus', { anonymous: true });
    const target = await make.citizen('aarhus');
    await make.enrolment('aarhus', { citizen: alias, programme: 'hcs' });
    await make.enrolment('aarhus', { citizen: target, programme: 'hcs', state: 'referred' });
    expect(await refusal(merge(alias, target))).toMatchObject({ statusCode: 409, code: 'MERGE_CONFLICT', errors: { sourceId: expect.stringContaining('same programme') } });

    const anonymous = await make.citizen('aarhus', { anonymous: true });
    const e = await make.enrolment('aarhus', { citizen: anonymous, programme: 'smart' });
    await medium.owner.query(`UPDATE enrolment SET course_kind = 'sel-101a' WHERE id = $1`, [e.id]);
    expect(await refusal(merge(anonymous, target))).toMatchObject({ statusCode: 409, code: 'ANONYMOUS_TREATMENT' });
  });

  it('refuses a second merge of a merged-away record, and hides it from lists and lookups', async () => {
    const alias = await make.citizen('aarhus', { anonymous: true, firstName: 'Tombstone', lastName: 'Merged' });
    const target = await make.citizen('aarhus');
    const other = await make.citizen('aarhus');
    await merge(alias, target);
    const [now] = (await medium.owner.query('SELECT version FROM citizen WHERE id = $1', [alias.id])) as { version: number }[];
    expect(await refusal(merge({ ...alias, version: now?.version ?? 0 } as CitizenEntity, other))).toMatchObject({ statusCode: 409, errors: { sourceId: expect.stringContaining('already merged') } });
  });

  it('refuses an undo after the period (409 naming why), and a second undo', async () => {
    const alias = await make.citizen('aarhus', { anonymous: true });
    const target = await make.citizen('aarhus');
    const done = await merge(alias, target);
    await medium.owner.query(`UPDATE citizen_merge SET undo_until = now() - interval '1 minute' WHERE id = $1`, [done.id]);
    const [row] = (await medium.owner.query('SELECT version FROM citizen_merge WHERE id = $1', [done.id])) as { version: number }[];
    expect(await refusal(medium.as(staff, () => merges.undo(done.id, { version: row?.version ?? 0, reason: 'Too late for this one' })))).toMatchObject({
      statusCode: 409,
      code: 'MERGE_UNDO_CLOSED',
      errors: { id: 'the period to undo the merge has ended' },
    });
    await medium.owner.query(`UPDATE citizen_merge SET undo_until = now() + interval '1 day' WHERE id = $1`, [done.id]);
    const [again] = (await medium.owner.query('SELECT version FROM citizen_merge WHERE id = $1', [done.id])) as { version: number }[];
    await medium.as(staff, () => merges.undo(done.id, { version: again?.version ?? 0, reason: 'Not the same person' }));
    expect(await refusal(medium.as(staff, () => merges.undo(done.id, { version: (again?.version ?? 0) + 1, reason: 'Not the same person' })))).toMatchObject({ statusCode: 409, code: 'MERGE_UNDO_CLOSED' });
  });

  it('takes the period from the municipality’s setting at the merge', async () => {
    await medium.owner.query('UPDATE municipality SET merge_undo_days = 7 WHERE id = $1', [AARHUS]);
    const alias = await make.citizen('aarhus', { anonymous: true });
    const target = await make.citizen('aarhus');
    const done = await merge(alias, target);
    const days = (new Date(done.undoUntil).getTime() - new Date(done.mergedAt).getTime()) / 86_400_000;
    expect(days).toBe(7);
  });

  it('refuses an undo that would split a session added since from its moved course', async () => {
    const alias = await make.citizen('aarhus', { anonymous: true });
    const target = await make.citizen('aarhus');
    const e = await make.enrolment('aarhus', { citizen: alias });
    const done = await merge(alias, target);
    await make.session({ ...e, citizenId: target.id }, 'attended');
    const [row] = (await medium.owner.query('SELECT version FROM citizen_merge WHERE id = $1', [done.id])) as { version: number }[];
    expect(await refusal(medium.as(staff, () => merges.undo(done.id, { version: row?.version ?? 0, reason: 'Not the same person' })))).toMatchObject({
      statusCode: 409,
      code: 'MERGE_CONFLICT',
      errors: { id: expect.stringContaining('treatment_session') },
    });
    expect((await counts(target.id)).enrolment).toBe(1); // nothing moved back
  });
});

describe('CitizenMergesService: the attacker', () => {
  it('cannot merge another municipality’s citizen, as source or as target (a refused reference)', async () => {
    const alias = await make.citizen('aarhus', { anonymous: true });
    const target = await make.citizen('aarhus');
    const odenseAlias = await make.citizen('odense', { anonymous: true });
    const odenseTarget = await make.citizen('odense');
    expect(await refusal(merge(odenseAlias, target))).toMatchObject({ statusCode: 400, errors: { sourceId: 'sourceId must name a citizen of your municipality' } });
    expect(await refusal(merge(alias, odenseTarget))).toMatchObject({ statusCode: 400, errors: { targetId: 'targetId must name a citizen of your municipality' } });
  });

  it('cannot undo another municipality’s merge (not found)', async () => {
    const alias = await make.citizen('aarhus', { anonymous: true });
    const target = await make.citizen('aarhus');
    const done = await merge(alias, target);
    expect(await refusal(medium.as(odenseStaff, () => merges.undo(done.id, { version: done.version, reason: 'Someone else’s merge' })))).toMatchObject({ statusCode: 404 });
  });

  it('cannot move note versions, plan revisions or decisions with the app role’s own SQL, nor through the function without a merge', async () => {
    const alias = await aliasWithEverything();
    const target = await make.citizen('aarhus');
    for (const table of ['note_version', 'treatment_plan_revision', 'case_decision']) {
      const tried = medium.as(staff, async (ctx) => ctx.manager.query(`UPDATE ${table} SET citizen_id = $1 WHERE citizen_id = $2`, [target.id, alias.id]));
      await expect(tried).rejects.toThrow(/permission denied|append-only/);
    }
    const forged = medium.as(staff, async (ctx) => ctx.manager.query(`SELECT citizen_merge_repoint($1, 'note_version', false)`, [alias.id]));
    await expect(forged).rejects.toThrow(/no such merge/);
    // Nor may the function's flag, set by the app role itself, open the trigger.
    const flagged = medium.as(staff, async (ctx) => {
      await ctx.manager.query(`SELECT set_config('outcomes.citizen_merge', 'on', true)`);
      return ctx.manager.query(`UPDATE note_version SET citizen_id = $1 WHERE citizen_id = $2`, [target.id, alias.id]);
    });
    await expect(flagged).rejects.toThrow(/permission denied|append-only/);
    expect((await counts(alias.id)).note_version).toBe(1);
  });
});
