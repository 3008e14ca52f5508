import { Inject, Injectable } from '@nestjs/common';
import type { ExportJob, ExportLabelLanguage, ExportSyntaxFormat, RawListQuery } from '@outcomes/contracts';
import { finished } from 'node:stream/promises';
import type { Response } from 'express';
import type { ListPage } from '../common/list-query/list-page';
import { clientGone } from '../common/client-gone';
import { youngGarbageCollector } from '../common/young-garbage';
import { ApiException } from '../common/errors/api.exception';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config';
import { listPage } from '../common/list-query/list-page';
import type { ListSpec } from '../common/list-query/list-query';
import { Db } from '../tenancy/db.service';
import type { CreateExportJobDto } from './dto/export.dto';
import type { ExportJobEntity } from './export.entities';
import { ExportProjectsService } from './export-projects.service';
import { CopyBinaryFields } from './copy-binary-fields';
import { activeJobProjects, fileCopyStream, insertJobUnlessActive, lockUserExports, ownActiveJobOf, ownJob, ownJobs, queueSql } from './exports.queries';
import { EXPORT_QUEUE, JobQueue } from './job-queue';
import { DATASETS } from './export-datasets';
import { syntaxFile } from './syntax/syntax-files';

/** Until the client takes more (`drain`) or is gone (`close`). */
function drainedOrClosed(res: Response): Promise<void> {
  if (clientGone(res)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.once('drain', done);
    res.once('close', done);
  });
}

const CONTENT_TYPE = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

export const fileName = (job: Pick<ExportJobEntity, 'dataset' | 'format' | 'createdAt'>): string =>
  `${job.dataset}-${job.createdAt.toISOString().slice(0, 10)}.${job.format}`;

export function toExportJob(job: ExportJobEntity): ExportJob {
  return {
    id: job.id,
    projectId: job.projectId,
    dataset: job.dataset as ExportJob['dataset'],
    format: job.format as ExportJob['format'],
    status: job.status as ExportJob['status'],
    progress: job.progress,
    rowCount: job.rowCount,
    byteSize: job.byteSize === null ? null : Number(job.byteSize),
    fileName: fileName(job),
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
    expiresAt: job.expiresAt?.toISOString() ?? null,
    disclosure: job.disclosure,
  };
}

/** The socket buffers a download has passed through before their garbage is collected (common/young-garbage.ts). */
const DOWNLOAD_GC_EVERY_BYTES = 8 * 1024 * 1024;

/** Export jobs: requested here, run by ExportRunner on whichever replica takes them, downloaded here. */
@Injectable()
export class ExportJobsService {
  private readonly listSpec: ListSpec = {
    fields: {
      id: { type: 'uuid', column: 'id', filterable: true },
      projectId: { type: 'uuid', column: 'project_id', filterable: true },
      status: { type: 'string', column: 'status', filterable: true },
      createdAt: { type: 'datetime', column: 'created_at', sortable: true },
    },
    searchColumns: [],
    defaultSort: ['createdAt', 'DESC'],
  };

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: Db,
    private readonly projects: ExportProjectsService,
    private readonly queue: JobQueue,
  ) {}

  list(raw: RawListQuery): Promise<ListPage<ExportJob>> {
    return listPage(ownJobs(this.db.manager(), this.db.user().id), raw, this.listSpec, (rows) => rows.map(toExportJob));
  }

  async get(id: string): Promise<ExportJob> {
    return toExportJob(await this.find(id));
  }

  /**
   * Queues an export, or answers the one already queued or running for the project (created:
   * false). The job row and the queue entry are written in the request's transaction: both or neither.
   */
  async request(input: CreateExportJobDto): Promise<{ job: ExportJob; created: boolean }> {
    const project = await this.projects.get(input.projectId);
    // Grants can be withdrawn after the project was made: checked again for every export.
    this.projects.refuseUngranted(project.municipalityIds);
    const user = this.db.user();
    const manager = this.db.manager();
    await this.refuseOverUserCap(project.id);
    const created = await insertJobUnlessActive(manager, { municipalityId: this.db.municipalityId(), projectId: project.id, requestedBy: user.id, dataset: input.dataset, format: input.format });
    if (!created) {
      const running = await ownActiveJobOf(manager, this.db.user().id, project.id);
      if (!running) throw ApiException.versionConflict('Export job'); // finished in between: ask again
      return { job: toExportJob(running), created: false };
    }
    await this.queue.instance.send(EXPORT_QUEUE, { exportJobId: created, userId: user.id }, { db: queueSql(manager) });
    // The queue entry is visible once the request commits: this replica's worker takes it then,
    // not at its next poll (other replicas poll as usual).
    this.db.context().afterCommit.push(() => this.queue.wake(EXPORT_QUEUE));
    return { job: await this.get(created), created: true };
  }

  /**
   * At most EXPORT_MAX_CONCURRENT_PER_USER exports queued or running per user, across projects
   * (OWASP API4: each one holds a worker and a long transaction). A request for a project that
   * already has one is let through: it is answered that job (200), not a new one, so it is not
   * counted. Race-free: two requests of the same user would otherwise both count below the cap and
   * both insert. A transaction-scoped advisory lock on the user serialises just their requests until
   * the request's transaction commits, so the second counts the first's row. Chosen over a count under
   * SERIALIZABLE, which would make concurrent requests fail with serialisation errors that must be
   * caught and retried, and would change the isolation of the whole request transaction; the lock
   * costs nothing to other users and is released by COMMIT or ROLLBACK (or a lost connection).
   */
  private async refuseOverUserCap(projectId: string): Promise<void> {
    const manager = this.db.manager();
    const userId = this.db.user().id;
    await lockUserExports(manager, userId);
    const active = await activeJobProjects(manager, userId);
    const cap = this.config.exportMaxConcurrentPerUser;
    if (active.length >= cap && !active.some((job) => job.project_id === projectId)) {
      throw new ApiException(
        429,
        'TOO_MANY_EXPORTS',
        `You have ${active.length} exports queued or running, the most one user may have at a time (${cap}); start this one when one of them has finished`,
      );
    }
  }

  /**
   * Streams the finished file chunk by chunk (constant memory). The download is access-logged
   * before the first byte leaves, in its own transaction: a download cut short is still logged.
   */
  async download(id: string, res: Response, logDownload: (job: ExportJobEntity) => Promise<void>): Promise<void> {
    const job = await this.downloadable(id);
    await logDownload(job);
    res.status(200);
    res.setHeader('Content-Type', CONTENT_TYPE[job.format as keyof typeof CONTENT_TYPE]);
    res.setHeader('Content-Disposition', `attachment; filename="${fileName(job)}"`);
    res.setHeader('Content-Length', String(job.byteSize ?? 0));
    res.setHeader('Cache-Control', 'no-store');
    // Gone already (while the job was looked up and the download logged): nothing to stream.
    if (clientGone(res)) return;
    const copy = await fileCopyStream(this.db.manager(), job.id);
    const fields = new CopyBinaryFields();
    copy.on('error', (error) => fields.destroy(error));
    copy.pipe(fields);
    let gone = clientGone(res);
    res.once('close', () => (gone = true));
    const collect = youngGarbageCollector(DOWNLOAD_GC_EVERY_BYTES);
    try {
      for await (const piece of fields as AsyncIterable<Buffer>) {
        collect(piece.length);
        // A client that left: the rest is still read, so that the COPY ends and the transaction's
        // connection is usable again (a COPY TO is cut short only by a cancel request).
        if (gone || clientGone(res)) continue;
        if (!res.write(piece)) await drainedOrClosed(res);
      }
      res.end();
    } catch (error) {
      // Headers are gone already: the client sees a cut connection, not a JSON error. The COPY is
      // read to its end (or its error) so the transaction can end.
      res.destroy(error as Error);
      copy.unpipe(fields);
      copy.resume();
      await finished(copy).catch(() => undefined);
    }
  }

  /**
   * A syntax file (R, Stata or SPSS) that reads the finished CSV with the codebook's types and labels.
   * Made from the codebook on request, not stored: it holds no row data, only names and labels. It is
   * refused exactly when the file it reads is (grant, 409, 410), and logged as a download of that file.
   */
  async syntax(id: string, format: ExportSyntaxFormat, lang: ExportLabelLanguage, logDownload: (job: ExportJobEntity, syntaxFileName: string) => Promise<void>): Promise<{ fileName: string; text: string }> {
    const job = await this.downloadable(id);
    if (job.format !== 'csv') throw new ApiException(409, 'NOT_CSV', 'Syntax files read a CSV export; this export is XLSX, whose codebook is its second sheet. Run the export as CSV');
    const csvFile = fileName(job);
    const dataset = job.dataset as keyof typeof DATASETS;
    const file = syntaxFile(format, { dataset, csvFile, variables: DATASETS[dataset].variables, lang });
    await logDownload(job, file.fileName);
    return file;
  }

  /** The job if its file may be fetched now: 410 once expired, 409 before it is done. */
  private async downloadable(id: string): Promise<ExportJobEntity> {
    const job = await this.find(id);
    // The grant is checked now, not when the file was made: a revoked or expired grant ends the
    // downloads of exports made under it too.
    this.projects.refuseUngranted((await this.projects.get(job.projectId)).municipalityIds);
    if (job.status === 'expired' || (job.status === 'done' && job.expiresAt !== null && job.expiresAt <= new Date())) {
      throw new ApiException(410, 'GONE', 'This export has expired; run it again');
    }
    if (job.status !== 'done') throw new ApiException(409, 'NOT_READY', `This export is ${job.status}, not ready to download yet`);
    return job;
  }

  private async find(id: string): Promise<ExportJobEntity> {
    const job = await ownJob(this.db.manager(), this.db.user().id, id);
    if (!job) throw ApiException.notFound('Export job');
    return job;
  }
}
