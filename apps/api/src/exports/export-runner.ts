import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { ExportDataset, ExportDisclosure, ExportFormat } from '@outcomes/contracts';
import type { JobWithMetadata } from 'pg-boss';
import type { EntityManager } from 'typeorm';
import { AuthService } from '../auth/auth.service';
import type { AuthUser } from '../auth/auth-user';
import type { AppConfig } from '../config/config';
import { APP_CONFIG, APP_DATABASE_URL } from '../config/config';
import { readConnectionUrl } from '../tenancy/read-transaction.service';
import type { RequestContext } from '../tenancy/request-context';
import { TenantTransaction } from '../tenancy/tenant-transaction.service';
import { ExportProjectsService } from './export-projects.service';
import { runExportWorker, SpareExportWorker } from './export-worker-host';
import { appendChunk } from './export-writers';
import { EXPORT_QUEUE, JobQueue, PURGE_QUEUE } from './job-queue';

export interface ExportJobData {
  exportJobId: string;
  userId: string;
}

/** Progress is written at most this often: each write is a small transaction of its own. */
const PROGRESS_INTERVAL_MS = 500;

/**
 * Runs export jobs taken from the queue, on whichever replica takes them. The file is written in
 * ONE transaction, as the evaluator who asked (row-level security and their grants apply, read
 * again now): it appears whole, with its access-log row, or not at all. Progress is written
 * beside it in short transactions of its own, so that the page polling it sees it move.
 */
@Injectable()
export class ExportRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Exports');
  /** A worker process started ahead of the next export (decision 192). */
  private readonly spares: SpareExportWorker;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queue: JobQueue,
    private readonly auth: AuthService,
    private readonly tenant: TenantTransaction,
    @Inject(APP_DATABASE_URL) private readonly appUrl: string,
    private readonly projects: ExportProjectsService,
  ) {
    this.spares = new SpareExportWorker(config.exportWorkerHeapMiB);
  }

  async onApplicationBootstrap(): Promise<void> {
    const boss = await this.queue.start();
    this.spares.prepare();
    const worker = await boss.work(EXPORT_QUEUE, { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: 1 }, async ([job]: JobWithMetadata<ExportJobData>[]) => {
      if (job) await this.run(job);
    });
    this.queue.worker(EXPORT_QUEUE, worker);
    await boss.schedule(PURGE_QUEUE, '*/10 * * * *');
    await boss.work(PURGE_QUEUE, async () => {
      const [{ purged }] = (await boss.getDb().executeSql('SELECT purge_expired_exports() AS purged', [])).rows as [{ purged: number }];
      if (purged > 0) this.logger.log(`purged ${purged} chunks of expired exports`);
      // Uploaded files not imported within seven days are emptied on the same round (decision 165).
      const [{ stale }] = (await boss.getDb().executeSql('SELECT purge_stale_imports() AS stale', [])).rows as [{ stale: number }];
      if (stale > 0) this.logger.log(`emptied ${stale} uploaded files not imported within 7 days`);
    });
  }

  onApplicationShutdown(): void {
    this.spares.stop();
  }

  async run(job: JobWithMetadata<ExportJobData>): Promise<void> {
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
    // Each municipality's rule for "not asked" as this run reads it (decision 90): named in the codebook
    // and in the run's access-log row, so a file can be matched with the rule that made it.
    const rules = (await manager.query(`SELECT code, consent_not_asked FROM municipality WHERE id = ANY($1) ORDER BY code`, [project.municipalityIds])) as { code: string; consent_not_asked: 'included' | 'excluded' }[];
    const consentNotAsked = rules.map((r) => ({ municipalityCode: r.code, rule: r.consent_not_asked }));
    const scope = { programmeIds: project.programmeIds, periodFrom: project.periodFrom, periodTo: project.periodTo };

    // The rows are read and the file written in a worker process of its own (decision 132), on the
    // read replica when there is one, in one snapshot; its chunks come back here and are stored in
    // this transaction on the primary, with the run's access-log row: the file appears whole or not at all.
    let reported = 0;
    const outcome = await runExportWorker(
      { order: { dataset, format, user, municipalityIds: project.municipalityIds, scope, k: project.k, consentNotAsked }, key: new Uint8Array(key), readUrl: this.readUrl(), statementTimeoutMs: this.config.exportJobTimeoutSeconds * 1000 },
      this.config.exportWorkerHeapMiB,
      {
        store: (seq, data) => appendChunk(manager, exportJobId, seq, data),
        progress: async (percent) => {
          if (Date.now() - reported < PROGRESS_INTERVAL_MS) return;
          reported = Date.now();
          await this.progress(user, exportJobId, percent);
        },
      },
      undefined,
      this.spares,
    );
    const { rows, disclosure } = outcome;
    // The time the file was finished: clock_timestamp(), not now(), which is when this transaction (the
    // whole writing) began; the file is kept for its hours from then.
    await manager.query(
      `UPDATE export_job SET status = 'done', progress = 100, row_count = $2, byte_size = $3, error = NULL, finished_at = c.at,
              expires_at = c.at + make_interval(hours => $4), disclosure = $5
         FROM (SELECT clock_timestamp() AS at) c WHERE id = $1`,
      [exportJobId, rows, outcome.bytes, this.config.exportRetentionHours, disclosure === null ? null : JSON.stringify(disclosure)],
    );
    accesses.push({
      action: 'export',
      resource: 'export-jobs',
      recordId: exportJobId,
      criterion: `run: dataset=${dataset} format=${format} rows=${rows} project=${project.id} municipalities=${project.municipalityIds.join(',')} notAsked=${consentNotAsked.map((r) => `${r.municipalityCode}:${r.rule}`).join(',')}${disclosureCriterion(disclosure)}`,
      outcome: 'ok',
    });
  }

  /** Where the worker reads: DATABASE_READ_URL (as ReadTransaction reads it) or the primary, as the restricted role. */
  private readUrl(): string {
    return this.config.databaseReadUrl ? readConnectionUrl(this.config.databaseReadUrl, this.appUrl) : this.appUrl;
  }

  private async progress(user: AuthUser, exportJobId: string, percent: number): Promise<void> {
    await this.tenant.run(user, null, (ctx) => ctx.manager.query('UPDATE export_job SET progress = $2 WHERE id = $1', [exportJobId, percent]));
  }
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
