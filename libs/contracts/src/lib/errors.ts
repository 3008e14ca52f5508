/**
 * The largest JSON request body the API reads (bytes); a larger one is refused with 413
 * PAYLOAD_TOO_LARGE before it is buffered. The biggest real body, a full ASI interview, is a few kB.
 */
export const MAX_JSON_BODY_BYTES = 256 * 1024;

/** Machine-readable error codes; `message` is for people, `code` is for programs. */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'BAD_LIST_QUERY',
  'NOT_FOUND',
  'VERSION_CONFLICT',
  'DUPLICATE',
  /** 409: a meeting or session is already logged on that day; send again with `confirmDuplicate: true` to log a second. */
  'DUPLICATE_DATE',
  'STILL_REFERENCED',
  'NOT_ELIGIBLE',
  /** 422: a young person's treatment cannot start before the consents the law asks for are recorded (`failures` names each). */
  'YOUTH_CONSENT_MISSING',
  'ILLEGAL_TRANSITION',
  'NOT_READY',
  'GONE',
  /** 409: R, Stata and SPSS syntax files read a CSV export; an XLSX export carries its codebook as a sheet instead. */
  'NOT_CSV',
  /** 405: the method does not exist for the resource (a session is never deleted: mark it entered in error). */
  'METHOD_NOT_ALLOWED',
  /** 409: a typo fix after the author's window; correct the note with a reason instead. */
  'TYPO_WINDOW_CLOSED',
  /**
   * 409: the rules of anonymous treatment (Serviceloven § 101 a) refuse it: an anonymous course for a
   * citizen with a CPR number, a written decision on an anonymous request (none can be appealed), a
   * course of another kind joined to one. `errors` names the field and the rule.
   */
  'ANONYMOUS_TREATMENT',
  /** 409: the enrolment already answers a request; the link is set once. */
  'ALREADY_LINKED',
  /** 409: the request was closed before the enrolment was referred; link an open or later request. */
  'REQUEST_CLOSED',
  /** 409: the enrolment started before the request, so it cannot answer it. */
  'START_BEFORE_REQUEST',
  /** 409: the consent's current state does not allow the entry (a withdrawal of a consent not given; given twice). */
  'CONSENT_STATE',
  /**
   * 409: two records cannot be merged as asked (issue 22): both have a CPR number, the source had
   * anonymous treatment, both have an open request or an open course in the same programme, one is
   * already merged, or an undo would split rows added since from what they belong to. `errors` names
   * the field and the rule; nothing was written.
   */
  'MERGE_CONFLICT',
  /** 409: the merge can no longer be undone: its period (the municipality's `mergeUndoDays`) ended, or it was undone already. */
  'MERGE_UNDO_CLOSED',
  /** 409: the referral is no longer `sent` (already answered or withdrawn): it cannot be answered or withdrawn again. */
  'REFERRAL_ANSWERED',
  /** 409: the treatment provider is not approved on the referral day (its approval has not begun or has lapsed); `errors.providerId` says which. */
  'PROVIDER_NOT_APPROVED',
  /** 409: the citizen is under a legal hold; retention erases nothing of theirs until it is lifted (`errors.citizenId` names the hold's reason). */
  'LEGAL_HOLD',
  /** 409: the citizen is not due for erasure (a course is open, or the last entry is inside the retention period). */
  'NOT_DUE',
  /** 409: the retention run's confirmed count (`expectedCount`) is not what the dry run lists now; nothing was erased. */
  'COUNT_CHANGED',
  /** 409: emergency access asked for a citizen of the caller's own municipality: open the ordinary record. */
  'OWN_CITIZEN',
  /** 409: the hand-over is no longer `sent` (already answered or withdrawn): it cannot be answered or withdrawn again. */
  'HANDOVER_ANSWERED',
  'UNAUTHORIZED',
  /** 401: the personal API token has passed its expiry; make a new one. */
  'TOKEN_EXPIRED',
  /** 401: the personal API token was revoked (by its user or their admin, or because the user was deactivated or changed role). */
  'TOKEN_REVOKED',
  'FORBIDDEN',
  /** 403: the personal API token's scope does not include what the request does; `errors.scope` names the missing permission. */
  'TOKEN_SCOPE',
  'PAYLOAD_TOO_LARGE',
  'TOO_MANY_REQUESTS',
  'TOO_MANY_EXPORTS',
  'REPORT_BUDGET_EXHAUSTED',
  /** 429: a verification of the access log runs already for the municipality, or the user's verifications per minute are used; Retry-After says when to ask again. */
  'VERIFY_BUSY',
  'DATABASE_UNAVAILABLE',
  'SERVER_BUSY',
  'HTTP_ERROR',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The one error body every endpoint answers with. `errors` maps a field to its message. */
export interface ApiErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  errors?: Record<string, string>;
  /** 409 DUPLICATE on citizens: the record that already has this CPR number. */
  existingId?: string;
  /** 410 GONE on citizens: the record this one was merged into (issue 22). */
  mergedIntoId?: string;
  /** 409 ILLEGAL_TRANSITION: the states the record may move to. */
  allowed?: string[];
  /** 422 NOT_ELIGIBLE, YOUTH_CONSENT_MISSING: each rule that failed. */
  failures?: { rule: string; message: string }[];
  /** 429 of the per-account sign-in delay: seconds until an attempt is looked at again (also the Retry-After header). */
  retryAfterSeconds?: number;
}
