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
import { AccessLogAnchors } from './access-log-anchors.service';
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
/** The API's and the database's clocks differ a little. */
const CLOCK_SLACK_MS = 5 * 60 * 1000;

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
    private readonly anchors: AccessLogAnchors,
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

  /**
   * Removes rows older than the retention the database holds (the owner sets it from
   * AUDIT_RETENTION_DAYS); the retention anchor keeps what remains verifiable. The new retention
   * anchor is signed into the anchor sink before the transaction commits: a prune that cannot be
   * signed does not happen, and one the API did not sign shows in `audit-verify`.
   */
  async prune(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [result] = (await manager.query('SELECT removed::int AS removed, anchor_seq::text AS seq, anchor_hash AS hash, cutoff FROM access_log_prune()')) as [
        { removed: number; seq: string | null; hash: string | null; cutoff: Date },
      ];
      if (result.removed === 0 || !result.seq || !result.hash) return 0;
      // A retention shortened in the database (by its owner) is not this API's to sign.
      const allowed = Date.now() - this.config.auditRetentionDays * DAY_MS + CLOCK_SLACK_MS;
      if (result.cutoff.getTime() > allowed) {
        throw new Error(`the database's access-log retention (cut-off ${result.cutoff.toISOString()}) is shorter than AUDIT_RETENTION_DAYS=${this.config.auditRetentionDays}; nothing removed`);
      }
      this.anchors.record({ kind: 'prune', seq: result.seq, hash: result.hash, cutoff: result.cutoff.toISOString(), removed: result.removed });
      this.logger.log({ removed: result.removed, cutoff: result.cutoff, anchorSeq: result.seq }, 'access log rows past retention removed');
      return result.removed;
    });
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
