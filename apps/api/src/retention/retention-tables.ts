import type { RetentionRecordType } from '@outcomes/contracts';
import { CITIZEN_DATA_TABLES } from '../database/citizen-data-tables';
import type { CitizenDataTable } from '../database/citizen-data-tables';

/**
 * The record type of every table holding a citizen's data (decision 97): `health` records are the
 * clinical entries (sessions with their notes, assessments with their revisions), kept at least 10
 * years after the last entry (patient records); everything else is the `social` case (requests,
 * decisions, enrolments and their steps, plans, groups, outreach, consents, holds), kept after the
 * case closed (KL: 5 years); `citizen` is the record itself, erased last. A table added to
 * database/citizen-data-tables.ts is a compile error here until it is given a type, and the erasure
 * (`retention_erase()` in the migration RetentionTenancy) must delete it too: the medium spec erases a
 * citizen holding a row in every table and expects each one emptied.
 */
export const TABLE_RECORD_TYPE: Record<CitizenDataTable, RetentionRecordType | 'citizen'> = {
  citizen: 'citizen',
  case_request: 'social',
  case_decision: 'social',
  enrolment: 'social',
  enrolment_transition: 'social',
  follow_up_attempt: 'social',
  group_member: 'social',
  group_attendance: 'social',
  treatment_session: 'health',
  treatment_plan_revision: 'social',
  note_version: 'health',
  assessment: 'health',
  assessment_revision: 'health',
  outreach_contact: 'social',
  youth_consent: 'social',
  legal_hold: 'social',
  citizen_consent: 'social',
  citizen_merge: 'social',
  referral: 'social',
  emergency_access: 'social',
  handover: 'social',
};

export const RETENTION_TABLES = Object.keys(TABLE_RECORD_TYPE) as CitizenDataTable[];

/**
 * The expression naming a row's citizen and the FROM clause reaching it: `citizen_id` on the table, or
 * through the parent (`enrolment`, `assessment`). Names come from the list above, never from input.
 */
export function citizenOfRow(table: CitizenDataTable): { from: string; citizen: string } {
  const how = CITIZEN_DATA_TABLES[table] as { self?: true; citizen?: string; parent?: CitizenDataTable; via?: string };
  // A record merged into the citizen (its tombstone, decision 87) is the same person's: erased with them.
  if (how.self) return { from: `${table} t`, citizen: 'coalesce(t.merged_into_id, t.id)' };
  if (how.citizen) return { from: `${table} t`, citizen: `t.${how.citizen}` };
  const parent = CITIZEN_DATA_TABLES[how.parent as CitizenDataTable] as { citizen?: string };
  if (!parent.citizen) throw new Error(`${table}: a parent two levels from citizen is not supported`);
  return { from: `${table} t JOIN ${how.parent} p ON p.id = t.${how.via}`, citizen: `p.${parent.citizen}` };
}
