import { Inject, Injectable } from '@nestjs/common';
import type { ExportJob, RawListQuery } from '@outcomes/contracts';
import type { Response } from 'express';
import type { ListPage } from '../common/list-query/list-page';
import { ApiException } from '../common/errors/api.exception';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config';
import { listPage } from '../common/list-query/list-page';
import type { ListSpec } from '../common/list-query/list-query';
import { Db } from '../tenancy/db.service';
import type { CreateExportJobDto } from './dto/export.dto';
import { ExportJobEntity } from './export.entities';
import { ExportProjectsService } from './export-projects.service';
import { EXPORT_QUEUE, JobQueue } from './job-queue';

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
    return listPage(this.own(), raw, this.listSpec, (rows) => rows.map(toExportJob));
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
    const inserted = (await manager.query(
      `INSERT INTO export_job (municipality_id, project_id, requested_by, dataset, format)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (project_id) WHERE status IN ('queued', 'running') DO NOTHING RETURNING id`,
      [this.db.municipalityId(), project.id, user.id, input.dataset, input.format],
    )) as { id: string }[];
    const created = inserted[0];
    if (!created) {
      const running = await this.own().andWhere(`r.project_id = :project AND r.status IN ('queued', 'running')`, { project: project.id }).getOne();
      if (!running) throw ApiException.versionConflict('Export job'); // finished in between: ask again
      return { job: toExportJob(running), created: false };
    }
    await this.queue.instance.send(EXPORT_QUEUE, { exportJobId: created.id, userId: user.id }, {
      db: { executeSql: async (text: string, values: unknown[]) => ({ rows: (await manager.query(text, values)) as unknown[] }) },
    });
    // The queue entry is visible once the request commits: this replica's worker takes it then,
    // not at its next poll (other replicas poll as usual).
    this.db.context().afterCommit.push(() => this.queue.wake(EXPORT_QUEUE));
    return { job: await this.get(created.id), created: true };
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
    // Seed 815005: its own key space, apart from the runner's per-job lock (815004).
    await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 815005))', [userId]);
    const active = (await manager.query(
      `SELECT project_id FROM export_job WHERE requested_by = $1 AND status IN ('queued', 'running')`,
      [userId],
    )) as { project_id: string }[];
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
    const job = await this.find(id);
    // The grant is checked now, not when the file was made: a revoked or expired grant ends the
    // downloads of exports made under it too.
    this.projects.refuseUngranted((await this.projects.get(job.projectId)).municipalityIds);
    if (job.status === 'expired' || (job.status === 'done' && job.expiresAt !== null && job.expiresAt <= new Date())) {
      throw new ApiException(410, 'GONE', 'This export has expired; run it again');
    }
    if (job.status !== 'done') throw new ApiException(409, 'NOT_READY', `This export is ${job.status}, not ready to download yet`);
    await logDownload(job);
    res.status(200);
    res.setHeader('Content-Type', CONTENT_TYPE[job.format as keyof typeof CONTENT_TYPE]);
    res.setHeader('Content-Disposition', `attachment; filename="${fileName(job)}"`);
    res.setHeader('Content-Length', String(job.byteSize ?? 0));
    res.setHeader('Cache-Control', 'no-store');
    try {
      for (let seq = 0; ; seq++) {
        const [chunk] = (await this.db.manager().query('SELECT data FROM export_file_chunk WHERE job_id = $1 AND seq = $2', [id, seq])) as { data: Buffer }[];
        if (!chunk) break;
        if (!res.write(chunk.data)) await new Promise((resolve) => res.once('drain', resolve));
      }
      res.end();
    } catch (error) {
      // Headers are gone already: the client sees a cut connection, not a JSON error.
      res.destroy(error as Error);
    }
  }

  private async find(id: string): Promise<ExportJobEntity> {
    const job = await this.own().andWhere('r.id = :id', { id }).getOne();
    if (!job) throw ApiException.notFound('Export job');
    return job;
  }

  private own() {
    return this.db.repo(ExportJobEntity).createQueryBuilder('r').where('r.requested_by = :me', { me: this.db.user().id });
  }
}
