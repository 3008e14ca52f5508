import type { EmergencyAccess, EmergencyRecord, EmergencyReviewInput } from '@outcomes/contracts';
import { createHttpClient } from '../data/http-client';

const httpClient = createHttpClient();
const base = (id: string): string => `/api/emergency-accesses/${encodeURIComponent(id)}`;

/** The citizen's record under the access (each call is a logged read in both municipalities). */
export const fetchEmergencyRecord = async (id: string): Promise<EmergencyRecord> => (await httpClient(`${base(id)}/record`)).json as EmergencyRecord;

export const reviewEmergencyAccess = async (id: string, body: EmergencyReviewInput): Promise<EmergencyAccess> =>
  (await httpClient(`${base(id)}/review`, { method: 'POST', body: JSON.stringify(body) })).json as EmergencyAccess;
