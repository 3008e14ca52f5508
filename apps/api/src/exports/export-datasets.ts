import { COMPOSITE_DOMAINS } from '@outcomes/contracts';
import type { ExportDataset } from '@outcomes/contracts';
import { ASI_ITEMS, DISCLOSURE_THRESHOLD } from '@outcomes/domain';
import { CODEBOOK, CODEBOOK_VARIABLES, codebookRows, WIDE_TIMEPOINTS } from './codebook';
import type { Variable } from './codebook';
import { withLiterals } from '../common/sql-literals';

/** What a dataset query needs to know of its project. */
export interface ExportScope {
  programmeIds: string[];
  periodFrom: string;
  periodTo: string;
}

export type Row = Record<string, unknown>;
/** Pseudonym of an internal id under the project's key; `kind` keeps people and enrolments apart. */
export type Pseudonymise = (kind: 'person' | 'enrolment', id: string) => string;

export interface DatasetQuery {
  sql: string;
  params: unknown[];
  /** The number of rows `sql` gives, cheaper than counting it (for the progress bar). */
  countSql: string;
}

/** A dataset read from the database. */
export interface QueriedDataset {
  variables: Variable[];
  /** The rows of the municipality currently set in the transaction (row-level security narrows every table to it). */
  query(scope: ExportScope): DatasetQuery;
  toValues(row: Row, pseudonymise: Pseudonymise): unknown[];
}

/** A dataset that reads nothing (the codebook): its rows as they are. */
export interface FixedDataset {
  variables: Variable[];
  rows(): unknown[][];
}

export type DatasetSpec = QueriedDataset | FixedDataset;

// Citizens who said no to evaluation are left out of everything; no answer is not a no.
const CONSENTING = 'c.evaluation_consent IS DISTINCT FROM false';
const IN_SCOPE = `e.programme_id = ANY($1) AND e.referral_date BETWEEN $2 AND $3 AND ${CONSENTING}`;
const scopeParams = (s: ExportScope): unknown[] => [s.programmeIds, s.periodFrom, s.periodTo];
const ENROLMENT_JOIN = `FROM enrolment e JOIN citizen c ON c.id = e.citizen_id JOIN programme p ON p.id = e.programme_id JOIN municipality m ON m.id = e.municipality_id`;
const ENROLMENT_KEYS = `e.id AS enrolment_id, c.id AS citizen_id, c.birth_year, c.sex, m.code AS municipality_code, p.code AS programme_code`;
const keyValues = (r: Row, p: Pseudonymise): unknown[] => [p('enrolment', r['enrolment_id'] as string), p('person', r['citizen_id'] as string), r['birth_year'], r['sex'], r['municipality_code'], r['programme_code']];
const COUNT_ENROLMENTS = `SELECT count(*)::int AS n ${ENROLMENT_JOIN} WHERE ${IN_SCOPE}`;
const month = (column: string, alias: string): string => `to_char(${column}, 'YYYY-MM') AS ${alias}`;

/** The latest assessment of an enrolment at one timepoint, as columns prefixed for the wide file. */
const timepointJoin = (timepoint: string, prefix: string): string => `
  LEFT JOIN LATERAL (
    SELECT ${month('a.assessed_on', `${prefix}_month`)}, ${COMPOSITE_DOMAINS.map((d) => `a.${d} AS ${prefix}_${d}`).join(', ')}, a.drug_free AS ${prefix}_drug_free
    FROM assessment a WHERE a.enrolment_id = e.id AND a.timepoint = '${timepoint}'
    ORDER BY a.assessed_on DESC, a.created_at DESC LIMIT 1
  ) tp_${prefix} ON true`;

const byName = (variables: Variable[], from: number) => (r: Row): unknown[] => variables.slice(from).map((x) => r[x.name]);

const enrolments: QueriedDataset = {
  variables: CODEBOOK.enrolments,
  query: (scope) => ({
    sql: `SELECT ${ENROLMENT_KEYS}, ${month('e.referral_date', 'referral_month')}, ${month('e.start_date', 'start_month')}, ${month('e.end_date', 'end_month')}, e.state,
            (SELECT count(*)::int FROM treatment_session s WHERE s.enrolment_id = e.id AND s.attendance = 'attended') AS sessions_attended,
            (SELECT count(*)::int FROM group_attendance g WHERE g.enrolment_id = e.id AND g.status = 'present') AS group_meetings_present,
            ${WIDE_TIMEPOINTS.map((t) => `tp_${t.prefix}.*`).join(', ')}
          ${ENROLMENT_JOIN}
          ${WIDE_TIMEPOINTS.map((t) => timepointJoin(t.timepoint, t.prefix)).join('\n')}
          WHERE ${IN_SCOPE} ORDER BY e.id`,
    params: scopeParams(scope),
    countSql: COUNT_ENROLMENTS,
  }),
  toValues: (r, p) => [...keyValues(r, p), ...byName(CODEBOOK.enrolments, 6)(r)],
};

const assessments: QueriedDataset = {
  variables: CODEBOOK.assessments,
  query: (scope) => ({
    sql: `SELECT ${ENROLMENT_KEYS}, a.timepoint, ${month('a.assessed_on', 'assessment_month')}, a.instrument, a.instrument_version, a.items,
            ${COMPOSITE_DOMAINS.map((d) => `a.${d}`).join(', ')}, a.drug_free
          ${ENROLMENT_JOIN} JOIN assessment a ON a.enrolment_id = e.id
          WHERE ${IN_SCOPE} ORDER BY e.id, a.assessed_on, a.id`,
    params: scopeParams(scope),
    countSql: `SELECT count(*)::int AS n ${ENROLMENT_JOIN} JOIN assessment a ON a.enrolment_id = e.id WHERE ${IN_SCOPE}`,
  }),
  toValues: (r, p) => {
    const items = (r['items'] ?? {}) as Row;
    return [
      ...keyValues(r, p),
      r['timepoint'], r['assessment_month'], r['instrument'], r['instrument_version'],
      ...ASI_ITEMS.map((i) => items[i.code] ?? null),
      ...COMPOSITE_DOMAINS.map((d) => r[d]),
      r['drug_free'],
    ];
  },
};

const count = (table: string, column: string, value: string, alias: string): string =>
  `(SELECT count(*)::int FROM ${table} x WHERE x.enrolment_id = e.id AND x.${column} = '${value}') AS ${alias}`;

const sessions: QueriedDataset = {
  variables: CODEBOOK.sessions,
  query: (scope) => ({
    sql: `SELECT ${ENROLMENT_KEYS},
            ${count('treatment_session', 'attendance', 'attended', 'sessions_attended')},
            ${count('treatment_session', 'attendance', 'no-show', 'sessions_no_show')},
            ${count('treatment_session', 'attendance', 'cancelled', 'sessions_cancelled')},
            (SELECT coalesce(sum(s.duration_minutes), 0)::int FROM treatment_session s WHERE s.enrolment_id = e.id AND s.attendance <> 'cancelled') AS session_minutes,
            ${count('group_attendance', 'status', 'present', 'group_present')},
            ${count('group_attendance', 'status', 'absent', 'group_absent')},
            ${count('group_attendance', 'status', 'excused', 'group_excused')}
          ${ENROLMENT_JOIN} WHERE ${IN_SCOPE} ORDER BY e.id`,
    params: scopeParams(scope),
    countSql: COUNT_ENROLMENTS,
  }),
  toValues: (r, p) => [...keyValues(r, p), ...byName(CODEBOOK.sessions, 6)(r)],
};

/** Aggregated, so disclosure control applies: a cell of fewer than 5 persons is left empty. */
const OUTREACH_CELLS = `SELECT m.code AS municipality_code, ${month(`(o.contact_at AT TIME ZONE 'Europe/Copenhagen')`, 'month')}, o.place_type, o.contact_type,
            count(DISTINCT coalesce(o.citizen_id::text, o.alias_hash))::int AS persons, count(*)::int AS contacts, sum(o.duration_minutes)::int AS minutes
          FROM outreach_contact o JOIN municipality m ON m.id = o.municipality_id LEFT JOIN citizen c ON c.id = o.citizen_id
          WHERE o.contact_at >= $1::date AND o.contact_at < $2::date + 1 AND (o.citizen_id IS NULL OR ${CONSENTING})
          GROUP BY 1, 2, 3, 4`;
const outreach: QueriedDataset = {
  variables: CODEBOOK.outreach,
  query: (scope) => ({
    sql: `${OUTREACH_CELLS} ORDER BY 1, 2, 3, 4`,
    params: [scope.periodFrom, scope.periodTo],
    countSql: `SELECT count(*)::int AS n FROM (${OUTREACH_CELLS}) cells`,
  }),
  toValues: (r) => {
    const shown = (r['persons'] as number) >= DISCLOSURE_THRESHOLD;
    return [r['municipality_code'], r['month'], r['place_type'], r['contact_type'], shown ? r['persons'] : null, shown ? r['contacts'] : null, shown ? r['minutes'] : null];
  },
};

const codebook: FixedDataset = { variables: CODEBOOK_VARIABLES, rows: codebookRows };

export const DATASETS: Record<ExportDataset, DatasetSpec> = { enrolments, assessments, sessions, outreach, codebook };

/**
 * A dataset's query with its parameters written in, for `cli.js export-sql`: what the benchmark runs
 * through `psql \copy` beside the API's export (the same rows, before pseudonymisation).
 */
export function datasetSql(dataset: ExportDataset, scope: ExportScope): string {
  const spec = DATASETS[dataset];
  if (!('query' in spec)) throw new Error(`${dataset} reads nothing from the database`);
  const { sql, params } = spec.query(scope);
  return withLiterals(sql, params);
}

