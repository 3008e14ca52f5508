import type { RecordMeta } from './resources';

export const GRANT_STATUSES = ['active', 'future', 'expired', 'revoked'] as const;
export type GrantStatus = (typeof GRANT_STATUSES)[number];

/**
 * A municipality's grant of its pseudonymised outcome data to another municipality's evaluator,
 * made by the data owner's admin, visible to both sides, ended by revocation or expiry.
 */
export interface EvaluatorGrant extends RecordMeta {
  evaluatorUserId: string;
  /** As the evaluator's e-mail was when the grant was made (the grantor cannot read other municipalities' users). */
  evaluatorEmail: string;
  evaluatorMunicipalityId: string;
  /** The data owner: the municipality whose data is granted. */
  municipalityId: string;
  grantedByUserId: string;
  purpose: string;
  validFrom: string;
  validUntil: string;
  revokedAt: string | null;
  revokedByUserId: string | null;
  status: GrantStatus;
}

export interface CreateEvaluatorGrantInput {
  evaluatorEmail: string;
  purpose: string;
  validFrom: string;
  validUntil: string;
}

/** A grant lasts at most this long; a longer study asks again. */
export const GRANT_MAX_DAYS = 366;
