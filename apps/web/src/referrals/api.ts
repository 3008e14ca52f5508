import type { Referral, ReferralProgress } from '@outcomes/contracts';
import { createHttpClient } from '../data/http-client';

const httpClient = createHttpClient();
const base = (id: string): string => `/api/referrals/${encodeURIComponent(id)}`;

/** Referrals addressed to the own municipality's treatment places (sent and accepted). */
export const fetchIncoming = async (): Promise<Referral[]> => (await httpClient('/api/referrals/incoming')).json as Referral[];

/** The own municipality's referrals, newest first (at most 100: a page, not an archive). */
export const fetchOutgoing = async (filter: Record<string, string> = {}): Promise<Referral[]> =>
  (await httpClient(`/api/referrals?filter=${encodeURIComponent(JSON.stringify(filter))}&range=${encodeURIComponent('[0,99]')}`)).json as Referral[];

export const fetchProgress = async (id: string): Promise<ReferralProgress> => (await httpClient(`${base(id)}/progress`)).json as ReferralProgress;

const post = async (path: string, body: Record<string, unknown>): Promise<Referral> =>
  (await httpClient(path, { method: 'POST', body: JSON.stringify(body) })).json as Referral;

export const acceptReferral = (id: string, body: { programmeId: string; version: number }) => post(`${base(id)}/acceptance`, body);
export const declineReferral = (id: string, body: { reason: string; version: number }) => post(`${base(id)}/refusal`, body);
export const withdrawReferral = (id: string, body: { reason: string; version: number }) => post(`${base(id)}/withdrawal`, body);

/** A referral to a provider: the provider's answer, as the referring staff heard it (a provider has no users). */
export const recordProviderAnswer = (id: string, body: { answer: 'accepted' | 'declined'; answeredOn: string; reason: string | null; version: number }) => post(`${base(id)}/provider-answer`, body);
/** A provider's accepted referral: the course's end as the provider reported it. */
export const recordProviderOutcome = (id: string, body: { endDate: string; endStatus: string; version: number }) => post(`${base(id)}/provider-outcome`, body);
