import type { EntityManager } from 'typeorm';
import { CITIZEN_DATA_TABLE_NAMES, citizenRowsPredicate } from '../database/citizen-data-tables';
import type { CitizenDataTable } from '../database/citizen-data-tables';
import type { EnrolmentEntity } from '../enrolments/enrolment.entity';
import { DEMO_IDS } from '@outcomes/seeds';

/**
 * Test support for retention (medium and integration specs): a row in every table of a citizen's data
 * for a closed course, written as the database owner; the citizen's rows moved back in time; and the
 * citizen's rows counted per table, straight from the database (the independent count the specs
 * compare the dry run and the erasure with).
 */

/** Encrypts a value with the run's keys (`IdentifierCrypto.encrypt`), as the API would have. */
export type Seal = (field: string, plain: string) => string;

/**
 * Adds to the (closed) enrolment's citizen a row in each table the enrolment factory does not fill.
 * Encrypted columns hold real ciphertext under the API's keys (`seal`): the API reads these rows in
 * later lists (sessions, referrals), and a value it cannot decrypt would fail them.
 */
export async function fillEveryTable(m: EntityManager, e: EnrolmentEntity, seal: Seal): Promise<void> {
  const staff = e.staffUserId as string;
  const [request] = (await m.query(
    `INSERT INTO case_request (municipality_id, citizen_id, requested_on, channel, created_by_user_id, status, closed_on)
     VALUES ($1, $2, $3, 'phone', $4, 'closed', $3) RETURNING id`,
    [e.municipalityId, e.citizenId, e.referralDate, staff],
  )) as { id: string }[];
  await m.query(
    `INSERT INTO case_decision (municipality_id, case_request_id, citizen_id, decided_on, outcome, reasons_encrypted, legal_basis, complaint_guidance, decided_by_user_id)
     VALUES ($1, $2, $3, $4, 'granted', $6, 'Serviceloven § 101', 'Klag til Ankestyrelsen', $5)`,
    [e.municipalityId, request?.id, e.citizenId, e.referralDate, staff, seal('case_decision_reasons', 'Bevilget efter afdækning')],
  );
  await m.query(
    `INSERT INTO follow_up_attempt (municipality_id, enrolment_id, timepoint, attempted_on, channel, reached, user_id) VALUES ($1, $2, 'follow-up-3', $3, 'phone', false, $4)`,
    [e.municipalityId, e.id, e.referralDate, staff],
  );
  await m.query(
    `INSERT INTO treatment_plan_revision (municipality_id, enrolment_id, citizen_id, revision, content_encrypted, review_date, made_with_citizen, revised_by)
     VALUES ($1, $2, $3, 1, $6, $4, false, $5)`,
    [
      e.municipalityId, e.id, e.citizenId, e.referralDate, staff,
      seal('treatment_plan_content', JSON.stringify({ goals: ['Stoffrihed'], actions: ['Samtaler hver uge'], expectedDurationWeeks: 12, citizenResources: null, otherActors: null, responsible: null, madeWithCitizen: false, madeWithCitizenOn: null })),
    ],
  );
  await m.query(
    `INSERT INTO outreach_contact (municipality_id, citizen_id, contact_at, staff_user_id, place_type, duration_minutes, contact_type) VALUES ($1, $2, $3, $4, 'street', 30, 'first-contact')`,
    [e.municipalityId, e.citizenId, new Date(`${e.referralDate}T10:00:00Z`), staff],
  );
  await m.query(
    `INSERT INTO youth_consent (municipality_id, enrolment_id, citizen_id, kind, given_on, recorded_by_user_id, withdrawn_on) VALUES ($1, $2, $3, 'young-person', $4, $5, $4)`,
    [e.municipalityId, e.id, e.citizenId, e.referralDate, staff],
  );
  await m.query(
    `INSERT INTO legal_hold (municipality_id, citizen_id, reason, placed_by_user_id, lifted_at, lifted_by_user_id, lift_reason) VALUES ($1, $2, 'a complaint', $3, now(), $3, 'the complaint was settled')`,
    [e.municipalityId, e.citizenId, staff],
  );
  await m.query(
    `INSERT INTO citizen_consent (municipality_id, citizen_id, purpose, entry, event, on_date, recorded_by_user_id) VALUES ($1, $2, 'evaluation', 1, 'given', $3, $4)`,
    [e.municipalityId, e.citizenId, e.referralDate, staff],
  );
  // A referral of the request to the other demo municipality's centre, withdrawn.
  const toOdense = e.municipalityId !== DEMO_IDS.municipalities.odense;
  await m.query(
    `INSERT INTO referral (municipality_id, citizen_id, case_request_id, to_municipality_id, to_centre_id, referred_on, identity_encrypted, created_by_user_id, state)
     VALUES ($1, $2, $3, $4, $5, $6, $8, $7, 'withdrawn')`,
    [
      e.municipalityId, e.citizenId, request?.id, toOdense ? DEMO_IDS.municipalities.odense : DEMO_IDS.municipalities.aarhus, toOdense ? DEMO_IDS.centres.odenseSyd : DEMO_IDS.centres.aarhusCentrum, e.referralDate, staff,
      seal('referral_identity', JSON.stringify({ cpr: null, firstName: 'Retention', lastName: 'Henvist', birthYear: null, sex: null })),
    ],
  );
  // A hand-over of the citizen to the other demo municipality, withdrawn.
  await m.query(
    `INSERT INTO handover (municipality_id, citizen_id, to_municipality_id, identity_encrypted, created_by_user_id, state, answered_at)
     VALUES ($1, $2, $3, $5, $4, 'withdrawn', now())`,
    [
      e.municipalityId, e.citizenId, toOdense ? DEMO_IDS.municipalities.odense : DEMO_IDS.municipalities.aarhus, staff,
      seal('handover_identity', JSON.stringify({ cpr: null, firstName: 'Retention', lastName: 'Flyttet', birthYear: null, sex: null })),
    ],
  );
  // An alias merged into the citizen (its tombstone goes with the citizen).
  const [alias] = (await m.query(
    `INSERT INTO citizen (municipality_id, first_name_encrypted, last_name_encrypted, merged_into_id) VALUES ($1, $3, $4, $2) RETURNING id`,
    [e.municipalityId, e.citizenId, seal('first_name', 'Alias'), seal('last_name', 'Sammenlagt')],
  )) as { id: string }[];
  await m.query(
    `INSERT INTO citizen_merge (municipality_id, source_citizen_id, target_citizen_id, merged_by_user_id, merged_at, reason_encrypted, moved, undo_until)
     VALUES ($1, $2, $3, $4, $5, $6, '{}', $5)`,
    [e.municipalityId, alias?.id, e.citizenId, staff, new Date(`${e.referralDate}T10:00:00Z`), seal('merge_reason', 'Identificeret ved pas')],
  );
  // An opening of the record by the other demo municipality's staff, long expired and reviewed.
  await m.query(
    `INSERT INTO emergency_access (municipality_id, citizen_id, accessor_municipality_id, accessor_user_id, accessor_name, reason, opened_at, expires_at)
     VALUES ($1, $2, $3, $4, 'Behandler', 'Borgeren kom ind akut og kunne ikke selv svare', $5, $5::timestamptz + interval '1 day')`,
    [e.municipalityId, e.citizenId, toOdense ? DEMO_IDS.municipalities.odense : DEMO_IDS.municipalities.aarhus, toOdense ? DEMO_IDS.users.odense.staff : DEMO_IDS.users.aarhus.staff, new Date(`${e.referralDate}T10:00:00Z`)],
  );
  const [session] = (await m.query(
    `INSERT INTO treatment_session (municipality_id, enrolment_id, citizen_id, starts_at, duration_minutes, staff_user_id, kind, attendance, note_encrypted)
     VALUES ($1, $2, $3, $4, 60, $5, 'individual', 'attended', $6) RETURNING id`,
    [e.municipalityId, e.id, e.citizenId, new Date(`${e.startDate ?? e.referralDate}T10:00:00Z`), staff, seal('session_note', 'Talte om bolig og arbejde')],
  )) as { id: string }[];
  if (!session) throw new Error('session not written');
  const [assessment] = (await m.query(`SELECT id FROM assessment WHERE enrolment_id = $1 LIMIT 1`, [e.id])) as { id: string }[];
  if (assessment) {
    await m.query(
      `INSERT INTO assessment_revision (municipality_id, assessment_id, version, assessed_on, items, composites, revised_by) VALUES ($1, $2, 1, $3, '{}', '{}', $4)`,
      [e.municipalityId, assessment.id, e.referralDate, staff],
    );
  }
}

/**
 * Moves every date and time of the citizen's rows `years` back, as if they had been written then
 * (the owner's UPDATE, with the append-only tables' triggers off for it: tests only).
 */
export async function backdate(m: EntityManager, citizenId: string, years: number): Promise<void> {
  for (const table of CITIZEN_DATA_TABLE_NAMES) {
    const columns = (await m.query(
      `SELECT column_name AS c FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND data_type IN ('date', 'timestamp with time zone')`,
      [table],
    )) as { c: string }[];
    if (columns.length === 0) continue;
    const set = columns.map(({ c }) => `"${c}" = "${c}" - make_interval(years => $2)`).join(', ');
    await m.query(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
    try {
      await m.query(`UPDATE ${table} SET ${set} WHERE ${citizenRowsPredicate(table)}`, [citizenId, years]);
    } finally {
      await m.query(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
    }
  }
}

/** The citizen's rows per table, counted in the database. */
export async function rowsPerTable(m: EntityManager, citizenId: string): Promise<Record<CitizenDataTable, number>> {
  const out = {} as Record<CitizenDataTable, number>;
  for (const table of CITIZEN_DATA_TABLE_NAMES) {
    // The citizen's own record and any record merged into it (a tombstone, erased with it).
    const where = table === 'citizen' ? 'id = $1 OR merged_into_id = $1' : citizenRowsPredicate(table);
    const [row] = (await m.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, [citizenId])) as { n: number }[];
    out[table] = row?.n ?? 0;
  }
  return out;
}
