import { Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { TenantTransaction } from '../tenancy/tenant-transaction.service';
import { allMunicipalityIds } from './retention.queries';
import { DAY_MS, msUntilNextRun } from './retention-schedule';
import { RetentionService } from './retention.service';

/**
 * The retention job's identity: the system, not a user (decision 98). Its access-log rows carry this
 * fixed user id (no account has it: app_user ids are random UUIDs) and the admin role, whose
 * row-level security holds each run to one municipality.
 */
export const RETENTION_SYSTEM_USER_ID = '00000000-0000-0000-0000-000000000000';

export function systemUser(municipalityId: string): AuthUser {
  return {
    id: RETENTION_SYSTEM_USER_ID,
    email: 'retention@system',
    displayName: 'Retention (system)',
    role: 'admin',
    municipalityId,
    municipalityName: '',
    grantedMunicipalityIds: [],
    tokenVersion: 0,
    authTime: 0,
    issuedAt: 0,
  };
}

/**
 * Runs retention daily in every municipality, each in its own transaction: a municipality whose run
 * fails is retried the next day and stops no other. Every replica runs it; a run takes a lock per
 * municipality, so a second replica at the same moment erases nothing, and a citizen erased by one
 * is no longer due for the other.
 */
@Injectable()
export class RetentionJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Retention');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tenant: TenantTransaction,
    private readonly service: RetentionService,
  ) {}

  /** One run in every municipality; answers the number of citizens erased. */
  async runAll(): Promise<number> {
    let erased = 0;
    for (const municipalityId of await allMunicipalityIds(this.dataSource.manager)) {
      try {
        const run = await this.tenant.run(systemUser(municipalityId), null, () => this.service.run('schedule'));
        if (run && run.citizens > 0) this.logger.log({ municipalityId, runId: run.id, citizens: run.citizens }, 'retention erased citizens past their retention');
        erased += run?.citizens ?? 0;
      } catch (error) {
        this.logger.error({ err: error, municipalityId }, 'retention run failed; retried at the next run');
      }
    }
    return erased;
  }

  onApplicationBootstrap(): void {
    const run = (): void => {
      this.runAll().catch((error: unknown) => this.logger.warn({ err: error }, 'retention failed'));
    };
    // Not at start: a run in the night, when nobody is in the records, and not in the middle of a
    // test run that starts the API.
    const first = setTimeout(() => {
      run();
      this.timer = setInterval(run, DAY_MS);
      this.timer.unref();
    }, msUntilNextRun(new Date()));
    first.unref();
    this.timer = first;
  }

  onApplicationShutdown(): void {
    clearTimeout(this.timer);
    clearInterval(this.timer);
  }
}
