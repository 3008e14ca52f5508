import type { PublishedResult, Timepoint } from '@outcomes/contracts';

export interface ProtocolTimes {
  courseWeeks: number | null;
  expectedSessions: number | null;
  /** Follow-ups, in months after the end. */
  followUpMonths: readonly number[];
}

const FOLLOW_UP: Record<number, Timepoint> = { 3: 'follow-up-3', 6: 'follow-up-6', 9: 'follow-up-9', 12: 'follow-up-12' };
const WEEKS_PER_MONTH = 52 / 12;

/** The treatment's length in months: the course's weeks, else one expected session a week; null when the protocol gives neither. */
export function treatmentMonths(protocol: ProtocolTimes): number | null {
  const weeks = protocol.courseWeeks ?? protocol.expectedSessions;
  return weeks === null ? null : weeks / WEEKS_PER_MONTH;
}

/** The end and each follow-up of a protocol, in months after the end of treatment. */
export function protocolTimepoints(protocol: ProtocolTimes): { timepoint: Timepoint; monthsAfterEnd: number }[] {
  const followUps = protocol.followUpMonths.flatMap((m) => {
    const timepoint = FOLLOW_UP[m];
    return timepoint ? [{ timepoint, monthsAfterEnd: m }] : [];
  });
  return [{ timepoint: 'end', monthsAfterEnd: 0 }, ...followUps];
}

export interface BenchmarkTimepoint {
  timepoint: Timepoint;
  /** The timepoint used, in months after the start as the protocol places it (one decimal); null without a treatment length. */
  monthsFromStart: number | null;
  /** The published time and the timepoint used are the same time. */
  sameTime: boolean;
}

/**
 * The programme's timepoint nearest a published figure's time. A time counted from the start is
 * placed by the protocol's treatment length (MOVE: 12 sessions ≈ 2.8 months; its six-month follow-up
 * at ≈ 8.8 months is nearest the published nine). Without a length, a time from the start is taken
 * as after the end. On a tie the earlier timepoint wins.
 */
export function benchmarkTimepoint(protocol: ProtocolTimes, published: Pick<PublishedResult, 'publishedMonths' | 'publishedFrom'>): BenchmarkTimepoint {
  const length = treatmentMonths(protocol);
  const target = published.publishedFrom === 'end' ? published.publishedMonths : published.publishedMonths - (length ?? 0);
  const candidates = protocolTimepoints(protocol);
  let best = candidates[0] ?? { timepoint: 'end' as Timepoint, monthsAfterEnd: 0 };
  for (const c of candidates) if (Math.abs(c.monthsAfterEnd - target) < Math.abs(best.monthsAfterEnd - target)) best = c;
  const sameTime =
    published.publishedFrom === 'end' ? best.monthsAfterEnd === published.publishedMonths : length !== null && Math.abs(length + best.monthsAfterEnd - published.publishedMonths) < 1e-9;
  return { timepoint: best.timepoint, monthsFromStart: length === null ? null : Math.round((length + best.monthsAfterEnd) * 10) / 10, sameTime };
}
