import type { RegisterEndStatus, RegisterReadiness } from '@outcomes/contracts';
import { createHttpClient } from '../data/http-client';

const httpClient = createHttpClient();

/** The register's end-status code list (national reference data). */
export const fetchEndStatuses = async (): Promise<RegisterEndStatus[]> => (await httpClient('/api/register/end-statuses')).json as RegisterEndStatus[];

export const fetchReadiness = async (): Promise<RegisterReadiness> => (await httpClient('/api/register/readiness')).json as RegisterReadiness;

/** A plain link: the session cookie signs the download, as for exports; the month (YYYY-MM) is no personal data. */
export const extractUrl = (month: string): string => `/api/register/extracts/${encodeURIComponent(month)}`;

/** The code's label in the user's language. */
export const endStatusLabel = (status: RegisterEndStatus | undefined, locale: string, code: string | null): string =>
  status ? (locale === 'en' ? status.labelEn : status.labelDa) : (code ?? '');
