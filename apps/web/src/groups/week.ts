import { intlLocale } from '../common/dates';

/** Calendar arithmetic in the browser's time zone (the users' Danish local time). */

const pad = (n: number): string => String(n).padStart(2, '0');

/** YYYY-MM-DD of a local day. */
export const dayKey = (day: Date): string => `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;

/** A local day from YYYY-MM-DD, at midnight. */
export function parseDay(key: string): Date {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
}

export const addDays = (day: Date, days: number): Date => new Date(day.getFullYear(), day.getMonth(), day.getDate() + days);

/** 0 = Monday ... 6 = Sunday. */
export const weekdayIndex = (moment: Date): number => (moment.getDay() + 6) % 7;

/** The Monday (local midnight) of the week a moment falls in. */
export const mondayOf = (moment: Date): Date => addDays(new Date(moment.getFullYear(), moment.getMonth(), moment.getDate()), -weekdayIndex(moment));

/** The list filter of a week: from Monday 00:00 to just before the next Monday, local time. */
export function weekFilter(monday: Date): { startsAt_gte: string; startsAt_lte: string } {
  return { startsAt_gte: monday.toISOString(), startsAt_lte: new Date(addDays(monday, 7).getTime() - 1).toISOString() };
}

/** The ISO 8601 week number (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(day: Date): number {
  const thursday = addDays(mondayOf(day), 3);
  const firstThursday = addDays(mondayOf(new Date(thursday.getFullYear(), 0, 4)), 3);
  return 1 + Math.round((thursday.getTime() - firstThursday.getTime()) / (7 * 86_400_000));
}

export const minutesOfDay = (moment: Date): number => moment.getHours() * 60 + moment.getMinutes();

/** A standing group's weekly slot in a week: its weekday (1 = Monday) at its time of day. */
export function slotInWeek(monday: Date, weekday: number, time: string): Date {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const day = addDays(monday, weekday - 1);
  return new Date(day.getFullYear(), day.getMonth(), day.getDate(), h, m);
}

/** The latest weekly slot that has begun by `now`: the meeting a coordinator most likely logs. */
export function lastSlot(weekday: number, time: string, now: Date = new Date()): Date {
  const thisWeek = slotInWeek(mondayOf(now), weekday, time);
  return thisWeek.getTime() <= now.getTime() ? thisWeek : slotInWeek(addDays(mondayOf(now), -7), weekday, time);
}

/** The weekday's name in the language (1 = Monday ... 7 = Sunday). */
export function weekdayName(weekday: number, locale: string, width: 'long' | 'short' = 'long'): string {
  // 2024-01-01 was a Monday.
  return new Intl.DateTimeFormat(intlLocale(locale), { weekday: width, timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, weekday)));
}

export interface Timed {
  start: number;
  end: number;
}

/**
 * Side-by-side lanes for a day's overlapping meetings: each gets the first lane free at its start, and
 * every meeting of an overlapping cluster is drawn as wide as that cluster's number of lanes allows.
 */
export function placeInLanes<T extends Timed>(items: readonly T[]): { item: T; lane: number; lanes: number }[] {
  const sorted = [...items].sort((a, b) => a.start - b.start || a.end - b.end);
  const placed: { item: T; lane: number; lanes: number }[] = [];
  let cluster: { item: T; lane: number; lanes: number }[] = [];
  let laneEnds: number[] = [];
  let clusterEnd = -Infinity;
  const closeCluster = () => {
    for (const p of cluster) p.lanes = laneEnds.length;
    cluster = [];
    laneEnds = [];
  };
  for (const item of sorted) {
    if (item.start >= clusterEnd) closeCluster();
    let lane = laneEnds.findIndex((end) => end <= item.start);
    if (lane === -1) lane = laneEnds.push(item.end) - 1;
    else laneEnds[lane] = item.end;
    const entry = { item, lane, lanes: 1 };
    cluster.push(entry);
    placed.push(entry);
    clusterEnd = Math.max(clusterEnd, item.end);
  }
  closeCluster();
  return placed;
}
