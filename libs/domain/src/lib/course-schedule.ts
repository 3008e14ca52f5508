/**
 * The meetings of a closed course, from its programme's protocol: one a week for `weeks` weeks,
 * from the start date, at the given local time. Dates are computed on the calendar (no time zone
 * arithmetic), so a course keeps its weekday and hour across daylight-saving changes.
 */
export interface PlannedMeeting {
  number: number;
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM, local time */
  time: string;
}

export function courseMeetings(startDate: string, time: string, weeks: number): PlannedMeeting[] {
  const [y, m, d] = startDate.split('-').map(Number) as [number, number, number];
  return Array.from({ length: weeks }, (_, i) => {
    const date = new Date(Date.UTC(y, m - 1, d + 7 * i));
    return { number: i + 1, date: date.toISOString().slice(0, 10), time };
  });
}
