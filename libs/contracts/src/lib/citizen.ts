import type { RecordMeta } from './resources';

export const SEXES = ['male', 'female'] as const;
export type CitizenSex = (typeof SEXES)[number];

/** A citizen as staff see them. The CPR number and names are stored encrypted; see docs/architecture.md. */
export interface Citizen extends RecordMeta {
  municipalityId: string;
  /** Ten digits, only in single-record answers (never in lists, URLs or logs); null: anonymous. */
  cpr?: string | null;
  /** In lists: the birth date part only, e.g. "070761-xxxx". */
  cprMasked: string | null;
  cprReplacement: boolean;
  /** Notes on the CPR number that do not make it invalid (e.g. modulus-11). */
  cprWarnings: string[];
  firstName: string;
  lastName: string;
  /** Derived from the CPR number when there is one; else as entered. */
  birthYear: number | null;
  sex: CitizenSex | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  preferredLanguage: string | null;
}

export interface CitizenInput {
  cpr?: string | null;
  firstName: string;
  lastName: string;
  birthYear?: number | null;
  sex?: CitizenSex | null;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
  preferredLanguage?: string | null;
}

/**
 * The body of POST /api/citizens/likely-duplicates: what the form holds before a citizen without a
 * CPR number is registered (issue 22). In a body, never a URL: it holds a name.
 */
export interface LikelyDuplicatesQuery {
  firstName: string;
  lastName: string;
  birthYear?: number | null;
  sex?: CitizenSex | null;
}

/** A citizen of the own municipality who may be the same person: name, birth year, sex, whether a CPR number is held (never the number). */
export interface LikelyDuplicate {
  id: string;
  firstName: string;
  lastName: string;
  birthYear: number | null;
  sex: CitizenSex | null;
  hasCpr: boolean;
  /** How many of the name's words both share. */
  sharedNameWords: number;
}
