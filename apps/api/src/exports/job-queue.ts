import { Inject, Injectable, Logger as NestLogger } from '@nestjs/common';
import type { OnApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/config';
import { APP_CONFIG, APP_DATABASE_URL } from '../config/config';

export const JOB_SCHEMA = 'pgboss';
export const EXPORT_QUEUE = 'export';
export const PURGE_QUEUE = 'export-purge';

/**
 * pg-boss notices an expired lease only in its maintenance round (every 120 s by default): with a
 * short lease (EXPORT_JOB_TIMEOUT_SECONDS) it looks more often, so a crashed replica's job is retried
 * soon after its lease ends rather than minutes later.
 */
export function maintenanceIntervalSeconds(leaseSeconds: number): number {
  return Math.min(120, Math.max(1, Math.floor(leaseSeconds / 4)));
}

/**
 * pg-boss keeps its own schema and upgrades it itself. That is done here, as the database owner,
 * beside the TypeORM migrations; the API then runs pg-boss as the restricted role, which may use
 * the queue tables but not change the schema.
 */
export async function installJobQueue(ownerUrl: string, appRole: string, leaseSeconds: number, logger: Logger): Promise<void> {
  const boss = new PgBoss({ connectionString: ownerUrl, schema: JOB_SCHEMA, max: 2, migrate: true, supervise: false, schedule: false });
  boss.on('error', (error) => logger.error({ err: error }, 'job queue installation'));
  await boss.start();
  try {
    const exportQueue = { name: EXPORT_QUEUE, retryLimit: 2, retryDelay: 2, expireInSeconds: leaseSeconds };
    const existing = await boss.getQueue(EXPORT_QUEUE);
    if (!existing) await boss.createQueue(EXPORT_QUEUE, exportQueue);
    // Queue options are stored with the queue at its creation: a changed lease must be written to it.
    else if (existing.expireInSeconds !== leaseSeconds) await boss.updateQueue(EXPORT_QUEUE, exportQueue);
    if (!(await boss.getQueue(PURGE_QUEUE))) await boss.createQueue(PURGE_QUEUE, { name: PURGE_QUEUE, policy: 'singleton' });
    const db = boss.getDb() as PgBoss.Db;
    await db.executeSql(`GRANT USAGE ON SCHEMA ${JOB_SCHEMA} TO ${appRole}`, []);
    await db.executeSql(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${JOB_SCHEMA} TO ${appRole}`, []);
    await db.executeSql(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${JOB_SCHEMA} TO ${appRole}`, []);
  } finally {
    await boss.stop({ graceful: false, wait: true });
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

  async start(): Promise<PgBoss> {
    const boss = new PgBoss({
      connectionString: this.url,
      schema: JOB_SCHEMA,
      max: 4,
      migrate: false,
      supervise: true,
      schedule: true,
      maintenanceIntervalSeconds: maintenanceIntervalSeconds(this.config.exportJobTimeoutSeconds),
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
    await this.boss?.stop({ graceful: true, wait: true, timeout: 30_000 });
  }
}
