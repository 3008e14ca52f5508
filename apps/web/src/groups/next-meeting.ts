import { addDays, dayKey, lastSlot, mondayOf, slotInWeek } from './week';

export interface MeetingToLog {
  /** The group's weekly slot after its latest logged meeting (or its latest slot, when none is logged). */
  slot: Date;
  /** Whether that slot has begun, so it can be logged now. */
  due: boolean;
}

/**
 * The next meeting of a standing group not yet logged: the first weekly slot on a day after the
 * latest logged (not cancelled) meeting; with none logged, the latest slot that has begun. A
 * forgotten week is suggested before the later ones; when every slot so far is logged, the next
 * one lies ahead and is not due.
 */
export function nextMeetingToLog(weekday: number, time: string, logged: readonly { startsAt: string; status?: string }[], now: Date = new Date()): MeetingToLog {
  const held = logged.filter((m) => m.status !== 'cancelled').map((m) => new Date(m.startsAt));
  if (held.length === 0) return { slot: lastSlot(weekday, time, now), due: true };
  const latest = held.reduce((a, b) => (b.getTime() > a.getTime() ? b : a));
  let slot = slotInWeek(mondayOf(latest), weekday, time);
  if (dayKey(slot) <= dayKey(latest)) slot = slotInWeek(addDays(mondayOf(latest), 7), weekday, time);
  return { slot, due: slot.getTime() <= now.getTime() };
}
