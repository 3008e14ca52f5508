import type { Enrolment, TreatmentSession } from '@outcomes/contracts';

export type TimelineEntry =
  | { type: 'enrolment'; at: string; enrolment: Enrolment }
  | { type: 'session'; at: string; session: TreatmentSession };

/**
 * A citizen's enrolments (at their referral date) and sessions (at their start), newest first; a
 * session on the day of a referral comes above it, as it happened later that day.
 */
export function timelineOf(enrolments: readonly Enrolment[], sessions: readonly TreatmentSession[]): TimelineEntry[] {
  const entries: (TimelineEntry & { tie: string })[] = [
    ...enrolments.map((enrolment) => ({ type: 'enrolment' as const, at: enrolment.referralDate, tie: enrolment.createdAt, enrolment })),
    ...sessions.map((session) => ({ type: 'session' as const, at: session.startsAt, tie: session.createdAt, session })),
  ];
  entries.sort((a, b) => (a.at === b.at ? b.tie.localeCompare(a.tie) : b.at.localeCompare(a.at)));
  return entries.map(({ tie: _tie, ...entry }) => entry as TimelineEntry);
}
