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

/** What `owesByToday` asks of an enrolment: followUpSchedule's input without the protocol and the day. */
export type ScheduledEnrolment = Pick<ScheduleInput, 'startDate' | 'endDate' | 'state'>;

/**
 * Whether an enrolment owes a timepoint's assessment by `today`: its followUpSchedule entry is done,
 * in its window or overdue (the outcome report's "due"). The same answer as building the schedule and
 * finding the entry, without building it: the report asks it of every ended enrolment for each
 * timepoint and benchmark, and at national scale (7,000 enrolments) the schedules' date arithmetic was
 * most of the report's time in the API (a CPU profile: docs/performance.md). A window is open by today
 * when today ≥ due − windowDays, that is when due ≤ today + windowDays: one addDays for the whole
 * report instead of two per entry. `taken`: the enrolment has that timepoint's assessment.
 */
export function owesByToday(protocol: Pick<ScheduleInput, 'followUpMonths' | 'windowDays'>, today: string): (e: ScheduledEnrolment, timepoint: Timepoint, taken: boolean) => boolean {
  const latestDue = addDays(today, protocol.windowDays);
  return (e, timepoint, taken) => {
    let due: string | null;
    if (timepoint === 'intake') due = e.startDate;
    else if (timepoint === 'end') due = hasEnded(e.state) ? e.endDate : null;
    else {
      const months = protocol.followUpMonths.find((m) => FOLLOW_UP[m] === timepoint);
      // Not in the protocol's schedule: no entry, so nothing is owed (done or not).
      if (months === undefined) return false;
      due = hasEnded(e.state) && e.endDate ? addMonths(e.endDate, months) : null;
    }
    if (taken) return true;
    return due !== null && due <= latestDue;
  };
}
