import type { DueAssessment, EnrolmentState, Timepoint } from '@outcomes/contracts';
import { addDays } from './danish-date';
import { hasEnded } from './enrolment-state';

export interface ScheduleInput {
  startDate: string | null;
  endDate: string | null;
  state: EnrolmentState;
  /** The programme's follow-ups, in months after the end. */
  followUpMonths: readonly number[];
  /** Days either side of a due date within which the assessment counts. */
  windowDays: number;
  /** Assessments already taken: their timepoints and dates. */
  taken: readonly { timepoint: Timepoint; date: string }[];
  /** YYYY-MM-DD */
  today: string;
}

const FOLLOW_UP: Record<number, Timepoint> = { 3: 'follow-up-3', 6: 'follow-up-6', 9: 'follow-up-9', 12: 'follow-up-12' };

/** Calendar months later; the 31st becomes the month's last day when the month is shorter. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

function entry(timepoint: Timepoint, dueDate: string | null, input: ScheduleInput): DueAssessment {
  const done = input.taken.find((t) => t.timepoint === timepoint);
  if (done) return { timepoint, dueDate, windowStart: dueDate && addDays(dueDate, -input.windowDays), windowEnd: dueDate && addDays(dueDate, input.windowDays), status: 'done', doneDate: done.date };
  if (!dueDate) return { timepoint, dueDate: null, windowStart: null, windowEnd: null, status: 'not-applicable', doneDate: null };
  const windowStart = addDays(dueDate, -input.windowDays);
  const windowEnd = addDays(dueDate, input.windowDays);
  const status = input.today < windowStart ? 'upcoming' : input.today <= windowEnd ? 'in-window' : 'overdue';
  return { timepoint, dueDate, windowStart, windowEnd, status, doneDate: null };
}

/**
 * Which assessments an enrolment owes, from its programme's protocol: intake at the start, end at the
 * end (completed or dropped out: attrition is reported, not hidden), and each follow-up the given
 * months after the end. Each is upcoming, in its window, overdue or done.
 */
export function followUpSchedule(input: ScheduleInput): DueAssessment[] {
  const ended = hasEnded(input.state);
  const schedule = [entry('intake', input.startDate, input), entry('end', ended ? input.endDate : null, input)];
  for (const months of input.followUpMonths) {
    const timepoint = FOLLOW_UP[months];
    if (timepoint) schedule.push(entry(timepoint, ended && input.endDate ? addMonths(input.endDate, months) : null, input));
  }
  return schedule;
}
