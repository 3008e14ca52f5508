import { createHmac } from 'node:crypto';
import type { Writable } from 'node:stream';
import type { ExportDataset, ExportDisclosure, ExportFormat } from '@outcomes/contracts';
import { generalise, GENERALISATION_SCHEME, localSuppressionOfGroups } from '@outcomes/domain';
import type { GroupRelease, QuasiIdentifierGroup, QuasiIdentifiers } from '@outcomes/domain';
import type { AuthUser } from '../auth/auth-user';
import { withMunicipality } from '../tenancy/tenant-session';
import type { SqlRunner } from '../tenancy/tenant-session';
import { CODEBOOK } from './codebook';
import type { CodebookProject } from './codebook';
import { DATASETS, quasiIdentifierGroupsQuery, rawQuasiIdentifiers } from './export-datasets';
import type { ExportScope, Pseudonymise, Row } from './export-datasets';
import { tableWriter } from './export-writers';

// What an export worker does inside its read transaction (export-worker.ts opens it): the release,
// then the rows, BATCH at a time, into the file's writer. Plain code over a SqlRunner, so that the
// worker process loads neither Nest nor TypeORM (each would add ~25 MiB to its resident size).

/** Rows per FETCH: two batches are in memory at once (one written, the next arriving). */
const BATCH = 500;

/** What the job's transaction on the main thread read and decided, handed to the worker. */
export interface ExportOrder {
  dataset: ExportDataset;
  format: ExportFormat;
  /** The requester, as the job's transaction loaded them: the same row-level security applies in the worker. */
  user: AuthUser;
  municipalityIds: string[];
  scope: ExportScope;
  k: number;
  consentNotAsked: CodebookProject['consentNotAsked'];
}

export interface ExportOutcome {
  rows: number;
  disclosure: ExportDisclosure | null;
}

/**
 * Rows of a query through a server-side cursor, BATCH at a time: memory stays flat whatever the
 * size. The next batch is asked for before this one is written, so PostgreSQL and the writer work
 * at the same time (a CPU profile showed the worker idle 40 % of an export, waiting for each FETCH).
 */
async function* cursorRows(db: SqlRunner, sql: string, params: unknown[]): AsyncGenerator<Row[]> {
  // Every row will be read: plan for the whole result, not (as for cursors by default) the first tenth.
  await db.query(`SET LOCAL cursor_tuple_fraction = 1.0`);
  await db.query(`DECLARE export_rows NO SCROLL CURSOR FOR ${sql}`, params);
  const fetch = (): Promise<Row[]> => {
    const rows = db.query(`FETCH ${BATCH} FROM export_rows`) as Promise<Row[]>;
    // Awaited below; if the writer fails first, its rejection must not go unhandled.
    rows.catch(() => undefined);
    return rows;
  };
  for (let next = fetch(); ; ) {
    const rows = await next;
    if (rows.length === 0) break;
    next = fetch();
    yield rows;
  }
  // Closed only after a complete read: after an error the transaction is aborted and rolls back anyway.
  await db.query('CLOSE export_rows');
}

/**
 * Pseudonyms under the project's key. The last one of each kind is remembered: a dataset's rows come
 * ordered by enrolment, so the assessments' four or more rows per enrolment make one HMAC each, not
 * one per row (a CPU profile at 70,000 rows: the HMACs were a tenth of the worker's busy time).
 */
function pseudonymiser(key: Buffer): Pseudonymise {
  const last = { person: { id: '', pseudonym: '' }, enrolment: { id: '', pseudonym: '' } };
  return (kind, id) => {
    const remembered = last[kind];
    if (remembered.id !== id || remembered.pseudonym === '') {
      remembered.id = id;
      remembered.pseudonym = createHmac('sha256', key).update(`${kind}:${id}`).digest('hex').slice(0, 20);
    }
    return remembered.pseudonym;
  };
}

/**
 * The run's release, decided before the first row is written over the whole scope (every
 * municipality of the project) in the rows' snapshot: the same data gives every file the same
 * release. PostgreSQL counts the enrolments of each combination of generalised quasi-identifiers;
 * only those groups are held here, so memory follows the combinations, not the rows.
 */
async function release(db: SqlRunner, order: ExportOrder): Promise<{ decided: GroupRelease; enrolments: number }> {
  const { sql, params } = quasiIdentifierGroupsQuery(order.scope);
  const groups: QuasiIdentifierGroup[] = [];
  let enrolments = 0;
  for (const municipalityId of order.municipalityIds) {
    await withMunicipality(db, order.user, municipalityId, async () => {
      for (const row of (await db.query(sql, params)) as Row[]) {
        groups.push({ qi: generalise(rawQuasiIdentifiers(row)), count: row['n'] as number });
        enrolments += row['n'] as number;
      }
    });
  }
  return { decided: localSuppressionOfGroups(groups, { k: order.k }), enrolments };
}

/** How many rows the export will have, for the progress bar. */
async function count(db: SqlRunner, order: ExportOrder, countSql: string, params: unknown[]): Promise<number> {
  let total = 0;
  for (const municipalityId of order.municipalityIds) {
    total += await withMunicipality(db, order.user, municipalityId, async () => ((await db.query(countSql, params)) as [{ n: number }])[0].n);
  }
  return total;
}

/**
 * Writes the file of `order` into `sink`, reading through `db` (a read transaction with the
 * requester's tenant settings). `progress` is told the percentage now and then.
 */
export async function produceExport(db: SqlRunner, order: ExportOrder, key: Buffer, sink: Writable, progress: (percent: number) => void): Promise<ExportOutcome> {
  const { dataset, format } = order;
  const spec = DATASETS[dataset];
  const writer = await tableWriter(format, sink, dataset, spec.variables, dataset === 'codebook' ? null : CODEBOOK[dataset]);
  let rows = 0;
  let disclosure: ExportDisclosure | null = null;
  if ('rows' in spec) {
    const fixed = spec.rows({ k: order.k, consentNotAsked: order.consentNotAsked });
    for (const values of fixed) await writer.write(values);
    rows = fixed.length;
  } else {
    const query = spec.query(order.scope);
    const pseudonymise = pseudonymiser(key);
    const person = spec.kind === 'person' ? await release(db, order) : null;
    const decided = person?.decided ?? null;
    if (decided) disclosure = summary(decided);
    // The progress bar's whole: for a person dataset the enrolments the release just counted (its
    // rows come ordered by enrolment, so those passed are counted as they go); counting the rows
    // too was another pass over the whole join, a third of the export's reading (docs/performance.md).
    const total = person ? person.enrolments : query.countSql ? await count(db, order, query.countSql, query.params) : 0;
    let seen = 0;
    let reported = -1;
    let lastEnrolment: unknown;
    let released: QuasiIdentifiers | undefined;
    for (const municipalityId of order.municipalityIds) {
      await withMunicipality(db, order.user, municipalityId, async () => {
        for await (const batch of cursorRows(db, query.sql, query.params)) {
          for (const row of batch) {
            if (spec.kind === 'aggregate') {
              const full = writer.write(spec.toValues(row));
              if (full) await full;
              rows++;
              seen++;
              continue;
            }
            if (row['enrolment_id'] !== lastEnrolment) {
              lastEnrolment = row['enrolment_id'];
              seen++;
              // The quasi-identifiers are the enrolment's and its citizen's, the same on each of its
              // rows: looked up once per enrolment, not per row (9 % of the worker's busy time at 70,000 rows).
              released = decided?.releasedOf(generalise(rawQuasiIdentifiers(row)));
            }
            if (!released) continue; // withheld: in no file of the run
            const full = writer.write(spec.toValues(row, pseudonymise, released));
            if (full) await full;
            rows++;
          }
          const percent = total === 0 ? 99 : Math.min(99, Math.floor((seen / total) * 100));
          if (percent !== reported) progress(percent);
          reported = percent;
        }
      });
    }
  }
  await writer.end();
  return { rows, disclosure };
}

function summary(release: GroupRelease): ExportDisclosure {
  return { k: release.k, l: release.l, generalisation: [...GENERALISATION_SCHEME], suppressedValues: release.suppressedValues, withheldRows: release.withheldRows };
}
