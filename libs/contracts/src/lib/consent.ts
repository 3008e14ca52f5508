/**
 * Consent by purpose (issue 22; docs/domain.md, "Consent by purpose"). The purposes are a code list
 * kept as data (table `consent_purpose`, labels in Danish and English); these codes are the ones the
 * product knows how to enforce, and a test holds them equal to the table.
 */
export const CONSENT_PURPOSES = ['evaluation', 'job-centre', 'psychiatry', 'relatives', 'parents'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/** What one entry of a purpose's history says. The current state is the latest entry, or `not-asked`. */
export const CONSENT_EVENTS = ['given', 'refused', 'withdrawn'] as const;
export type ConsentEvent = (typeof CONSENT_EVENTS)[number];
export type ConsentState = ConsentEvent | 'not-asked';

/** How a citizen never asked about evaluation counts in exports: a setting of the data-owning municipality. */
export const CONSENT_NOT_ASKED_RULES = ['included', 'excluded'] as const;
export type ConsentNotAskedRule = (typeof CONSENT_NOT_ASKED_RULES)[number];

/** One entry of a citizen's consent history: never changed or deleted. */
export interface ConsentEntry {
  id: string;
  citizenId: string;
  purpose: ConsentPurpose;
  /** 1, 2, 3 per citizen and purpose; the latest is the current state. */
  entry: number;
  event: ConsentEvent;
  /** The day the citizen gave, refused or withdrew it; null only on an answer moved from the old flag without a date. */
  onDate: string | null;
  /** Null only on the answers moved from the old `evaluationConsent` flag, which never stored who recorded them. */
  recordedByUserId: string | null;
  recordedByName: string | null;
  recordedAt: string;
}

/** One purpose of the code list with the citizen's current state for it. */
export interface ConsentPurposeState {
  purpose: ConsentPurpose;
  labelDa: string;
  labelEn: string;
  /** Only for citizens under 18 (the parents'). */
  minorsOnly: boolean;
  /** Whether the citizen may be asked for it now (false for a minors-only purpose once 18, or with no known age). */
  applies: boolean;
  state: ConsentState;
  /** The latest entry; null when not asked. */
  latest: ConsentEntry | null;
}

/** GET /api/citizens/:id/consents. */
export interface CitizenConsents {
  citizenId: string;
  /** The municipality's rule for evaluation when not asked (exports). */
  notAskedRule: ConsentNotAskedRule;
  purposes: ConsentPurposeState[];
  /** The entries, newest first: the latest MAX_PAGE_SIZE of them. */
  history: ConsentEntry[];
  /** How many entries there are in all. */
  historyTotal: number;
}

/** POST /api/citizens/:id/consents: one new entry. */
export interface ConsentEntryInput {
  purpose: string;
  event: ConsentEvent;
  onDate: string;
  /** The latest entry the user saw for this purpose (0: none): a stale one is a 409. */
  basedOnEntry: number;
}
