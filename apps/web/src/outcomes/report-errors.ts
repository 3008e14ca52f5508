/**
 * Why a report could not be shown, read from the API's answer, so that the page can say it in the
 * user's language and name the rule (never the server's English sentence for a rule we know).
 */
export type ReportFailure =
  | { kind: 'not_granted' }
  /** 400 naming `from` or `to`: an evaluator's period is whole calendar months, at least three. */
  | { kind: 'period'; field: 'from' | 'to' }
  /** 429 REPORT_BUDGET_EXHAUSTED: the day's distinct report queries are spent. */
  | { kind: 'budget'; retryAfterSeconds: number | null }
  | { kind: 'failed'; message: string };

export const REPORT_BUDGET_EXHAUSTED = 'REPORT_BUDGET_EXHAUSTED';

interface ErrorLike {
  status?: number;
  message?: string;
  body?: { code?: string; errors?: Record<string, string>; retryAfterSeconds?: number };
}

export function reportFailure(error: unknown): ReportFailure {
  const { status, message, body } = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike;
  if (status === 403) return { kind: 'not_granted' };
  if (status === 429 && body?.code === REPORT_BUDGET_EXHAUSTED) {
    const seconds = body.retryAfterSeconds;
    return { kind: 'budget', retryAfterSeconds: typeof seconds === 'number' && Number.isFinite(seconds) ? seconds : null };
  }
  if (status === 400 && body?.errors) {
    if ('from' in body.errors) return { kind: 'period', field: 'from' };
    if ('to' in body.errors) return { kind: 'period', field: 'to' };
  }
  return { kind: 'failed', message: message ?? '' };
}

/** The translation key and its values for a failure; hours are rounded up, so "1 hour" is never too early. */
export function failureMessage(failure: ReportFailure): [key: string, options?: Record<string, string | number>] {
  switch (failure.kind) {
    case 'not_granted':
      return ['app.outcomes.errors.not_granted'];
    case 'period':
      return [`app.outcomes.errors.period_rule_${failure.field}`];
    case 'budget':
      return failure.retryAfterSeconds === null
        ? ['app.outcomes.errors.budget_exhausted']
        : ['app.outcomes.errors.budget_exhausted_retry', { smart_count: Math.max(1, Math.ceil(failure.retryAfterSeconds / 3600)) }];
    case 'failed':
      return ['app.outcomes.errors.failed', { message: failure.message }];
  }
}
