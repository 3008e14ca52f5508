import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { findByIdOr404 } from '../common/crud/find-by-id';
import { CitizenEntity } from '../citizens/citizen.entity';
import { EmergencyAccessEntity } from './emergency-access.entity';

// Every query of emergency access (table emergency_access and, under an open access, the citizen's
// record), in the request's tenant transaction: row-level security decides what each user sees.

/** The base of the list: an admin's own review queue and their staff's openings elsewhere; staff their own openings. */
export function emergencyAccessList(m: EntityManager): SelectQueryBuilder<EmergencyAccessEntity> {
  return m.getRepository(EmergencyAccessEntity).createQueryBuilder('r');
}

export function emergencyAccessOr404(m: EntityManager, id: string): Promise<EmergencyAccessEntity> {
  return findByIdOr404(m.getRepository(EmergencyAccessEntity), id, 'Emergency access');
}

/** Whether the own municipality (row-level security) has a citizen with this keyed CPR hash. */
export async function ownCitizenByCprHash(m: EntityManager, cprHash: string): Promise<boolean> {
  const rows = (await m.query('SELECT 1 FROM citizen WHERE cpr_hash = $1 AND municipality_id = app_municipality_id() LIMIT 1', [cprHash])) as unknown[];
  return rows.length > 0;
}

/** Opens an access to every citizen with this CPR hash in another municipality (emergency_access_open, SECURITY DEFINER); the new rows' ids. */
export async function openEmergencyAccess(m: EntityManager, cprHash: string, reason: string): Promise<string[]> {
  const rows = (await m.query('SELECT id FROM emergency_access_open($1, $2) AS id', [cprHash, reason])) as { id: string }[];
  return rows.map((r) => r.id);
}

/** Names of municipalities (readable by all). */
export async function municipalityNames(m: EntityManager, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = (await m.query('SELECT id, name FROM municipality WHERE id = ANY($1::uuid[])', [ids])) as { id: string; name: string }[];
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * Names the accesses this transaction reads under: app_shared_citizen_ids() then answers its citizen,
 * if the access is this user's and still active. Transaction-local, like the tenant settings.
 */
export async function readUnderEmergencyAccess(m: EntityManager, accessIds: string[]): Promise<void> {
  await m.query(`SELECT set_config('app.emergency_access_ids', $1, true)`, [accessIds.join(',')]);
}

export function sharedCitizen(m: EntityManager, citizenId: string): Promise<CitizenEntity | null> {
  return m.getRepository(CitizenEntity).createQueryBuilder('c').where('c.id = :citizenId', { citizenId }).getOne();
}

export interface SharedEnrolmentRow {
  id: string;
  programme_name: string | null;
  state: string;
  referral_date: string | null;
  start_date: string | null;
  end_date: string | null;
}

/** The citizen's courses (a local programme of the owner may be unreadable: its name then is null). */
export function sharedEnrolments(m: EntityManager, citizenId: string, limit: number): Promise<SharedEnrolmentRow[]> {
  return m.query(
    `SELECT e.id, p.name AS programme_name, e.state, e.referral_date::text, e.start_date::text, e.end_date::text
     FROM enrolment e LEFT JOIN programme p ON p.id = e.programme_id
     WHERE e.citizen_id = $1 ORDER BY e.referral_date DESC LIMIT $2`,
    [citizenId, limit],
  ) as Promise<SharedEnrolmentRow[]>;
}

export interface SharedSessionRow {
  id: string;
  enrolment_id: string;
  starts_at: Date;
  kind: string;
  attendance: string;
  duration_minutes: number;
}

/** The citizen's latest individual sessions (not those entered in error), newest first. */
export function sharedSessions(m: EntityManager, citizenId: string, limit: number): Promise<SharedSessionRow[]> {
  return m.query(
    `SELECT s.id, s.enrolment_id, s.starts_at, s.kind, s.attendance, s.duration_minutes
     FROM treatment_session s WHERE s.citizen_id = $1 AND s.entered_in_error_at IS NULL
     ORDER BY s.starts_at DESC LIMIT $2`,
    [citizenId, limit],
  ) as Promise<SharedSessionRow[]>;
}

export interface SharedConsentRow {
  purpose: string;
  label_da: string;
  label_en: string;
  event: 'given' | 'refused' | 'withdrawn';
  on_date: string | null;
}

/**
 * Each purpose's current consent (its latest entry) of the citizen, in the code list's order: the
 * shared_read policy of citizen_consent (decision 170) lets it through while the access lasts.
 */
export function sharedConsents(m: EntityManager, citizenId: string): Promise<SharedConsentRow[]> {
  return m.query(
    `SELECT latest.purpose, p.label_da, p.label_en, latest.event, latest.on_date FROM (
       SELECT DISTINCT ON (cc.purpose) cc.purpose, cc.event, to_char(cc.on_date, 'YYYY-MM-DD') AS on_date
       FROM citizen_consent cc WHERE cc.citizen_id = $1 ORDER BY cc.purpose, cc.entry DESC
     ) latest JOIN consent_purpose p ON p.code = latest.purpose
     ORDER BY p.sort_order, latest.purpose`,
    [citizenId],
  ) as Promise<SharedConsentRow[]>;
}

/** The owner's admin's review, at the version read; false when the row changed meanwhile. */
export async function reviewEmergencyAccess(
  m: EntityManager,
  id: string,
  version: number,
  values: { reviewState: 'reviewed' | 'raised'; reviewNote: string | null; reviewedByUserId: string },
): Promise<boolean> {
  const result = (await m.query(
    `UPDATE emergency_access SET review_state = $3, review_note = $4, reviewed_by_user_id = $5, reviewed_at = now(), version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $2`,
    [id, version, values.reviewState, values.reviewNote, values.reviewedByUserId],
  )) as [unknown[], number];
  return result[1] > 0;
}
