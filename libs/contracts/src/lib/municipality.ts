import type { RecordMeta } from './resources';

export interface Municipality extends RecordMeta {
  /** The official three-digit municipality number (kommunekode), e.g. "101" for København. */
  code: string;
  name: string;
  /** Staff cost per hour (DKK) for the economic view; null: not configured. */
  hourlyRate: number | null;
}

export type MunicipalityInput = Pick<Municipality, 'code' | 'name'> & { hourlyRate?: number | null };
