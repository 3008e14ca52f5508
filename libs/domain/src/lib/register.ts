import type { ReadinessIssue, RegisterLeftOutReason } from '@outcomes/contracts';

/**
 * The national register's rules (Stofmisbrugsdatabasen; docs/register.md): which moves end a course,
 * what a course lacks before it can be reported, who is left out, and when a month's events are due.
 */

/** The moves that end a course that started; each takes the register's end status. A referral cancelled before it started is no course. */
export const COURSE_ENDING_STATES: readonly string[] = ['completed', 'dropped_out', 'transferred'];

/** States in which treatment has started. */
const STARTED_STATES: readonly string[] = ['active', ...COURSE_ENDING_STATES];

export interface RegisterCourseFacts {
  state: string;
  requestedOn: string | null;
  startDate: string | null;
  endDate: string | null;
  endStatus: string | null;
  sex: string | null;
}

/** What a course lacks, or where it contradicts itself, in a fixed order. */
export function readinessIssues(c: RegisterCourseFacts): ReadinessIssue[] {
  const issues: ReadinessIssue[] = [];
  if (!c.requestedOn) issues.push('no-request-date');
  if (STARTED_STATES.includes(c.state) && !c.startDate) issues.push('no-start-date');
  const ended = COURSE_ENDING_STATES.includes(c.state);
  if (ended && !c.endDate) issues.push('no-end-date');
  if (ended && !c.endStatus) issues.push('no-end-status');
  if (!c.sex) issues.push('no-sex');
  if (c.requestedOn && c.startDate && c.startDate < c.requestedOn) issues.push('start-before-request');
  if (c.startDate && c.endDate && c.endDate < c.startDate) issues.push('end-before-start');
  return issues;
}

/**
 * Who cannot be reported: an anonymous course (§ 101 a) is not in the register at all, and a citizen
 * without a valid CPR number cannot be: a replacement number, or none.
 */
export function registerLeftOut(course: { hasCpr: boolean; cprReplacement: boolean; courseKind?: string }): RegisterLeftOutReason | null {
  if (course.courseKind === 'sel-101a') return 'anonymous';
  if (!course.hasCpr) return 'no-cpr';
  if (course.cprReplacement) return 'replacement-cpr';
  return null;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The first and last day of a month YYYY-MM. */
export function monthDays(month: string): { from: string; to: string } {
  const m = MONTH.exec(month);
  if (!m) throw new Error(`not a month: ${month}`);
  const year = Number(m[1]);
  const mon = Number(m[2]);
  const last = new Date(Date.UTC(year, mon, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** The month after YYYY-MM. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The month before YYYY-MM. */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** Social treatment's events of a month are reported no later than the 15th of the following month. */
export function registerDueDate(month: string): string {
  return `${nextMonth(month)}-15`;
}

/** An ISO date as the extract writes it: DD.MM.YYYY (Danish order, zero-padded, fixed width). */
export function registerDate(iso: string | null): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}.${m}.${y}`;
}
