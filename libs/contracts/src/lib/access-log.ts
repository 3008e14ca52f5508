import type { Role } from './permissions';

export const ACCESS_ACTIONS = ['read', 'search', 'create', 'update', 'delete', 'export'] as const;
export type AccessAction = (typeof ACCESS_ACTIONS)[number];

export const ACCESS_OUTCOMES = ['ok', 'refused', 'not-found'] as const;
export type AccessOutcome = (typeof ACCESS_OUTCOMES)[number];

/** One row of the append-only, hash-chained access log. */
export interface AccessLogEntry {
  id: string;
  seq: number;
  at: string;
  userId: string;
  role: Role;
  /** Null for the national operator's own accesses. */
  municipalityId: string | null;
  action: AccessAction;
  resource: string;
  recordId: string | null;
  citizenId: string | null;
  /** For searches: the criterion (a CPR number only as its keyed hash). */
  criterion: string | null;
  address: string | null;
  outcome: AccessOutcome;
}

export interface AccessLogVerification {
  ok: boolean;
  checked: number;
  /** The first row whose hash does not match, when not ok. */
  firstBrokenSeq: number | null;
  reason: string | null;
}

/** A row of a citizen's "who has seen this": the access, with the name of who made it. */
export interface CitizenAccess extends AccessLogEntry {
  userDisplayName: string | null;
}
