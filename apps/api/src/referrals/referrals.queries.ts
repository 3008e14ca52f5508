import { MAX_PAGE_SIZE } from '@outcomes/contracts';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { CaseRequestEntity } from '../case-requests/case-request.entity';
import { findByIdOr404, findReferenceOr400 } from '../common/crud/find-by-id';
import { ReferralEntity } from './referral.entity';

// Every query of the referrals feature (table referral; the definer functions referral_incoming,
// referral_answer and referral_progress for what crosses municipalities; centre and municipality
// names, read by all), in the request's tenant transaction (row-level security applies).

/** The base of the outgoing list (the caller's own referrals; listPage adds filters, sort and range). */
export function referralList(m: EntityManager): SelectQueryBuilder<ReferralEntity> {
  return m.getRepository(ReferralEntity).createQueryBuilder('r');
}

/** The caller's own (outgoing) referral, or null. */
export function ownReferral(m: EntityManager, id: string): Promise<ReferralEntity | null> {
  return m.getRepository(ReferralEntity).createQueryBuilder('r').where('r.id = :id', { id }).getOne();
}

/** The caller's own referral, or 404. */
export function ownReferralOr404(m: EntityManager, id: string): Promise<ReferralEntity> {
  return findByIdOr404(m.getRepository(ReferralEntity), id, 'Referral');
}

export async function insertReferral(m: EntityManager, values: QueryDeepPartialEntity<ReferralEntity>): Promise<string> {
  const result = await m.getRepository(ReferralEntity).createQueryBuilder().insert().values(values).returning('id').execute();
  return (result.identifiers[0] as { id: string }).id;
}

/** Writes the changes if the referral still has this version and is still `sent`; answers rows changed. */
export async function updateSentReferral(m: EntityManager, id: string, version: number, changes: QueryDeepPartialEntity<ReferralEntity>): Promise<number | undefined> {
  const result = await m.getRepository(ReferralEntity).createQueryBuilder().update().set(changes).where("id = :id AND version = :version AND state = 'sent'", { id, version }).execute();
  return result.affected;
}

/** The caller's sent referral for the citizen to this place (a centre or a provider), if any (one at a time). */
export async function sentReferralExists(m: EntityManager, citizenId: string, place: { centreId: string } | { providerId: string }): Promise<boolean> {
  const [column, id] = 'centreId' in place ? ['to_centre_id', place.centreId] : ['provider_id', place.providerId];
  const rows = (await m.query(`SELECT 1 FROM referral WHERE citizen_id = $1 AND ${column} = $2 AND state = 'sent' LIMIT 1`, [citizenId, id])) as unknown[];
  return rows.length > 0;
}

/** Writes the changes if the caller's referral still has this version (a provider's outcome, recorded again to correct it). */
export async function updateReferralVersion(m: EntityManager, id: string, version: number, changes: QueryDeepPartialEntity<ReferralEntity>): Promise<number | undefined> {
  const result = await m.getRepository(ReferralEntity).createQueryBuilder().update().set(changes).where('id = :id AND version = :version', { id, version }).execute();
  return result.affected;
}

/** An approved provider of the national register (read by all), or undefined. */
export async function providerById(m: EntityManager, id: string): Promise<{ id: string; kind: string; approved_from: string; approved_until: string | null } | undefined> {
  const rows = (await m.query(
    `SELECT id, kind, to_char(approved_from, 'YYYY-MM-DD') AS approved_from, to_char(approved_until, 'YYYY-MM-DD') AS approved_until FROM treatment_provider WHERE id = $1`,
    [id],
  )) as { id: string; kind: string; approved_from: string; approved_until: string | null }[];
  return rows[0];
}

/** The kind of treatment of the request's newest decision, or null (none recorded, or no decision). */
export async function decidedKind(m: EntityManager, caseRequestId: string): Promise<string | null> {
  const rows = (await m.query('SELECT treatment_kind FROM case_decision WHERE case_request_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1', [caseRequestId])) as { treatment_kind: string | null }[];
  return rows[0]?.treatment_kind ?? null;
}

/** Whether the code is one of the register's end statuses (national reference data). */
export async function endStatusExists(m: EntityManager, code: string): Promise<boolean> {
  const rows = (await m.query('SELECT 1 FROM register_end_status WHERE code = $1', [code])) as unknown[];
  return rows.length > 0;
}

/** One row of referral_incoming(): a referral addressed to the caller's municipality, as it shows itself. */
export interface IncomingReferralRow {
  id: string;
  version: number;
  created_at: Date;
  updated_at: Date;
  municipality_id: string;
  to_municipality_id: string;
  to_centre_id: string;
  referred_on: string;
  citizen_choice_on: string | null;
  message_encrypted: string | null;
  identity_encrypted: string;
  state: string;
  answered_on: string | null;
  reason_encrypted: string | null;
  receiving_enrolment_id: string | null;
}

/** The referrals addressed to the caller's municipality (sent or accepted, newest first, at most a page), or the one with this id. */
export function incomingReferrals(m: EntityManager, id: string | null): Promise<IncomingReferralRow[]> {
  return m.query(
    `SELECT id, version, created_at, updated_at, municipality_id, to_municipality_id, to_centre_id, to_char(referred_on, 'YYYY-MM-DD') AS referred_on,
            to_char(citizen_choice_on, 'YYYY-MM-DD') AS citizen_choice_on, message_encrypted, identity_encrypted, state,
            to_char(answered_on, 'YYYY-MM-DD') AS answered_on, reason_encrypted, receiving_enrolment_id
     FROM referral_incoming($1::uuid) LIMIT ${MAX_PAGE_SIZE}`,
    [id],
  ) as Promise<IncomingReferralRow[]>;
}

/** The receiving side's answer (referral_answer); answers the rows changed (0: not theirs, not sent, stale, or a foreign enrolment). */
export async function answerReferral(
  m: EntityManager,
  a: { id: string; version: number; state: 'accepted' | 'declined'; answeredOn: string; reasonEncrypted: string | null; enrolmentId: string | null },
): Promise<number> {
  const rows = (await m.query('SELECT referral_answer($1, $2, $3, $4, $5, $6) AS changed', [a.id, a.version, a.state, a.answeredOn, a.reasonEncrypted, a.enrolmentId])) as { changed: number }[];
  return rows[0]?.changed ?? 0;
}

export interface ProgressRow {
  state: string;
  referral_date: string;
  start_date: string | null;
  end_date: string | null;
  end_status: string | null;
  sessions_attended: number;
  sessions_recorded: number;
  asi_assessed_on: string | null;
  asi_medical: number | null;
  asi_employment: number | null;
  asi_alcohol: number | null;
  asi_drug: number | null;
  asi_legal: number | null;
  asi_family: number | null;
  asi_psychiatric: number | null;
  asi_dates: string[];
}

/** The course an accepted referral of the caller's municipality led to (referral_progress), or undefined. */
export async function referralProgress(m: EntityManager, id: string): Promise<ProgressRow | undefined> {
  const rows = (await m.query(
    `SELECT state, to_char(referral_date, 'YYYY-MM-DD') AS referral_date, to_char(start_date, 'YYYY-MM-DD') AS start_date,
            to_char(end_date, 'YYYY-MM-DD') AS end_date, end_status, sessions_attended, sessions_recorded,
            to_char(asi_assessed_on, 'YYYY-MM-DD') AS asi_assessed_on, asi_medical, asi_employment, asi_alcohol, asi_drug,
            asi_legal, asi_family, asi_psychiatric, array(SELECT to_char(u.d, 'YYYY-MM-DD') FROM unnest(asi_dates) WITH ORDINALITY AS u(d, n) ORDER BY u.n) AS asi_dates
     FROM referral_progress($1::uuid)`,
    [id],
  )) as ProgressRow[];
  return rows[0];
}

/** A centre of any municipality (reference data, read by all): its municipality and whether it takes citizens. */
export async function centreById(m: EntityManager, id: string): Promise<{ id: string; municipality_id: string; active: boolean; kind: string | null } | undefined> {
  const rows = (await m.query('SELECT id, municipality_id, active, kind FROM centre WHERE id = $1', [id])) as { id: string; municipality_id: string; active: boolean; kind: string | null }[];
  return rows[0];
}

/** Names of municipalities, centres and providers (reference data), by id. */
export async function referenceNames(m: EntityManager, municipalityIds: string[], centreIds: string[], providerIds: string[] = []): Promise<Map<string, string>> {
  const rows = (await m.query(
    `SELECT id::text, name FROM municipality WHERE id = ANY($1::uuid[]) UNION ALL SELECT id::text, name FROM centre WHERE id = ANY($2::uuid[])
     UNION ALL SELECT id::text, name FROM treatment_provider WHERE id = ANY($3::uuid[])`,
    [municipalityIds, centreIds, providerIds],
  )) as { id: string; name: string }[];
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * Records the citizen's own choice of place on the request as its waiver of the guarantee (§ 101
 * stk. 6), unless a waiver is already recorded.
 */
export async function waiveGuaranteeByChoice(m: EntityManager, caseRequestId: string, on: string): Promise<void> {
  await m.query('UPDATE case_request SET waiver_on = $2, version = version + 1, updated_at = now() WHERE id = $1 AND waiver_on IS NULL', [caseRequestId, on]);
}

/** The caller's request a body names, or 400 naming caseRequestId. */
export function requestReference(m: EntityManager, id: string): Promise<CaseRequestEntity> {
  return findReferenceOr400(m.getRepository(CaseRequestEntity), id, 'caseRequestId', 'caseRequestId must name a request of your municipality');
}

/** The caller's own citizens of these enrolments of the caller's municipality, by enrolment id. */
export async function citizensOfEnrolments(m: EntityManager, enrolmentIds: string[]): Promise<Map<string, string>> {
  if (enrolmentIds.length === 0) return new Map();
  const rows = (await m.query('SELECT id::text, citizen_id::text FROM enrolment WHERE id = ANY($1::uuid[])', [enrolmentIds])) as { id: string; citizen_id: string }[];
  return new Map(rows.map((r) => [r.id, r.citizen_id]));
}
