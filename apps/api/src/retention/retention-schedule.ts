/** A day, in milliseconds. */
export const DAY_MS = 24 * 60 * 60 * 1000;

/** The daily run's Danish time of day (minutes after midnight): 02:30, when no one works in the records. */
const RUN_AT_MINUTES = 2 * 60 + 30;

/** Milliseconds from `now` to the next 02:30 in Denmark (a DST night shifts it by an hour at most). */
export function msUntilNextRun(now: Date): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  ) as Record<string, string>;
  const sinceMidnight = (Number(parts['hour']) * 60 + Number(parts['minute'])) * 60_000 + Number(parts['second']) * 1000 + now.getMilliseconds();
  const wait = (RUN_AT_MINUTES * 60_000 - sinceMidnight + DAY_MS) % DAY_MS;
  return wait === 0 ? DAY_MS : wait;
}
