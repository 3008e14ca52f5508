import type { RecordMeta } from './resources';

export interface Municipality extends RecordMeta {
  /** The official three-digit municipality number (kommunekode), e.g. "101" for København. */
  code: string;
  name: string;
  /** Staff cost per hour (DKK) for the economic view; null: not configured. */
  hourlyRate: number | null;
  // --- Emergency access (issue 22) ---
  /** Hours an emergency access to this municipality's citizens lasts (1-72; default 24); set by its admin. */
  emergencyAccessHours: number;
}

export type MunicipalityInput = Pick<Municipality, 'code' | 'name'> & { hourlyRate?: number | null; emergencyAccessHours?: number };
