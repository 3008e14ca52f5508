import type { Handover, HandoverRecord } from '@outcomes/contracts';
import { createHttpClient } from '../data/http-client';

const httpClient = createHttpClient();
const base = (id: string): string => `/api/handovers/${encodeURIComponent(id)}`;

/** Hand-overs addressed to the own municipality (sent and accepted). */
export const fetchIncoming = async (): Promise<Handover[]> => (await httpClient('/api/handovers/incoming')).json as Handover[];

/** The own municipality's hand-overs, newest first (at most 100: a page, not an archive). */
export const fetchOutgoing = async (filter: Record<string, string> = {}): Promise<Handover[]> =>
  (await httpClient(`/api/handovers?filter=${encodeURIComponent(JSON.stringify(filter))}&range=${encodeURIComponent('[0,99]')}`)).json as Handover[];

/** The old record under an accepted hand-over (each call is a logged read in both municipalities). */
export const fetchHandoverRecord = async (id: string): Promise<HandoverRecord> => (await httpClient(`${base(id)}/record`)).json as HandoverRecord;

const post = async (path: string, body: Record<string, unknown>): Promise<Handover> =>
  (await httpClient(path, { method: 'POST', body: JSON.stringify(body) })).json as Handover;

export const acceptHandover = (id: string, body: { programmeId: string; centreId: string; version: number }) => post(`${base(id)}/acceptance`, body);
export const declineHandover = (id: string, body: { reason: string; version: number }) => post(`${base(id)}/refusal`, body);
export const withdrawHandover = (id: string, body: { reason: string; version: number }) => post(`${base(id)}/withdrawal`, body);
