import type { CoordinatorFlag, FacilitatorRole, TrainingKind, VolunteerStatus } from '@outcomes/contracts';
import { addDays } from './danish-date';

/** Days before a training's renewal date at which the coordinator is warned. */
export const RENEWAL_WARNING_DAYS = 60;

export interface TrainingRecord {
  kind: TrainingKind;
  completedOn: string;
  renewsOn: string | null;
}

/** Trained in the SMART method on a day: a SMART facilitator training completed by then and not yet due for renewal. */
export function isTrained(trainings: readonly TrainingRecord[], onDate: string): boolean {
  return trainings.some((t) => t.kind === 'smart-facilitator' && t.completedOn <= onDate && (t.renewsOn === null || t.renewsOn >= onDate));
}

/** A SMART training whose renewal falls within the warning period. */
export function expiresSoon(training: TrainingRecord, today: string): boolean {
  return training.kind === 'smart-facilitator' && training.renewsOn !== null && training.renewsOn >= today && training.renewsOn <= addDays(today, RENEWAL_WARNING_DAYS);
}

/** Training dates: completed in the past (or today), renewal after completion. Returns { field: rule }. */
export function trainingProblems(training: TrainingRecord, today: string): Record<string, string> {
  const problems: Record<string, string> = {};
  if (training.completedOn > today) problems['completedOn'] = 'completedOn must not be in the future: record a training once it is completed';
  if (training.renewsOn !== null && training.renewsOn <= training.completedOn) problems['renewsOn'] = 'renewsOn must be after completedOn';
  return problems;
}

/** A volunteer who left cannot be assigned; paused volunteers can (their assignment may start later). */
export function assignmentProblem(status: VolunteerStatus): string | undefined {
  return status === 'left' ? 'a volunteer who has left cannot be assigned' : undefined;
}

export interface Interval {
  start: number;
  end: number;
}

/** Two meetings overlap when one starts before the other ends. */
export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}

export interface ActiveFacilitator {
  role: FacilitatorRole;
  trained: boolean;
}

/** The coordinator's flags for a group, from its facilitators active today. */
export function groupFlags(facilitators: readonly ActiveFacilitator[]): CoordinatorFlag[] {
  if (facilitators.length === 0) return ['no-facilitator'];
  const flags: CoordinatorFlag[] = [];
  if (facilitators.length === 1) flags.push('single-facilitator');
  if (!facilitators.some((f) => f.trained)) flags.push('no-trained-facilitator');
  return flags;
}
