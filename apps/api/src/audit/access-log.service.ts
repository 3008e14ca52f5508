import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AccessLogEntry, AccessLogVerification, CitizenAccess, RawListQuery } from '@outcomes/contracts';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config';
import type { ListPage } from '../common/crud/crud.service';
import { listPage } from '../common/list-query/list-page';
import type { ListSpec } from '../common/list-query/list-query';
import { Db } from '../tenancy/db.service';
import { verifyAccessLog } from './access-log-verify';
import { AccessLogEntity } from './access-log.entity';

const LIST_SPEC: ListSpec = {
  fields: {
    id: { type: 'number', column: 'seq', filterable: true },
    seq: { type: 'number', column: 'seq', sortable: true, filterable: true },
    at: { type: 'datetime', column: 'at', sortable: true, filterable: true },
    userId: { type: 'uuid', column: 'user_id', sortable: true, filterable: true },
    citizenId: { type: 'uuid', column: 'citizen_id', filterable: true },
    recordId: { type: 'uuid', column: 'record_id', filterable: true },
    resource: { type: 'string', column: 'resource', sortable: true, filterable: true },
    action: { type: 'string', column: 'action', sortable: true, filterable: true },
    outcome: { type: 'string', column: 'outcome', sortable: true, filterable: true },
  },
  searchColumns: [],
  defaultSort: ['seq', 'DESC'],
};

const DAY_MS = 24 * 60 * 60 * 1000;

function toEntry(row: AccessLogEntity): AccessLogEntry {
  return {
    id: row.seq,
    seq: Number(row.seq),
    at: row.at.toISOString(),
    userId: row.userId,
    role: row.role as AccessLogEntry['role'],
    municipalityId: row.municipalityId,
    action: row.action as AccessLogEntry['action'],
    resource: row.resource,
    recordId: row.recordId,
    citizenId: row.citizenId,
    criterion: row.criterion,
    address: row.address,
    outcome: row.outcome as AccessLogEntry['outcome'],
  };
}

/** Reading, verifying and pruning the access log. */
@Injectable()
export class AccessLogService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AccessLog');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Db,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(raw: RawListQuery): Promise<ListPage<AccessLogEntry>> {
    return listPage(this.db.repo(AccessLogEntity).createQueryBuilder('r'), raw, LIST_SPEC, (rows) => rows.map(toEntry), 'seq');
  }

  /**
   * "Who has seen this citizen": every logged access to the citizen, with the name of who made it,
   * for the staff who treat them (a citizen may ask; Datatilsynet). Only the own municipality's rows.
   */
  async historyOf(citizenId: string, raw: RawListQuery): Promise<ListPage<CitizenAccess>> {
    return listPage(this.db.repo(AccessLogEntity).createQueryBuilder('r').where('r.citizen_id = :citizenId', { citizenId }), raw, LIST_SPEC, async (rows) => {
      const userIds = [...new Set(rows.map((r) => r.userId))];
      const names = new Map<string, string>(
        userIds.length === 0
          ? []
          : ((await this.db.manager().query('SELECT id, display_name FROM app_user WHERE id = ANY($1)', [userIds])) as { id: string; display_name: string }[]).map((u) => [u.id, u.display_name]),
      );
      return rows.map((r) => ({ ...toEntry(r), userDisplayName: names.get(r.userId) ?? null }));
    }, 'seq');
  }

  verify(): Promise<AccessLogVerification> {
    return verifyAccessLog((sql, params) => this.dataSource.query(sql, params), this.config.secrets.auditKey);
  }

  /** Removes rows older than the retention period; the anchor keeps what remains verifiable. */
  async prune(): Promise<number> {
    const cutoff = new Date(Date.now() - this.config.auditRetentionDays * DAY_MS);
    const [{ removed }] = (await this.dataSource.query('SELECT access_log_prune($1)::int AS removed', [cutoff])) as [{ removed: number }];
    if (removed > 0) this.logger.log({ removed, cutoff }, 'access log rows past retention removed');
    return removed;
  }

  onApplicationBootstrap(): void {
    const run = (): void => {
      this.prune().catch((error: unknown) => this.logger.warn({ err: error }, 'access log retention failed'));
    };
    run();
    this.timer = setInterval(run, DAY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
