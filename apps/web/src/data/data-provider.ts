import type { AccessLogVerification } from '@outcomes/contracts';
import type { DataProvider } from 'react-admin';
import simpleRestProvider from 'ra-data-simple-rest';
import { accessLogFilter } from '../access-log/access-log-filter';
import { createHttpClient } from './http-client';

export interface AppDataProvider extends DataProvider {
  /** Walks the access log's hash chain (GET /api/access-log/verify). */
  verifyAccessLog(): Promise<AccessLogVerification>;
}

const httpClient = createHttpClient();
const rest = simpleRestProvider('/api', httpClient);

export const dataProvider: AppDataProvider = {
  ...rest,
  getList: (resource, params) =>
    rest.getList(resource, resource === 'access-log' ? { ...params, filter: accessLogFilter(params.filter as Record<string, unknown>) } : params),
  verifyAccessLog: async () => (await httpClient('/api/access-log/verify')).json as AccessLogVerification,
};
