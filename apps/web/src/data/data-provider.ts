import type { AccessLogVerification, Citizen, Enrolment, EnrolmentState } from '@outcomes/contracts';
import type { DataProvider } from 'react-admin';
import simpleRestProvider from 'ra-data-simple-rest';
import { accessLogFilter } from '../access-log/access-log-filter';
import { createHttpClient } from './http-client';

/** The body of POST /api/enrolments/:id/transitions. */
export interface TransitionInput {
  to: EnrolmentState;
  date: string;
  reason?: string | null;
  eligibilityOverride?: string | null;
  version: number;
}

export interface AppDataProvider extends DataProvider {
  /** Walks the access log's hash chain (GET /api/access-log/verify). */
  verifyAccessLog(): Promise<AccessLogVerification>;
  /** Finds a citizen of the own municipality by CPR number, sent in a POST body (never a URL). */
  lookupCitizen(cpr: string): Promise<Citizen | null>;
  /** Moves an enrolment to its next state; answers the updated enrolment. */
  transitionEnrolment(id: string, input: TransitionInput): Promise<Enrolment>;
}

const httpClient = createHttpClient();
const rest = simpleRestProvider('/api', httpClient);

const post = async <T>(url: string, body: unknown): Promise<T> =>
  (await httpClient(url, { method: 'POST', body: JSON.stringify(body) })).json as T;

export const dataProvider: AppDataProvider = {
  ...rest,
  getList: (resource, params) =>
    rest.getList(resource, resource === 'access-log' ? { ...params, filter: accessLogFilter(params.filter as Record<string, unknown>) } : params),
  verifyAccessLog: async () => (await httpClient('/api/access-log/verify')).json as AccessLogVerification,
  lookupCitizen: async (cpr) => (await post<{ citizen: Citizen | null }>('/api/citizens/lookup', { cpr })).citizen,
  transitionEnrolment: (id, input) => post<Enrolment>(`/api/enrolments/${encodeURIComponent(id)}/transitions`, input),
};
