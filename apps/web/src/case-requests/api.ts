import type { CaseDecision, GuaranteeFigures } from '@outcomes/contracts';
import { createHttpClient } from '../data/http-client';

const httpClient = createHttpClient();
const base = (requestId: string): string => `/api/case-requests/${encodeURIComponent(requestId)}`;

/** The request's decisions, newest first (earlier ones are kept). */
export const listDecisions = async (requestId: string): Promise<CaseDecision[]> => (await httpClient(`${base(requestId)}/decisions`)).json as CaseDecision[];

export const createDecision = async (requestId: string, body: Record<string, unknown>): Promise<CaseDecision> =>
  (await httpClient(`${base(requestId)}/decisions`, { method: 'POST', body: JSON.stringify(body) })).json as CaseDecision;

/** A plain link: the session cookie signs the download, as for exports. */
export const decisionPdfUrl = (requestId: string, decisionId: string): string => `${base(requestId)}/decisions/${encodeURIComponent(decisionId)}/pdf`;

export const guaranteeFigures = async (from: string, to: string): Promise<GuaranteeFigures> =>
  (await httpClient(`/api/guarantee-figures?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`)).json as GuaranteeFigures;

/** Links an enrolment made before its request was recorded to the request (POST /api/enrolments/:id/case-request). */
export const linkEnrolment = async (enrolmentId: string, body: { caseRequestId: string; version: number; reason?: string }): Promise<void> => {
  await httpClient(`/api/enrolments/${encodeURIComponent(enrolmentId)}/case-request`, { method: 'POST', body: JSON.stringify(body) });
};
