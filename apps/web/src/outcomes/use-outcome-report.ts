import type { OutcomeReport, ReportBudget } from '@outcomes/contracts';
import { useEffect, useState } from 'react';
import { createHttpClient } from '../data/http-client';
import type { ReportFailure } from './report-errors';
import { reportFailure } from './report-errors';

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
  | { status: 'failed'; failure: ReportFailure };

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
        if (current) setState({ status: 'failed', failure: reportFailure(error) });
      });
    return () => {
      current = false;
    };
  }, [key]);
  return state;
}

/**
 * An evaluator's budget of report queries today: read once without spending any (GET
 * /api/outcomes/budget), then as each report brings it. Null for staff, and until it is known.
 */
export function useReportBudget(enabled: boolean, state: ReportState): ReportBudget | null {
  const [budget, setBudget] = useState<ReportBudget | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    httpClient('/api/outcomes/budget')
      .then(({ json }) => current && setBudget(json as ReportBudget))
      // Only the line about the budget is missing then; the report itself still says what it can.
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [enabled]);
  const fromReport = state.status === 'done' ? state.report.budget : null;
  useEffect(() => {
    if (fromReport) setBudget(fromReport);
  }, [fromReport]);
  // Past the budget the 429 says so; the count is then the whole budget.
  if (state.status === 'failed' && state.failure.kind === 'budget' && budget) return { ...budget, used: budget.limit };
  return enabled ? budget : null;
}
