/**
 * A Danish wall-clock time ('YYYY-MM-DD HH:MM', as the generator writes them) as the instant it
 * names, in milliseconds since 1970 UTC. The binary COPY carries instants, so the loader must do
 * what PostgreSQL did with the text under `SET timezone = 'Europe/Copenhagen'`.
 *
 * Denmark has kept the EU's summer time since 1996: UTC+2 from 01:00 UTC on the last Sunday of March
 * to 01:00 UTC on the last Sunday of October, UTC+1 otherwise. Earlier years had other rules, so they
 * are refused, as are the hour that does not exist in spring and the hour that happens twice in
 * autumn (the generator makes neither: its times are between 08:00 and 22:59).
 */
export function copenhagenWallTimeToUtcMs(wallTime: string): number {
  const match = WALL_TIME.exec(wallTime);
  if (!match) throw new Error(`not a wall-clock time YYYY-MM-DD HH:MM[:SS]: ${JSON.stringify(wallTime)}`);
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  if (year < 1996) throw new Error(`Danish summer time before 1996 followed other rules: ${wallTime}`);
  const asIfUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const date = new Date(asIfUtc);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) throw new Error(`no such time: ${wallTime}`);
  const summerStarts = Date.UTC(year, 2, lastSunday(year, 2), 1);
  const summerEnds = Date.UTC(year, 9, lastSunday(year, 9), 1);
  const isSummer = (instant: number): boolean => instant >= summerStarts && instant < summerEnds;
  const asSummer = asIfUtc - 2 * HOUR;
  const asWinter = asIfUtc - HOUR;
  if (isSummer(asSummer) && !isSummer(asWinter)) throw new Error(`this Danish time happens twice (summer time ends): ${wallTime}`);
  if (isSummer(asSummer)) return asSummer;
  if (isSummer(asWinter)) throw new Error(`this Danish time does not exist (summer time begins): ${wallTime}`);
  return asWinter;
}

const HOUR = 3_600_000;
const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})(?::(\d{2}))?$/;

/** The day of the month of the last Sunday of a month (0-based month). */
function lastSunday(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0));
  return last.getUTCDate() - last.getUTCDay();
}
