import { Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TenantTransaction } from '../tenancy/tenant-transaction.service';
import { allMunicipalityIds } from './retention.queries';
import { runInEveryMunicipality } from './retention-nightly';
import { DAY_MS, msUntilNextRun } from './retention-schedule';
import { RetentionService } from './retention.service';

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
    const municipalityIds = await allMunicipalityIds(this.dataSource.manager);
    return runInEveryMunicipality(municipalityIds, (user) => this.tenant.run(user, null, () => this.service.run('schedule')), this.logger);
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
