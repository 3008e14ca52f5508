import type { OutcomeReport } from '@outcomes/contracts';
import { useEffect, useState } from 'react';
import { createHttpClient } from '../data/http-client';

/** Which report to show. Ids and dates only: no personal data, so a query string is fine. */
export interface OutcomeQuery {
  programmeId: string;
  municipalityId: string;
  from: string;
  to: string;
}

export type ReportState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'done'; report: OutcomeReport }
  | { status: 'failed'; httpStatus: number | undefined; message: string };

const httpClient = createHttpClient();

export async function fetchOutcomeReport(query: OutcomeQuery): Promise<OutcomeReport> {
  const { json } = await httpClient(`/api/outcomes/report?${new URLSearchParams({ ...query }).toString()}`);
  return json as OutcomeReport;
}

/** The report for `query`, fetched anew whenever it changes; null asks for nothing (filters incomplete). */
export function useOutcomeReport(query: OutcomeQuery | null): ReportState {
  const [state, setState] = useState<ReportState>({ status: 'idle' });
  const key = query ? JSON.stringify(query) : null;
  useEffect(() => {
    if (key === null) {
      setState({ status: 'idle' });
      return;
    }
    // A slower answer to an older query must not overwrite the newer one.
    let current = true;
    setState({ status: 'loading' });
    fetchOutcomeReport(JSON.parse(key) as OutcomeQuery)
      .then((report) => current && setState({ status: 'done', report }))
      .catch((error: unknown) => {
        const { status, message } = error as { status?: number; message?: string };
        if (current) setState({ status: 'failed', httpStatus: status, message: message ?? '' });
      });
    return () => {
      current = false;
    };
  }, [key]);
  return state;
}
