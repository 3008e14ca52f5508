import type { CitizenConsents, ConsentEntryInput } from '@outcomes/contracts';
import { createHttpClient } from '../data/http-client';

/** Consent by purpose's own calls (the routes live under /api/citizens/:id, the citizen's permissions). */
const httpClient = createHttpClient();

export async function fetchConsents(citizenId: string): Promise<CitizenConsents> {
  return (await httpClient(`/api/citizens/${encodeURIComponent(citizenId)}/consents`)).json as CitizenConsents;
}

export async function recordConsent(citizenId: string, input: ConsentEntryInput): Promise<CitizenConsents> {
  return (await httpClient(`/api/citizens/${encodeURIComponent(citizenId)}/consents`, { method: 'POST', body: JSON.stringify(input) })).json as CitizenConsents;
}
