import { db } from '../../support/http';
import { today as todayInDenmark } from '../../support/dates';

/** The report cells the attacker goes after, named as the attacker's model names them. */
export type CellName = string;

/** The true records behind each cell of one report: the enrolment ids each cell counts. */
export interface TruthOfReport {
  cells: Record<CellName, string[]>;
  /** Per timepoint and ASI domain: how many enrolments have the domain at intake and at the timepoint. */
  changeN: Record<string, number>;
  /** Per timepoint and ASI domain: each such enrolment's change (timepoint minus intake). */
  changes: Record<string, { id: string; difference: number }[]>;
  /** Staff minutes of individual sessions (attended or missed) per enrolment; this suite makes no group meetings. */
  minutes: Record<string, number>;
}

interface Row {
  id: string;
  state: string;
  start_date: string | null;
  end_date: string | null;
  assessments: { timepoint: string; drug_free: boolean | null; composites: Record<string, number | null> }[] | null;
  minutes: number;
}

const DOMAINS = ['medical', 'employment', 'alcohol', 'drug', 'legal', 'family', 'psychiatric'];

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Calendar months later, the 31st clamped to the month's last day (docs/domain.md's follow-up rule). */
function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, last))).toISOString().slice(0, 10);
}

const FOLLOW_UP_MONTHS: Record<string, number> = { 'follow-up-3': 3, 'follow-up-6': 6, 'follow-up-9': 9, 'follow-up-12': 12 };

/**
 * The truth, read straight from the tables as their owner and counted here by the protocol's rules
 * (docs/domain.md), not by the API's code: an assessment is owed once the enrolment ended (completed or
 * dropped out) and today has reached the timepoint's window, or once it was taken.
 */
export async function truthOf(
  programmeId: string, municipalityId: string, from: string, to: string, timepoints: string[], benchmarks: { timepoint: string; population: string }[] = [],
): Promise<TruthOfReport> {
  const programme = (await db().query<{ follow_up_window_days: number }>('SELECT follow_up_window_days FROM programme WHERE id = $1', [programmeId])).rows[0];
  const windowDays = programme?.follow_up_window_days ?? 0;
  const { rows } = await db().query<Row>(
    `SELECT e.id, e.state, e.start_date::text, e.end_date::text,
       (SELECT json_agg(json_build_object('timepoint', a.timepoint, 'drug_free', a.drug_free,
          'composites', json_build_object(${DOMAINS.map((d) => `'${d}', a.${d}`).join(', ')})))
        FROM assessment a WHERE a.enrolment_id = e.id AND a.timepoint <> 'ad-hoc') AS assessments,
       (SELECT coalesce(sum(s.duration_minutes), 0)::int FROM treatment_session s WHERE s.enrolment_id = e.id AND s.attendance <> 'cancelled') AS minutes
     FROM enrolment e
     WHERE e.programme_id = $1 AND e.municipality_id = $2 AND e.referral_date BETWEEN $3 AND $4`,
    [programmeId, municipalityId, from, to],
  );
  const today = todayInDenmark();
  const ids = (pred: (r: Row) => boolean): string[] => rows.filter(pred).map((r) => r.id).sort();
  const ended = (r: Row): boolean => r.state === 'completed' || r.state === 'dropped_out';
  const at = (r: Row, tp: string) => r.assessments?.find((a) => a.timepoint === tp);
  const cells: Record<CellName, string[]> = {
    R: ids(() => true),
    S: ids((r) => r.start_date !== null),
    C: ids((r) => r.state === 'completed'),
    Dr: ids((r) => r.state === 'dropped_out'),
    T: ids((r) => r.state === 'transferred'),
    Ca: ids((r) => r.state === 'cancelled'),
    O: ids((r) => r.state === 'referred' || r.state === 'active'),
    E: ids(ended),
  };
  const owes = (tp: string) => (r: Row): boolean => {
    if (!ended(r) || r.end_date === null) return false;
    if (at(r, tp)) return true;
    const dueDate = tp === 'end' ? r.end_date : addMonths(r.end_date, FOLLOW_UP_MONTHS[tp] ?? Number.NaN);
    return today >= addDays(dueDate, -windowDays);
  };
  benchmarks.forEach((b, j) => {
    // The published population's base: the completers, or all who started.
    const inBase = (r: Row): boolean => (b.population === 'completers' ? r.state === 'completed' : r.start_date !== null) && owes(b.timepoint)(r);
    cells[`bdue${j}`] = ids(inBase);
    cells[`bas${j}`] = ids((r) => inBase(r) && typeof at(r, b.timepoint)?.drug_free === 'boolean');
    cells[`bfr${j}`] = ids((r) => inBase(r) && at(r, b.timepoint)?.drug_free === true);
  });
  timepoints.forEach((tp, i) => {
    const due = owes(tp);
    cells[`due${i}`] = ids(due);
    cells[`as${i}`] = ids((r) => due(r) && typeof at(r, tp)?.drug_free === 'boolean');
    cells[`fr${i}`] = ids((r) => due(r) && at(r, tp)?.drug_free === true);
  });
  const changes: Record<string, { id: string; difference: number }[]> = {};
  for (const tp of timepoints)
    for (const d of DOMAINS)
      changes[`${tp}/${d}`] = rows.flatMap((r) => {
        const before = at(r, 'intake')?.composites[d];
        const after = at(r, tp)?.composites[d];
        return typeof before === 'number' && typeof after === 'number' ? [{ id: r.id, difference: after - before }] : [];
      });
  const changeN = Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v.length]));
  return { cells, changeN, changes, minutes: Object.fromEntries(rows.map((r) => [r.id, r.minutes])) };
}

export const counts = (t: TruthOfReport): Record<CellName, number> => Object.fromEntries(Object.entries(t.cells).map(([k, v]) => [k, v.length]));
