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
  /**
   * For searches: what was searched, never the text: the filter's field names, for free text the number
   * of words, whether it looks like a CPR number and keyed hashes of the words (JSON, see SearchCriterion).
   */
  criterion: string | null;
  address: string | null;
  outcome: AccessOutcome;
  /** Every citizen the answer carried beyond `citizenId` (a list's page, a group's members); null when none. */
  citizenIds: string[] | null;
  /** A write's values before and after (reference data, users, grants, settings); null otherwise. */
  change: { before: unknown; after: unknown } | null;
}

/** How free text in a search is logged: never the text. */
export interface SearchedText {
  words: number;
  /** The text holds something shaped like a CPR number (ddmmyy-nnnn). */
  cpr: boolean;
  /** HMAC-SHA-256 (the blind-index key, domain `audit-search`) of each normalised word, and of a CPR number's ten digits. */
  hashes: string[];
}

/** The logged criterion of a search: the fields searched, and each value either as it was (identifiers, states, dates, numbers) or as SearchedText. */
export interface SearchCriterion {
  fields: string[];
  values: Record<string, unknown>;
}

export interface AccessLogVerification {
  ok: boolean;
  checked: number;
  /** The first row whose hash does not match, when not ok (the lowest across chains). */
  firstBrokenSeq: number | null;
  reason: string | null;
  /** Each hash chain (a municipality's, the national one, the legacy one), walked on its own. */
  chains?: AccessLogChainVerification[];
}

/** One chain's verdict: `chain` is a municipality's id, 'national' or 'legacy'. */
export interface AccessLogChainVerification {
  chain: string;
  ok: boolean;
  checked: number;
  firstBrokenSeq: number | null;
  reason: string | null;
}

/** A row of a citizen's "who has seen this": the access, with the name of who made it. */
export interface CitizenAccess extends AccessLogEntry {
  userDisplayName: string | null;
  /**
   * One view is one entry: the same user's reads and searches of the citizen, each within
   * CITIZEN_VIEW_WINDOW_SECONDS of the one before, are collapsed; `requests` says how many logged rows
   * (`firstSeq`..`lastSeq` in the access log) the view was. A write or a refusal is an entry of its own.
   */
  requests: number;
  firstSeq: number;
  lastSeq: number;
}

/** Reads of one citizen by one user no further apart than this belong to one view of the citizen's page. */
export const CITIZEN_VIEW_WINDOW_SECONDS = 30;

/** A citizen found for "who has seen this citizen" (POST /api/citizens/access-history/lookup): enough to tell people apart. */
export interface AccessHistoryCitizen {
  id: string;
  firstName: string;
  lastName: string;
  birthYear: number | null;
}

/** The body of POST /api/citizens/access-history/lookup: a name (whole words) or a CPR number, never in a URL. */
export interface AccessHistoryLookup {
  q: string;
}
