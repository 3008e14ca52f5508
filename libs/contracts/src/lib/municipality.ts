import type { RecordMeta } from './resources';

export interface Municipality extends RecordMeta {
  /** The official three-digit municipality number (kommunekode), e.g. "101" for København. */
  code: string;
  name: string;
  /** Staff cost per hour (DKK) for the economic view; null: not configured. */
  hourlyRate: number | null;
  // --- Merging duplicate records (issue 22) ---
  /** Days a merge of two citizens' records can be undone (1-365, default 30). */
  mergeUndoDays: number;
}

export type MunicipalityInput = Pick<Municipality, 'code' | 'name'> & { hourlyRate?: number | null; mergeUndoDays?: number };
