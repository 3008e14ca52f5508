import { COMPOSITE_DOMAINS } from '@outcomes/contracts';
import type { ExportDataset } from '@outcomes/contracts';
import { ASI_ITEMS, DISCLOSURE_THRESHOLD } from '@outcomes/domain';
import type { QuasiIdentifiers, RawQuasiIdentifiers } from '@outcomes/domain';
import { CODEBOOK, CODEBOOK_VARIABLES, codebookRows, COMPOSITE_DECIMALS, WIDE_TIMEPOINTS } from './codebook';
import type { CodebookProject, Variable } from './codebook';
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
  /**
   * The number of rows `sql` gives, cheaper than counting it (the progress bar's whole), for an
   * aggregate dataset; a person dataset's progress is counted in enrolments, which its release counts.
   */
  countSql?: string;
}

interface QueriedBase {
  variables: Variable[];
  /** The rows of the municipality currently set in the transaction (row-level security narrows every table to it). */
  query(scope: ExportScope): DatasetQuery;
}

/**
 * Rows about people, one or more per enrolment (its `enrolment_id`): written with the run's
 * released quasi-identifiers in place of the raw ones, and left out where the enrolment is withheld.
 */
export interface PersonDataset extends QueriedBase {
  kind: 'person';
  toValues(row: Row, pseudonymise: Pseudonymise, released: QuasiIdentifiers): unknown[];
}

/** Counts over people, with small cells suppressed (outreach). */
export interface AggregateDataset extends QueriedBase {
  kind: 'aggregate';
  toValues(row: Row): unknown[];
}

export type QueriedDataset = PersonDataset | AggregateDataset;

/** A dataset that reads nothing (the codebook): its rows as they are. */
export interface FixedDataset {
  variables: Variable[];
  rows(project: CodebookProject): unknown[][];
}

export type DatasetSpec = QueriedDataset | FixedDataset;

/**
 * Whether a citizen is in the exports (decision 90; `inExports` in libs/domain is the rule in words):
 * the latest entry of their evaluation consent decides, as it is in the run's snapshot, so a consent
 * refused or withdrawn before a run leaves the citizen out of every file of it, even the aggregated
 * outreach counts; never asked counts as the data-owning municipality's `consent_not_asked` says
 * ('included', the opt-out behaviour before consent by purpose, or 'excluded'). `m` is that
 * municipality (the enrolment's or the contact's, always the citizen's own).
 */
const EVALUATION_STATE = `(SELECT cc.event FROM citizen_consent cc WHERE cc.citizen_id = c.id AND cc.purpose = 'evaluation' ORDER BY cc.entry DESC LIMIT 1)`;
const CONSENTING = `coalesce(${EVALUATION_STATE} = 'given', m.consent_not_asked = 'included')`;
const IN_SCOPE = `e.programme_id = ANY($1) AND e.referral_date BETWEEN $2 AND $3 AND ${CONSENTING}`;
const scopeParams = (s: ExportScope): unknown[] => [s.programmeIds, s.periodFrom, s.periodTo];
const ENROLMENT_JOIN = `FROM enrolment e JOIN citizen c ON c.id = e.citizen_id JOIN programme p ON p.id = e.programme_id JOIN municipality m ON m.id = e.municipality_id`;

/** An empty released value (missing or suppressed) is an empty cell in every format. */
const cell = (value: string): string | null => (value === '' ? null : value);
// The quasi-identifiers come from the run's release, never from the row: every file of a run shows the same.
const keyValues = (r: Row, p: Pseudonymise, qi: QuasiIdentifiers): unknown[] => [
  p('enrolment', r['enrolment_id'] as string), p('person', r['citizen_id'] as string), cell(qi.birthBand), cell(qi.sex), cell(qi.municipality), cell(qi.programme),
];
const KEY_COLUMNS = 6;
const month = (column: string, alias: string): string => `to_char(${column}, 'YYYY-MM') AS ${alias}`;
/** No file reveals a month: dates that are not quasi-identifiers are reduced to their quarter in SQL ("2025-Q3"). */
const quarter = (column: string, alias: string): string => `to_char(${column}, 'YYYY-"Q"Q') AS ${alias}`;

/**
 * An enrolment's quasi-identifiers (docs/disclosure-exports.md) as representatives of their
 * generalisation (the first year of the birth year's 5-year band, the first month of each date's
 * quarter), so that grouping by them in SQL groups by the generalised values; `generalise` in
 * libs/domain then gives each the same released form whether it came from a group or a row.
 */
const QI_COLUMNS = [
  `(c.birth_year / 5) * 5 AS qi_birth_year`, `c.sex AS qi_sex`, `m.code AS qi_municipality`, `p.code AS qi_programme`,
  ...(['referral', 'start', 'end'] as const).map((d) => `to_char(date_trunc('quarter', e.${d}_date::timestamp), 'YYYY-MM') AS qi_${d}_month`),
  `e.state AS qi_state`,
].join(', ');

/**
 * How many enrolments in scope share each combination of generalised quasi-identifiers: what the
 * run's release is decided on, counted in PostgreSQL, so that the worker holds one entry per
 * combination rather than one per enrolment.
 */
export function quasiIdentifierGroupsQuery(scope: ExportScope): { sql: string; params: unknown[] } {
  return {
    sql: `SELECT ${QI_COLUMNS}, count(*)::int AS n ${ENROLMENT_JOIN} WHERE ${IN_SCOPE} GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`,
    params: scopeParams(scope),
  };
}

/** Every person row's keys, and its quasi-identifiers for the release: carried on the row, so no map of enrolment ids is held (the writer looks them up once per enrolment, as its rows come together). */
const ENROLMENT_KEYS = `e.id AS enrolment_id, c.id AS citizen_id, ${QI_COLUMNS}`;

/** The raw quasi-identifiers of a group or a person row (both carry QI_COLUMNS). */
export const rawQuasiIdentifiers = (r: Row): RawQuasiIdentifiers => ({
  birthYear: r['qi_birth_year'] as number | null,
  sex: r['qi_sex'] as string | null,
  municipality: r['qi_municipality'] as string,
  programme: r['qi_programme'] as string,
  referralMonth: r['qi_referral_month'] as string | null,
  startMonth: r['qi_start_month'] as string | null,
  endMonth: r['qi_end_month'] as string | null,
  state: r['qi_state'] as string,
});

/** An ASI composite as every file carries it: rounded as the codebook says, still a number (XLSX keeps it one). */
const composite = (column: string, alias: string): string => `round(${column}::numeric, ${COMPOSITE_DECIMALS})::double precision AS ${alias}`;

/** The latest assessment of an enrolment at one timepoint, as columns prefixed for the wide file. */
const timepointJoin = (timepoint: string, prefix: string): string => `
  LEFT JOIN LATERAL (
    SELECT ${quarter('a.assessed_on', `${prefix}_assessment_quarter`)}, ${COMPOSITE_DOMAINS.map((d) => composite(`a.${d}`, `${prefix}_${d}`)).join(', ')}, a.drug_free AS ${prefix}_drug_free
    FROM assessment a WHERE a.enrolment_id = e.id AND a.timepoint = '${timepoint}'
    ORDER BY a.assessed_on DESC, a.created_at DESC LIMIT 1
  ) tp_${prefix} ON true`;

const byName = (variables: Variable[], from: number) => (r: Row): unknown[] => variables.slice(from).map((x) => r[x.name]);

const enrolments: PersonDataset = {
  kind: 'person',
  variables: CODEBOOK.enrolments,
  query: (scope) => ({
    sql: `SELECT ${ENROLMENT_KEYS},
            (SELECT count(*)::int FROM treatment_session s WHERE s.enrolment_id = e.id AND s.attendance = 'attended' AND s.entered_in_error_at IS NULL) AS sessions_attended,
            (SELECT count(*)::int FROM group_attendance g WHERE g.enrolment_id = e.id AND g.status = 'present') AS group_meetings_present,
            ${WIDE_TIMEPOINTS.map((t) => `tp_${t.prefix}.*`).join(', ')}
          ${ENROLMENT_JOIN}
          ${WIDE_TIMEPOINTS.map((t) => timepointJoin(t.timepoint, t.prefix)).join('\n')}
          WHERE ${IN_SCOPE} ORDER BY e.id`,
    params: scopeParams(scope),
  }),
  toValues: (r, p, qi) => [
    ...keyValues(r, p, qi), cell(qi.referralQuarter), cell(qi.startQuarter), cell(qi.endQuarter), qi.state,
    ...byName(CODEBOOK.enrolments, KEY_COLUMNS + 4)(r),
  ],
};

const ASI_ITEM_CODES = ASI_ITEMS.map((i) => i.code);
/** Each ASI item's place among the file's item columns. */
const ASI_ITEM_PLACE = new Map(ASI_ITEM_CODES.map((code, place) => [code, place]));

const assessments: PersonDataset = {
  kind: 'person',
  variables: CODEBOOK.assessments,
  // The enrolments in scope are found and sorted first, narrow (their keys and quasi-identifiers),
  // then each one's few assessments are fetched along assessment_enrolment and sorted by themselves,
  // in memory: the rows come out in order as they are read, and the wide columns (every ASI item) are
  // never sorted as a whole. One sort of the whole join instead spilled 100 MB to disk at 70,000 rows
  // before the first row came (decision 189). The outer ORDER BY is what guarantees the order; the
  // LATERAL subquery's own ORDER BY keeps PostgreSQL from flattening it into one join (and sorting that).
  query: (scope) => ({
    sql: `SELECT s.*, a.timepoint, ${quarter('a.assessed_on', 'assessment_quarter')}, a.instrument, a.instrument_version, a.items,
            ${COMPOSITE_DOMAINS.map((d) => composite(`a.${d}`, d)).join(', ')}, a.drug_free
          FROM (SELECT ${ENROLMENT_KEYS} ${ENROLMENT_JOIN} WHERE ${IN_SCOPE} ORDER BY e.id) s
          CROSS JOIN LATERAL (
            SELECT a.id, a.timepoint, a.assessed_on, a.instrument, a.instrument_version, a.items, ${COMPOSITE_DOMAINS.map((d) => `a.${d}`).join(', ')}, a.drug_free
            FROM assessment a WHERE a.enrolment_id = s.enrolment_id ORDER BY a.assessed_on, a.id
          ) a
          ORDER BY s.enrolment_id, a.assessed_on, a.id`,
    params: scopeParams(scope),
  }),
  // Pushed into one array rather than spread from several: this runs once per row, some 190 values each.
  // The items are placed by walking the row's own items (some 65) rather than asking the object for
  // every code of the codebook, most of them absent: at 70,000 rows 0.06 s instead of 0.24 s.
  toValues: (r, p, qi) => {
    const items = (r['items'] ?? {}) as Row;
    const values = keyValues(r, p, qi);
    values.push(r['timepoint'], r['assessment_quarter'], r['instrument'], r['instrument_version']);
    const first = values.length;
    for (let i = 0; i < ASI_ITEM_CODES.length; i++) values.push(null);
    for (const code in items) {
      const place = ASI_ITEM_PLACE.get(code);
      if (place !== undefined) values[first + place] = items[code] ?? null;
    }
    for (const domain of COMPOSITE_DOMAINS) values.push(r[domain]);
    values.push(r['drug_free']);
    return values;
  },
};

/** Sessions entered in error are in no export: they leave every figure (docs/domain.md). */
const COUNTED: Record<string, string> = { treatment_session: ' AND x.entered_in_error_at IS NULL' };
const count = (table: string, column: string, value: string, alias: string): string =>
  `(SELECT count(*)::int FROM ${table} x WHERE x.enrolment_id = e.id AND x.${column} = '${value}'${COUNTED[table] ?? ''}) AS ${alias}`;

const sessions: PersonDataset = {
  kind: 'person',
  variables: CODEBOOK.sessions,
  query: (scope) => ({
    sql: `SELECT ${ENROLMENT_KEYS},
            ${count('treatment_session', 'attendance', 'attended', 'sessions_attended')},
            ${count('treatment_session', 'attendance', 'no-show', 'sessions_no_show')},
            ${count('treatment_session', 'attendance', 'cancelled', 'sessions_cancelled')},
            (SELECT coalesce(sum(s.duration_minutes), 0)::int FROM treatment_session s WHERE s.enrolment_id = e.id AND s.attendance <> 'cancelled' AND s.entered_in_error_at IS NULL) AS session_minutes,
            ${count('group_attendance', 'status', 'present', 'group_present')},
            ${count('group_attendance', 'status', 'absent', 'group_absent')},
            ${count('group_attendance', 'status', 'excused', 'group_excused')}
          ${ENROLMENT_JOIN} WHERE ${IN_SCOPE} ORDER BY e.id`,
    params: scopeParams(scope),
  }),
  toValues: (r, p, qi) => [...keyValues(r, p, qi), ...byName(CODEBOOK.sessions, KEY_COLUMNS)(r)],
};

/**
 * Aggregated, so disclosure control applies: a cell of fewer than 5 persons is left empty. Its
 * period is whole months (those of the project's bounds), like its cells.
 */
const OUTREACH_CELLS = `SELECT m.code AS municipality_code, ${month(`(o.contact_at AT TIME ZONE 'Europe/Copenhagen')`, 'month')}, o.place_type, o.contact_type,
            count(DISTINCT coalesce(o.citizen_id::text, o.alias_hash))::int AS persons, count(*)::int AS contacts, sum(o.duration_minutes)::int AS minutes
          FROM outreach_contact o JOIN municipality m ON m.id = o.municipality_id LEFT JOIN citizen c ON c.id = o.citizen_id
          WHERE (o.contact_at AT TIME ZONE 'Europe/Copenhagen') >= date_trunc('month', $1::date::timestamp)
            AND (o.contact_at AT TIME ZONE 'Europe/Copenhagen') < date_trunc('month', $2::date::timestamp) + interval '1 month' AND (o.citizen_id IS NULL OR ${CONSENTING})
          GROUP BY 1, 2, 3, 4`;
const outreach: AggregateDataset = {
  kind: 'aggregate',
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

