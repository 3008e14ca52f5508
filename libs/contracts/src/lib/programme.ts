import type { Attestation } from './enrolment';
import type { RecordMeta } from './resources';

/**
 * The national programme catalogue's ids, fixed by the migration that inserts it (ProgrammeCatalogue),
 * so the same in every installation: the web's group forms default to them, the seeds name them.
 */
export const NATIONAL_PROGRAMME_IDS = {
  smart: '00000000-0000-4000-8000-000000000101',
  hcs: '00000000-0000-4000-8000-000000000102',
  outreach: '00000000-0000-4000-8000-000000000103',
  move: '00000000-0000-4000-8000-000000000104',
  icm: '00000000-0000-4000-8000-000000000105',
} as const;

/** How a programme is delivered. */
export const PROGRAMME_FORMATS = [
  'open-group',
  'closed-group',
  'outreach',
  'individual',
  'case-management',
] as const;
export type ProgrammeFormat = (typeof PROGRAMME_FORMATS)[number];

/**
 * A treatment programme is data, not code: its protocol (format, sessions, course length,
 * follow-up schedule) and eligibility live in this record, so a municipality can add its own.
 */
export interface Programme extends RecordMeta {
  /** Short stable code, e.g. "MOVE"; unique within the national catalogue and within a municipality's own. */
  code: string;
  /**
   * Null: the national catalogue, governed by the national operator. Otherwise a local programme of
   * that municipality, made by its admin and visible to it alone (and to evaluators it granted).
   */
  municipalityId: string | null;
  name: string;
  description: string | null;
  format: ProgrammeFormat;
  /** Sessions the protocol prescribes (MOVE 12, HCS 16); null when open-ended. */
  expectedSessions: number | null;
  /** Planned length of one session in minutes. */
  sessionMinutes: number | null;
  /** Length of a closed course in weeks (HCS 16); null for programmes without a course. */
  courseWeeks: number | null;
  /** Follow-up assessments, in months after the end of the programme (MOVE [6], HCS [3, 6]). */
  followUpMonths: number[];
  /** Days either side of a follow-up date within which the assessment counts. */
  followUpWindowDays: number;
  minAge: number | null;
  maxAge: number | null;
  /** Who the programme is for, in words (target group). */
  targetGroup: string | null;
  /** Statements staff attest to at enrolment (SMART Recovery: finished treatment; drug-free or stable substitution). */
  requiredAttestations: Attestation[];
  active: boolean;
}

/** What a client sends; whose programme it is follows from who sends it (operator: national; admin: local). */
export type ProgrammeInput = Omit<Programme, keyof RecordMeta | 'municipalityId'>;
