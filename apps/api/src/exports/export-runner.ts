import { createHmac } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import type { ExportDataset, ExportDisclosure, ExportFormat } from '@outcomes/contracts';
import { generalise, GENERALISATION_SCHEME, localSuppression } from '@outcomes/domain';
import type { QuasiIdentifiers, Release, ReleaseInput } from '@outcomes/domain';
import type PgBoss from 'pg-boss';
import type { EntityManager } from 'typeorm';
import { AuthService } from '../auth/auth.service';
import type { AuthUser } from '../auth/auth-user';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config';
import { ReadTransaction } from '../tenancy/read-transaction.service';
import type { ReadScope } from '../tenancy/read-transaction.service';
import type { RequestContext } from '../tenancy/request-context';
import { TenantTransaction } from '../tenancy/tenant-transaction.service';
import { CODEBOOK } from './codebook';
import { DATASETS, quasiIdentifierQuery, rawQuasiIdentifiers } from './export-datasets';
import type { DatasetQuery, ExportScope, Pseudonymise, Row } from './export-datasets';
import { ExportProjectsService } from './export-projects.service';
import { ChunkSink, tableWriter } from './export-writers';
import { EXPORT_QUEUE, JobQueue, PURGE_QUEUE } from './job-queue';

export interface ExportJobData {
  exportJobId: string;
  userId: string;
}

const BATCH = 500;
/** Progress is written at most this often: each write is a small transaction of its own. */
const PROGRESS_INTERVAL_MS = 500;

/** Rows of a query through a server-side cursor, BATCH at a time: memory stays flat whatever the size. */
async function* cursorRows(manager: EntityManager, sql: string, params: unknown[]): AsyncGenerator<Row[]> {
  // Every row will be read: plan for the whole result, not (as for cursors by default) the first tenth.
  await manager.query(`SET LOCAL cursor_tuple_fraction = 1.0`);
  await manager.query(`DECLARE export_rows NO SCROLL CURSOR FOR ${sql}`, params);
  for (;;) {
    const rows = (await manager.query(`FETCH ${BATCH} FROM export_rows`)) as Row[];
    if (rows.length === 0) break;
    yield rows;
  }
  // Closed only after a complete read: after an error the transaction is aborted and rolls back anyway.
  await manager.query('CLOSE export_rows');
}

export function pseudonymiser(key: Buffer): Pseudonymise {
  return (kind, id) => createHmac('sha256', key).update(`${kind}:${id}`).digest('hex').slice(0, 20);
}

/**
 * Runs export jobs taken from the queue, on whichever replica takes them. The file is written in
 * ONE transaction, as the evaluator who asked (row-level security and their grants apply, read
 * again now): it appears whole, with its access-log row, or not at all. Progress is written
 * beside it in short transactions of its own, so that the page polling it sees it move.
 */
@Injectable()
export class ExportRunner implements OnApplicationBootstrap {
  private readonly logger = new Logger('Exports');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queue: JobQueue,
    private readonly auth: AuthService,
    private readonly tenant: TenantTransaction,
    private readonly reads: ReadTransaction,
    private readonly projects: ExportProjectsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const boss = await this.queue.start();
    const worker = await boss.work<ExportJobData>(EXPORT_QUEUE, { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: 1 }, async ([job]) => {
      if (job) await this.run(job);
    });
    this.queue.worker(EXPORT_QUEUE, worker);
    await boss.schedule(PURGE_QUEUE, '*/10 * * * *');
    await boss.work(PURGE_QUEUE, async () => {
      const [{ purged }] = (await boss.getDb().executeSql('SELECT purge_expired_exports() AS purged', [])).rows as [{ purged: number }];
      if (purged > 0) this.logger.log(`purged ${purged} chunks of expired exports`);
    });
  }

  async run(job: PgBoss.JobWithMetadata<ExportJobData>): Promise<void> {
    const { exportJobId, userId } = job.data;
    const user = await this.auth.activeUser(userId);
    if (!user) {
      this.logger.warn(`export ${exportJobId} dropped: its requester is no longer active`);
      return;
    }
    const started = await this.tenant.run(user, null, async (ctx) =>
      (await ctx.manager.query(
        `UPDATE export_job SET status = 'running', progress = CASE WHEN status = 'queued' THEN 0 ELSE progress END, started_at = coalesce(started_at, now())
         WHERE id = $1 AND status IN ('queued', 'running') RETURNING id`,
        [exportJobId],
      )) as [unknown[], number],
    );
    if (started[1] === 0) return; // expired or finished meanwhile
    try {
      await this.tenant.run(user, null, (ctx) => this.write(exportJobId, user, ctx.manager, ctx.accesses));
    } catch (error) {
      if (error instanceof ExportStillRunning) {
        // Its lease ran out while the first attempt is still writing: leave that one be.
        this.logger.warn(`export ${exportJobId}: an earlier attempt is still running; retried later`);
        throw error;
      }
      const final = job.retryCount >= job.retryLimit;
      this.logger.error(`export ${exportJobId} failed (attempt ${job.retryCount + 1}): ${error instanceof Error ? error.message : String(error)}`);
      await this.tenant.run(user, null, (ctx) =>
        ctx.manager.query(`UPDATE export_job SET status = $2, progress = 0, error = $3 WHERE id = $1 AND status <> 'done'`, [exportJobId, final ? 'failed' : 'queued', errorCode(error)]),
      );
      throw error; // pg-boss retries it, on this replica or another
    }
  }

  private async write(exportJobId: string, user: AuthUser, manager: EntityManager, accesses: RequestContext['accesses']): Promise<void> {
    // One attempt at a time per job, whatever pg-boss thinks of the lease: the lock lives as long
    // as the attempt's transaction (or its connection, if its process dies).
    const [{ free }] = (await manager.query('SELECT pg_try_advisory_xact_lock(hashtextextended($1, 815004)) AS free', [exportJobId])) as [{ free: boolean }];
    if (!free) throw new ExportStillRunning();
    const [job] = (await manager.query('SELECT * FROM export_job WHERE id = $1', [exportJobId])) as Record<string, unknown>[];
    if (!job) throw new Error('export job not visible');
    const dataset = job['dataset'] as ExportDataset;
    const format = job['format'] as ExportFormat;
    const { project, key } = await this.projects.withKey(job['project_id'] as string);
    this.projects.refuseUngranted(project.municipalityIds);
    const spec = DATASETS[dataset];
    const sink = new ChunkSink(manager, exportJobId);
    const writer = tableWriter(format, sink, dataset, spec.variables, dataset === 'codebook' ? null : CODEBOOK[dataset]);
    const pseudonymise = pseudonymiser(key);
    const scope = { programmeIds: project.programmeIds, periodFrom: project.periodFrom, periodTo: project.periodTo };

    let rows = 0;
    let disclosure: ExportDisclosure | null = null;
    // Each municipality's rule for "not asked" as this run reads it (decision 90): named in the codebook
    // and in the run's access-log row, so a file can be matched with the rule that made it.
    const rules = (await manager.query(`SELECT code, consent_not_asked FROM municipality WHERE id = ANY($1) ORDER BY code`, [project.municipalityIds])) as { code: string; consent_not_asked: 'included' | 'excluded' }[];
    const consentNotAsked = rules.map((r) => ({ municipalityCode: r.code, rule: r.consent_not_asked }));
    if ('rows' in spec) {
      const fixed = spec.rows({ k: project.k, consentNotAsked });
      for (const values of fixed) await writer.write(values);
      rows = fixed.length;
    } else {
      const query = spec.query(scope);
      // The rows are read on the read replica (when there is one) in one snapshot; the file and
      // its access-log row are written here, in this transaction on the primary.
      await this.reads.run(user, async (read) => {
        // Decided before the first row is written, over the whole scope (every municipality of the
        // project) in the same snapshot as the rows: the same data gives every file the same release.
        const release = spec.kind === 'person' ? await this.release(project.municipalityIds, scope, project.k, read) : null;
        if (release) disclosure = summary(release);
        const total = await this.count(project.municipalityIds, read, query);
        let reported = Date.now();
        let seen = 0;
        for (const municipalityId of project.municipalityIds) {
          await read.as(municipalityId, async () => {
            for await (const batch of cursorRows(read.manager, query.sql, query.params)) {
              for (const row of batch) {
                if (spec.kind === 'aggregate') {
                  await writer.write(spec.toValues(row));
                  rows++;
                  continue;
                }
                const released = release?.released.get(row['enrolment_id'] as string);
                if (!released) continue; // withheld: in no file of the run
                await writer.write(spec.toValues(row, pseudonymise, released));
                rows++;
              }
              seen += batch.length;
              if (Date.now() - reported >= PROGRESS_INTERVAL_MS) {
                reported = Date.now();
                await this.progress(user, exportJobId, total === 0 ? 99 : Math.min(99, Math.floor((seen / total) * 100)));
              }
            }
          });
        }
      });
    }
    await writer.end();
    await manager.query(
      `UPDATE export_job SET status = 'done', progress = 100, row_count = $2, byte_size = $3, error = NULL, finished_at = now(),
              expires_at = now() + make_interval(hours => $4), disclosure = $5 WHERE id = $1`,
      [exportJobId, rows, sink.bytes, this.config.exportRetentionHours, disclosure === null ? null : JSON.stringify(disclosure)],
    );
    accesses.push({
      action: 'export',
      resource: 'export-jobs',
      recordId: exportJobId,
      criterion: `run: dataset=${dataset} format=${format} rows=${rows} project=${project.id} municipalities=${project.municipalityIds.join(',')} notAsked=${consentNotAsked.map((r) => `${r.municipalityCode}:${r.rule}`).join(',')}${disclosureCriterion(disclosure)}`,
      outcome: 'ok',
    });
  }

  /**
   * The run's release: the quasi-identifiers of every enrolment in scope, read in one pass,
   * generalised and locally suppressed to the project's k. One entry per enrolment, and rows with
   * equal values share one object, so it stays small beside the streamed files.
   */
  private async release(municipalityIds: string[], scope: ExportScope, k: number, read: ReadScope): Promise<Release> {
    const { sql, params } = quasiIdentifierQuery(scope);
    const shared = new Map<string, QuasiIdentifiers>();
    const input: ReleaseInput[] = [];
    for (const municipalityId of municipalityIds) {
      await read.as(municipalityId, async () => {
        for await (const batch of cursorRows(read.manager, sql, params)) {
          for (const row of batch) {
            const qi = generalise(rawQuasiIdentifiers(row));
            const key = JSON.stringify(qi);
            const known = shared.get(key);
            if (!known) shared.set(key, qi);
            input.push({ id: row['enrolment_id'] as string, qi: known ?? qi });
          }
        }
      });
    }
    return localSuppression(input, { k });
  }

  /** How many rows the export will have, for the progress bar. */
  private async count(municipalityIds: string[], read: ReadScope, query: DatasetQuery): Promise<number> {
    let total = 0;
    for (const municipalityId of municipalityIds) {
      total += await read.as(municipalityId, async () => {
        const [{ n }] = (await read.manager.query(query.countSql, query.params)) as [{ n: number }];
        return n;
      });
    }
    return total;
  }

  private async progress(user: AuthUser, exportJobId: string, percent: number): Promise<void> {
    await this.tenant.run(user, null, (ctx) => ctx.manager.query('UPDATE export_job SET progress = $2 WHERE id = $1', [exportJobId, percent]));
  }
}

function summary(release: Release): ExportDisclosure {
  return { k: release.k, l: release.l, generalisation: [...GENERALISATION_SCHEME], suppressedValues: release.suppressedValues, withheldRows: release.withheldRows };
}

/** What disclosure control did, for the access log: counts only, never a value. */
function disclosureCriterion(disclosure: ExportDisclosure | null): string {
  if (disclosure === null) return '';
  return ` k=${disclosure.k} l=${disclosure.l} generalisation=${disclosure.generalisation.join(',')} suppressed=${disclosure.suppressedValues} withheld=${disclosure.withheldRows}`;
}

class ExportStillRunning extends Error {
  override name = 'ExportStillRunning';
}

/** What is stored of a failure: a code, never a message that could carry row data. */
function errorCode(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof (error as { code: unknown }).code === 'string') return (error as { code: string }).code;
  return error instanceof Error ? error.name : 'Error';
}
