import type { ConsentNotAskedRule } from './consent';
import type { RecordMeta } from './resources';

export interface Municipality extends RecordMeta {
  /** The official three-digit municipality number (kommunekode), e.g. "101" for København. */
  code: string;
  name: string;
  /** Staff cost per hour (DKK) for the economic view; null: not configured. */
  hourlyRate: number | null;
  // --- Consent by purpose (issue 22): how a citizen never asked about evaluation counts in exports.
  consentNotAsked: ConsentNotAskedRule;
}

export type MunicipalityInput = Pick<Municipality, 'code' | 'name'> & { hourlyRate?: number | null; consentNotAsked?: ConsentNotAskedRule };
