import type { GuaranteeState } from '@outcomes/contracts';

export interface GuaranteeText {
  /** A translation key under app.caseRequests.guarantee, with its arguments. */
  key: string;
  args: Record<string, unknown>;
  /** error: overdue or missed (shown in red, and the text says so too); success: kept. */
  tone: 'error' | 'warning' | 'success' | 'neutral';
}

/** The guarantee's one line ("garanti: 3 dage tilbage"); the words carry the meaning, the colour only repeats it. */
export function guaranteeText(state: GuaranteeState): GuaranteeText {
  switch (state.status) {
    case 'running':
      return state.daysLeft === 0
        ? { key: 'app.caseRequests.guarantee.last_day', args: {}, tone: 'warning' }
        : { key: 'app.caseRequests.guarantee.running', args: { smart_count: state.daysLeft ?? 0 }, tone: (state.daysLeft ?? 0) <= 3 ? 'warning' : 'neutral' };
    case 'overdue':
      return { key: 'app.caseRequests.guarantee.overdue', args: { smart_count: -(state.daysLeft ?? 0) }, tone: 'error' };
    case 'met':
      return { key: 'app.caseRequests.guarantee.met', args: { smart_count: state.daysToStart ?? 0 }, tone: 'success' };
    case 'missed':
      return { key: 'app.caseRequests.guarantee.missed', args: { smart_count: state.daysToStart ?? 0 }, tone: 'error' };
    case 'waived':
      return { key: 'app.caseRequests.guarantee.waived', args: {}, tone: 'neutral' };
  }
}
