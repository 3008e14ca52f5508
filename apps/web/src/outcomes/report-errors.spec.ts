import { HttpError } from 'react-admin';
import { failureMessage, reportFailure } from './report-errors';

describe('a report that could not be shown', () => {
  it('names the period rule for a 400 about from or to', () => {
    const error = new HttpError('from must be the first day of a month', 400, { code: 'VALIDATION_FAILED', errors: { from: 'from must be the first day of a month' } });
    expect(reportFailure(error)).toEqual({ kind: 'period', field: 'from' });
    expect(failureMessage(reportFailure(error))).toEqual(['app.outcomes.errors.period_rule_from']);
    const short = new HttpError('x', 400, { code: 'VALIDATION_FAILED', errors: { to: 'the period must be at least three whole months' } });
    expect(failureMessage(reportFailure(short))).toEqual(['app.outcomes.errors.period_rule_to']);
  });

  it('says the day’s budget is spent, and after how many hours (rounded up) it starts again', () => {
    // 5 h 20 min until midnight: 19,200 seconds, said as 6 hours.
    const error = new HttpError('budget', 429, { code: 'REPORT_BUDGET_EXHAUSTED', retryAfterSeconds: 19_200 });
    expect(reportFailure(error)).toEqual({ kind: 'budget', retryAfterSeconds: 19_200 });
    expect(failureMessage(reportFailure(error))).toEqual(['app.outcomes.errors.budget_exhausted_retry', { smart_count: 6 }]);
    expect(failureMessage({ kind: 'budget', retryAfterSeconds: 30 })).toEqual(['app.outcomes.errors.budget_exhausted_retry', { smart_count: 1 }]);
    expect(failureMessage(reportFailure(new HttpError('budget', 429, { code: 'REPORT_BUDGET_EXHAUSTED' })))).toEqual(['app.outcomes.errors.budget_exhausted']);
  });

  it('keeps the other refusals apart', () => {
    expect(reportFailure(new HttpError('forbidden', 403, { code: 'FORBIDDEN' }))).toEqual({ kind: 'not_granted' });
    // The general rate limit is not the report budget.
    expect(reportFailure(new HttpError('app.notification.too_many_requests', 429, { code: 'TOO_MANY_REQUESTS' }))).toEqual({ kind: 'failed', message: 'app.notification.too_many_requests' });
    expect(reportFailure(new Error('offline'))).toEqual({ kind: 'failed', message: 'offline' });
    expect(reportFailure(undefined)).toEqual({ kind: 'failed', message: '' });
  });
});
