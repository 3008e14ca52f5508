import type { CoordinatorDashboard } from '@outcomes/contracts';

export interface HoursTable {
  /** YYYY-MM, oldest first. */
  months: string[];
  rows: { organisationId: string; hours: (number | null)[]; total: number }[];
}

const hours = (minutes: number): number => Math.round((minutes / 60) * 10) / 10;

/** Volunteer minutes per organisation and month as hours, organisations by rows and the latest months by columns. */
export function hoursTable(minutes: CoordinatorDashboard['minutesByOrganisationMonth'], lastMonths = 6): HoursTable {
  const months = [...new Set(minutes.map((m) => m.month))].sort().slice(-lastMonths);
  const organisations = [...new Set(minutes.map((m) => m.organisationId))];
  const rows = organisations.map((organisationId) => {
    const cells = months.map((month) => {
      const found = minutes.filter((m) => m.organisationId === organisationId && m.month === month).reduce((sum, m) => sum + m.minutes, 0);
      return found > 0 ? hours(found) : null;
    });
    return { organisationId, hours: cells, total: hours(minutes.filter((m) => m.organisationId === organisationId && months.includes(m.month)).reduce((sum, m) => sum + m.minutes, 0)) };
  });
  return { months, rows: rows.sort((a, b) => b.total - a.total) };
}
