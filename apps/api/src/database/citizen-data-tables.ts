/**
 * Every table that holds a citizen's data, and how its rows reach the citizen. Features that must
 * treat "all of a citizen's data" as one (a merge of two records, the citizen's own access report,
 * retention's erasure) map over this list, so a new table is a compile error in each of them until
 * it is handled (`Record<CitizenDataTable, …>`), and `testing/citizen-data-tables.medium-spec.ts` holds the
 * list equal to the database's foreign keys: every table that reaches `citizen`, directly or through
 * a parent, is here.
 *
 * `citizen`: the column that names the citizen (`alsoCitizen`: a second one, a merge naming two); `parent`/`via`: the parent table (itself in this
 * list) and the column naming its row, for tables that reach the citizen only through it.
 */
export const CITIZEN_DATA_TABLES = {
  citizen: { self: true },
  case_request: { citizen: 'citizen_id' },
  case_decision: { citizen: 'citizen_id' },
  enrolment: { citizen: 'citizen_id' },
  enrolment_transition: { parent: 'enrolment', via: 'enrolment_id' },
  follow_up_attempt: { parent: 'enrolment', via: 'enrolment_id' },
  group_member: { parent: 'enrolment', via: 'enrolment_id' },
  group_attendance: { parent: 'enrolment', via: 'enrolment_id' },
  treatment_session: { citizen: 'citizen_id' },
  treatment_plan_revision: { citizen: 'citizen_id' },
  note_version: { citizen: 'citizen_id' },
  assessment: { citizen: 'citizen_id' },
  assessment_revision: { parent: 'assessment', via: 'assessment_id' },
  outreach_contact: { citizen: 'citizen_id' },
  youth_consent: { citizen: 'citizen_id' },
  citizen_consent: { citizen: 'citizen_id' },
  // A merge of two records names both (issue 22): its source's and its target's rows.
  citizen_merge: { citizen: 'target_citizen_id', alsoCitizen: 'source_citizen_id' },
  // The referring municipality's row; the receiving side's own course is its own enrolment (referral.receiving_enrolment_id, SET NULL).
  referral: { citizen: 'citizen_id' },
  // A legal hold stops retention for one citizen (issue 22, decision 99).
  legal_hold: { citizen: 'citizen_id' },
  // Emergency access (issue 22): the openings of the citizen's record by another municipality's staff.
  emergency_access: { citizen: 'citizen_id' },
  // Moves (issue 22, decisions 110-114): the old municipality's hand-over of the citizen to a new one.
  handover: { citizen: 'citizen_id' },
} as const satisfies Record<string, { self: true } | { citizen: string; alsoCitizen?: string } | { parent: string; via: string }>;

export type CitizenDataTable = keyof typeof CITIZEN_DATA_TABLES;

export const CITIZEN_DATA_TABLE_NAMES = Object.keys(CITIZEN_DATA_TABLES) as CitizenDataTable[];

/**
 * A predicate selecting one citizen's rows of `table`, the citizen's id bound as `$<param>`:
 * `id = $1`, `citizen_id = $1`, or `enrolment_id IN (SELECT id FROM enrolment WHERE citizen_id = $1)`.
 * Table and column names come from the list above, never from input.
 */
export function citizenRowsPredicate(table: CitizenDataTable, param = 1): string {
  const how = CITIZEN_DATA_TABLES[table] as { self?: true; citizen?: string; alsoCitizen?: string; parent?: CitizenDataTable; via?: string };
  if (how.self) return `id = $${param}`;
  if (how.citizen && how.alsoCitizen) return `(${how.citizen} = $${param} OR ${how.alsoCitizen} = $${param})`;
  if (how.citizen) return `${how.citizen} = $${param}`;
  return `${how.via} IN (SELECT id FROM ${how.parent} WHERE ${citizenRowsPredicate(how.parent as CitizenDataTable, param)})`;
}
