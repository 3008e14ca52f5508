import type { KeptYear } from './outcomes';
import type { RecordMeta } from './resources';

/** The two record types retention keeps apart (decision 97); their periods are the municipality's settings. */
export const RETENTION_RECORD_TYPES = ['health', 'social'] as const;
export type RetentionRecordType = (typeof RETENTION_RECORD_TYPES)[number];

/** A citizen the next run will erase: ids, dates and counts, never a name (the admin reads no citizen). */
export interface RetentionDueCitizen {
  citizenId: string;
  /** The newest entry of any of the citizen's records. */
  lastEntryAt: string;
  /** Whether the citizen has health records (sessions, assessments): then the longer period applies. */
  health: boolean;
  /** When the retention ran out: the last entry plus the period that applies. */
  dueAt: string;
  /** Rows the erasure will remove, per table. */
  rows: Record<string, number>;
}

/** One run of retention in the municipality: counts only. */
export interface RetentionRun {
  id: string;
  startedAt: string;
  trigger: 'schedule' | 'admin' | 'erasure';
  userId: string | null;
  citizens: number;
  erased: Record<string, number>;
  courses: { programmeId: string; year: number; courseKind: string; state: string; count: number }[];
}

/** `GET /api/retention`: the settings in force, the dry run (what the next run erases) and the last runs. */
export interface RetentionOverview {
  municipalityId: string;
  healthYears: number;
  socialYears: number;
  /** The citizens due, oldest due first, at most MAX_PAGE_SIZE; `dueTotal` counts all. */
  due: RetentionDueCitizen[];
  dueTotal: number;
  /** Rows the next run erases per table, over every citizen due. */
  rows: Record<string, number>;
  /** Citizens left out of the run only because of a legal hold. */
  held: number;
  /**
   * The programmes' referral years whose outcome figures the next run keeps before it erases
   * (decision 166): a year among the due citizens' courses that has no kept figures yet.
   */
  keptYears: KeptYear[];
  runs: RetentionRun[];
}

/** A legal hold on a citizen: retention erases nothing of theirs while it is in force (not lifted). */
export interface LegalHold extends RecordMeta {
  citizenId: string;
  reason: string;
  placedByUserId: string;
  liftedAt: string | null;
  liftedByUserId: string | null;
  liftReason: string | null;
}
