import type { RetentionOverview, RetentionRun } from '@outcomes/contracts';
import { createHttpClient } from '../data/http-client';

const httpClient = createHttpClient();

/** The dry run: who the next run erases (ids, dates, counts), the settings in force, the latest runs. */
export const fetchRetention = async (): Promise<RetentionOverview> => (await httpClient('/api/retention')).json as RetentionOverview;

/** Runs retention now in the admin's municipality: erases exactly what the dry run lists. */
/** Runs now, erasing only when the dry run still lists `expectedCount` citizens (the count the admin confirmed). */
export const runRetention = async (expectedCount: number): Promise<RetentionRun> =>
  (await httpClient('/api/retention/runs', { method: 'POST', body: JSON.stringify({ expectedCount }) })).json as RetentionRun;
