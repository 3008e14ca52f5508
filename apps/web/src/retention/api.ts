import type { RetentionOverview, RetentionRun } from '@outcomes/contracts';
import { createHttpClient } from '../data/http-client';

const httpClient = createHttpClient();

/** The dry run: who the next run erases (ids, dates, counts), the settings in force, the latest runs. */
export const fetchRetention = async (): Promise<RetentionOverview> => (await httpClient('/api/retention')).json as RetentionOverview;

/** Runs retention now in the admin's municipality: erases exactly what the dry run lists. */
export const runRetention = async (): Promise<RetentionRun> => (await httpClient('/api/retention/runs', { method: 'POST', body: '{}' })).json as RetentionRun;
