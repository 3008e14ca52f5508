import type { GuaranteeState } from '@outcomes/contracts';
import { guaranteeText } from './guarantee-text';

const state = (s: Partial<GuaranteeState>): GuaranteeState => ({ status: 'running', deadline: '2026-03-15', daysLeft: null, daysToStart: null, startDate: null, reasonMissing: false, ...s });

describe('guaranteeText', () => {
  it('says how many days are left, the last day, and how long it is overdue', () => {
    expect(guaranteeText(state({ daysLeft: 3 }))).toEqual({ key: 'app.caseRequests.guarantee.running', args: { smart_count: 3 }, tone: 'warning' });
    expect(guaranteeText(state({ daysLeft: 9 })).tone).toBe('neutral');
    expect(guaranteeText(state({ daysLeft: 0 })).key).toBe('app.caseRequests.guarantee.last_day');
    expect(guaranteeText(state({ status: 'overdue', daysLeft: -2 }))).toEqual({ key: 'app.caseRequests.guarantee.overdue', args: { smart_count: 2 }, tone: 'error' });
  });

  it('says whether it was kept, missed or waived once decided', () => {
    expect(guaranteeText(state({ status: 'met', daysToStart: 14 }))).toMatchObject({ args: { smart_count: 14 }, tone: 'success' });
    expect(guaranteeText(state({ status: 'missed', daysToStart: 15 })).tone).toBe('error');
    expect(guaranteeText(state({ status: 'waived' })).key).toBe('app.caseRequests.guarantee.waived');
  });
});
