import type { ProgrammeCode } from './protocols';

export interface ProgrammeOutcomes {
  /** Share of those who start who complete (the rest drop out). */
  completion: number;
  /** Typical ASI severity (0-1) at intake. */
  intakeSeverity: number;
  drugFreeAtIntake: number;
  /** Share of completers drug-free at the end (those who dropped out: a third of it). */
  drugFreeAtEnd: number;
  /** Share of completers drug-free at each follow-up, by months after the end. */
  drugFreeAtFollowUp: Readonly<Record<string, number>>;
}

/**
 * Plausible outcomes, tuned to the published results in docs/domain.md: MOVE about 50 % drug-free nine
 * months after the start (the 6-month follow-up after 12 weekly sessions), HCS 34.1 % of completers
 * drug-free at the end. The others have no published figure; theirs are guesses, and say so.
 */
export const OUTCOME_MODEL: Readonly<Record<ProgrammeCode, ProgrammeOutcomes>> = {
  MOVE: { completion: 0.65, intakeSeverity: 0.5, drugFreeAtIntake: 0.03, drugFreeAtEnd: 0.4, drugFreeAtFollowUp: { '6': 0.5 } },
  HCS: { completion: 0.6, intakeSeverity: 0.45, drugFreeAtIntake: 0.03, drugFreeAtEnd: 0.341, drugFreeAtFollowUp: { '3': 0.33, '6': 0.31 } },
  OUTREACH: { completion: 0.45, intakeSeverity: 0.75, drugFreeAtIntake: 0.02, drugFreeAtEnd: 0.12, drugFreeAtFollowUp: {} },
  ICM: { completion: 0.6, intakeSeverity: 0.7, drugFreeAtIntake: 0.03, drugFreeAtEnd: 0.22, drugFreeAtFollowUp: {} },
  // SMART Recovery is for people who finished treatment: most are drug-free (or in substitution) already.
  SMART: { completion: 0.5, intakeSeverity: 0.25, drugFreeAtIntake: 0.8, drugFreeAtEnd: 0.85, drugFreeAtFollowUp: {} },
};
