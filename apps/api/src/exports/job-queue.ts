import { Inject, Injectable, Logger as NestLogger } from '@nestjs/common';
import type { OnApplicationShutdown } from '@nestjs/common';
import { PgBoss } from 'pg-boss';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/config';
import { APP_CONFIG, APP_DATABASE_URL } from '../config/config';

export const JOB_SCHEMA = 'pgboss';
export const EXPORT_QUEUE = 'export';
export const PURGE_QUEUE = 'export-purge';
/** Imports (issue 24): a dry run or an import of an uploaded file. */
export const IMPORT_QUEUE = 'import';

/** pg-boss 11 rewrote its schema (version 25): an older one has no migration to it (decision 159). */
const FIRST_SCHEMA_OF_11 = 25;

/**
 * pg-boss notices an expired lease in its monitoring round (every 60 s by default): with a short
 * lease (EXPORT_JOB_TIMEOUT_SECONDS) it looks more often, so a crashed replica's job is retried
 * soon after its lease ends rather than a minute later.
 */
export function monitorIntervalSeconds(leaseSeconds: number): number {
  return Math.min(60, Math.max(1, Math.floor(leaseSeconds / 4)));
}

/** What installJobQueue runs its own SQL through: the owner's TypeORM DataSource. */
interface OwnerSql {
  transaction<T>(work: (manager: { query(sql: string, params?: unknown[]): Promise<unknown> }) => Promise<T>): Promise<T>;
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/**
 * A pg-boss 10 schema (version 24) cannot be migrated by pg-boss 12; its contents are queue entries
 * for export jobs that `export_job` itself records (queued or running) and the purge schedule,
 * which start-up writes again. So it is dropped, under a lock (replicas may start together), and
 * answers whether it was: then the unfinished exports are queued again in the new schema.
 */
async function dropPgBoss10Schema(owner: OwnerSql): Promise<boolean> {
  return owner.transaction(async (m) => {
    await m.query(`SELECT pg_advisory_xact_lock(hashtextextended('pg-boss 10 to 12', 0))`);
    const rows = (await m.query(`SELECT to_regclass('${JOB_SCHEMA}.version') IS NOT NULL AS present`)) as { present: boolean }[];
    if (!rows[0]?.present) return false;
    const [version] = (await m.query(`SELECT version FROM ${JOB_SCHEMA}.version`)) as { version: number }[];
    if (!version || version.version >= FIRST_SCHEMA_OF_11) return false;
    await m.query(`DROP SCHEMA ${JOB_SCHEMA} CASCADE`);
    return true;
  });
}

/**
 * pg-boss keeps its own schema and upgrades it itself. That is done here, as the database owner,
 * beside the TypeORM migrations; the API then runs pg-boss as the restricted role, which may use
 * the queue tables but not change the schema.
 */
export async function installJobQueue(owner: OwnerSql, ownerUrl: string, appRole: string, leaseSeconds: number, logger: Logger): Promise<void> {
  const replaced = await dropPgBoss10Schema(owner);
  const boss = new PgBoss({ connectionString: ownerUrl, schema: JOB_SCHEMA, max: 2, migrate: true, supervise: false, schedule: false });
  boss.on('error', (error) => logger.error({ err: error }, 'job queue installation'));
  await boss.start();
  try {
    const exportQueue = { retryLimit: 2, retryDelay: 2, expireInSeconds: leaseSeconds };
    const existing = await boss.getQueue(EXPORT_QUEUE);
    if (!existing) await boss.createQueue(EXPORT_QUEUE, exportQueue);
    // Queue options are stored with the queue at its creation: a changed lease must be written to it.
    else if (existing.expireInSeconds !== leaseSeconds) await boss.updateQueue(EXPORT_QUEUE, exportQueue);
    // An import is retried once at most: its transaction is all or nothing, so a retry starts clean.
    const importQueue = { retryLimit: 1, retryDelay: 2, expireInSeconds: leaseSeconds };
    const existingImport = await boss.getQueue(IMPORT_QUEUE);
    if (!existingImport) await boss.createQueue(IMPORT_QUEUE, importQueue);
    else if (existingImport.expireInSeconds !== leaseSeconds) await boss.updateQueue(IMPORT_QUEUE, importQueue);
    if (!(await boss.getQueue(PURGE_QUEUE))) await boss.createQueue(PURGE_QUEUE, { policy: 'singleton' });
    const db = boss.getDb();
    await db.executeSql(`GRANT USAGE ON SCHEMA ${JOB_SCHEMA} TO ${appRole}`, []);
    await db.executeSql(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${JOB_SCHEMA} TO ${appRole}`, []);
    await db.executeSql(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${JOB_SCHEMA} TO ${appRole}`, []);
    await db.executeSql(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${JOB_SCHEMA} TO ${appRole}`, []);
    if (replaced) {
      // The export job's id is the queue entry's id: a second start doing the same queues nothing twice.
      const unfinished = (await owner.query(`SELECT id, requested_by FROM export_job WHERE status IN ('queued', 'running') ORDER BY created_at`)) as { id: string; requested_by: string }[];
      for (const job of unfinished) await boss.send(EXPORT_QUEUE, { exportJobId: job.id, userId: job.requested_by }, { id: job.id });
      logger.info({ requeued: unfinished.length }, 'job queue: pg-boss 10 schema replaced; unfinished exports queued again');
    }
  } finally {
    await boss.stop({ graceful: false });
  }
}

/** The API's pg-boss: started with the application, stopped gracefully (running jobs finish) on shutdown. */
@Injectable()
export class JobQueue implements OnApplicationShutdown {
  private boss: PgBoss | undefined;

  constructor(
    @Inject(APP_DATABASE_URL) private readonly url: string,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private readonly logger = new NestLogger('Jobs');

  private starting: Promise<PgBoss> | undefined;

  /** Starts pg-boss once, whichever runner (exports, imports) asks first; the others get the same instance. */
  start(): Promise<PgBoss> {
    this.starting ??= this.startOnce();
    return this.starting;
  }

  private async startOnce(): Promise<PgBoss> {
    const every = monitorIntervalSeconds(this.config.exportJobTimeoutSeconds);
    const boss = new PgBoss({
      connectionString: this.url,
      schema: JOB_SCHEMA,
      max: 4,
      migrate: false,
      createSchema: false,
      supervise: true,
      schedule: true,
      // Supervision is the round that starts monitoring: both as often as the lease needs.
      superviseIntervalSeconds: every,
      monitorIntervalSeconds: every,
      // Rebuilding indexes takes their owner; this role is not (the owner's installation is).
      reindex: false,
    });
    // Connection errors while PostgreSQL is away are logged; pg-boss reconnects by itself.
    boss.on('error', (error) => this.logger.error(error.message));
    await boss.start();
    this.boss = boss;
    return boss;
  }

  private readonly workers = new Map<string, string>();

  /** Remembers this process's worker of a queue, so that a job queued here can wake it. */
  worker(queue: string, workerId: string): void {
    this.workers.set(queue, workerId);
  }

  /** Wakes this process's worker of the queue now rather than at its next poll (a second away). */
  wake(queue: string): void {
    const id = this.workers.get(queue);
    if (id && this.boss) this.boss.notifyWorker(id);
  }

  get instance(): PgBoss {
    if (!this.boss) throw new Error('The job queue has not started');
    return this.boss;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.boss?.stop({ graceful: true, timeout: 30_000 });
  }
}
