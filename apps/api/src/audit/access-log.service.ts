import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CITIZEN_VIEW_WINDOW_SECONDS } from '@outcomes/contracts';
import type { AccessLogEntry, AccessLogVerification, CitizenAccess, RawListQuery } from '@outcomes/contracts';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config';
import { manyAndCount } from '../common/list-query/list-page';
import type { ListPage } from '../common/list-query/list-page';
import { applyListQuery } from '../common/list-query/apply-list-query';
import { parseListQueryOr400 } from '../common/list-query/parse-list-query-or-400';
import type { ListSpec } from '../common/list-query/list-query';
import { Db } from '../tenancy/db.service';
import { AccessLogAnchors } from './access-log-anchors.service';
import type { AuthUser } from '../auth/auth-user';
import { inOneSnapshot, verifyAccessLog } from './access-log-verify';
import { ApiException } from '../common/errors/api.exception';
import { AccessLogEntity } from './access-log.entity';
import { AccessLogWriter } from './access-log.writer';

const LIST_SPEC: ListSpec = {
  fields: {
    id: { type: 'sequence', column: 'seq', filterable: true },
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
    citizenIds: row.citizenIds && row.citizenIds.length > 0 ? row.citizenIds : null,
    change: row.change ?? null,
  };
}

/** The rows that name a citizen, in `citizen_id` or `citizen_ids` (through both indexes; see the migration AccessLogContent). */
const CITIZEN_ROWS = 'SELECT access_log_citizen_seqs(:citizenId)';

/**
 * A citizen's accesses grouped into views: per user, in chain order, a successful read or search
 * no more than the window after the one before continues that user's view; anything else (a write,
 * a refusal, a not-found, a longer pause) starts a new entry. Newest first.
 */
const VIEWS = `
  WITH hits AS (
    SELECT r.seq, r.at, r.user_id, r.action, (r.action IN ('read', 'search') AND r.outcome = 'ok') AS viewing
    FROM access_log r WHERE r.seq IN (SELECT access_log_citizen_seqs($1))
  ), marked AS (
    SELECT h.*, CASE WHEN h.viewing AND lag(h.viewing) OVER w AND h.at - lag(h.at) OVER w <= make_interval(secs => $2) THEN 0 ELSE 1 END AS starts
    FROM hits h WINDOW w AS (PARTITION BY h.user_id ORDER BY h.seq)
  ), views AS (
    SELECT m.*, sum(m.starts) OVER (PARTITION BY m.user_id ORDER BY m.seq) AS view_no FROM marked m
  )`;
const HISTORY_SQL = `${VIEWS}
  SELECT min(seq)::text AS first_seq, max(seq)::text AS last_seq, count(*)::int AS requests, bool_or(action = 'read') AS has_read,
         count(*) OVER ()::int AS total
  FROM views GROUP BY user_id, view_no ORDER BY max(seq) DESC OFFSET $3 LIMIT $4`;
/** What an admin is told when the log is broken outside their own chain: not where, nor how much. */
const OTHER_CHAIN_BROKEN = 'another chain of the access log is not intact; the national operator sees which';

/** What a refused verification (one already running for the municipality) suggests to wait. */
const VERIFY_RUNNING_RETRY_SECONDS = 10;

function verifyBusy(seconds: number, message: string): ApiException {
  return new ApiException(429, 'VERIFY_BUSY', message, undefined, { retryAfterSeconds: seconds });
}

const HISTORY_COUNT_SQL = `${VIEWS} SELECT count(DISTINCT (user_id, view_no))::int AS total FROM views`;

const HISTORY_SPEC: ListSpec = {
  fields: {
    seq: { type: 'number', column: 'seq', sortable: true },
    at: { type: 'datetime', column: 'at', sortable: true },
  },
  searchColumns: [],
  defaultSort: ['seq', 'DESC'],
};

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
    private readonly writer: AccessLogWriter,
  ) {}

  /**
   * The municipality's log. A `citizenId` filter finds the citizen where "who has seen this" does: in
   * `citizen_id` or among the `citizen_ids` of a list, a lookup or a group.
   */
  async list(raw: RawListQuery): Promise<ListPage<AccessLogEntry>> {
    const query = parseListQueryOr400(raw, LIST_SPEC);
    const qb = this.db.repo(AccessLogEntity).createQueryBuilder('r');
    const citizen = query.conditions.find((c) => c.kind === 'eq' && c.column === 'citizen_id');
    if (citizen?.kind === 'eq' && typeof citizen.value === 'string') {
      query.conditions = query.conditions.filter((c) => c !== citizen);
      qb.andWhere(`r.seq IN (${CITIZEN_ROWS})`, { citizenId: citizen.value });
    }
    const [rows, total] = await manyAndCount(applyListQuery(qb, query, 'seq'));
    return { rows: rows.map(toEntry), offset: query.offset, total };
  }

  /**
   * "Who has seen this citizen": every logged access to the citizen (in `citizen_id` or `citizen_ids`),
   * one entry per view of the citizen (see HISTORY_SQL and CITIZEN_VIEW_WINDOW_SECONDS), with the name
   * of who made it, for the staff who treat them (a citizen may ask; Datatilsynet). Only the own
   * municipality's rows. Each entry says how many logged requests it was and which (`firstSeq`..`lastSeq`),
   * so it can be found in the admin's log.
   */
  async historyOf(citizenId: string, raw: RawListQuery): Promise<ListPage<CitizenAccess>> {
    // The whole query is checked (a bad sort or filter is a 400 as on every list); views come newest first.
    const query = parseListQueryOr400(raw, HISTORY_SPEC);
    const manager = this.db.manager();
    // This request is itself a read of the citizen: written first, in this transaction, so the answer
    // counts it. (Before, the panel read the log before its own read and the page's other reads had
    // committed, and a citizen nobody had opened yet showed "no access recorded" beside three new rows.)
    const ctx = this.db.context();
    ctx.accesses.push({ action: 'read', resource: 'citizens', recordId: citizenId, citizenId, outcome: 'ok' });
    await this.writer.append(manager, ctx);
    ctx.selfLogged = true;
    const views = (await manager.query(HISTORY_SQL, [citizenId, CITIZEN_VIEW_WINDOW_SECONDS, query.offset, query.limit])) as {
      first_seq: string; last_seq: string; requests: number; has_read: boolean; total: number;
    }[];
    if (views.length === 0) {
      const [{ total }] = (await manager.query(HISTORY_COUNT_SQL, [citizenId, CITIZEN_VIEW_WINDOW_SECONDS])) as [{ total: number }];
      return { rows: [], offset: query.offset, total };
    }
    const firsts = await this.db.repo(AccessLogEntity).createQueryBuilder('r').where('r.seq = ANY(:seqs)', { seqs: views.map((v) => v.first_seq) }).getMany();
    const bySeq = new Map(firsts.map((r) => [String(r.seq), r]));
    const userIds = [...new Set(firsts.map((r) => r.userId))];
    const names = new Map<string, string>(
      userIds.length === 0
        ? []
        : ((await manager.query('SELECT id, display_name FROM app_user WHERE id = ANY($1)', [userIds])) as { id: string; display_name: string }[]).map((u) => [u.id, u.display_name]),
    );
    const rows = views.flatMap((v): CitizenAccess[] => {
      const first = bySeq.get(v.first_seq);
      if (!first) return [];
      const entry = toEntry(first);
      return [{ ...entry, action: v.has_read ? 'read' : entry.action, userDisplayName: names.get(first.userId) ?? null, requests: v.requests, firstSeq: Number(v.first_seq), lastSeq: Number(v.last_seq) }];
    });
    return { rows, offset: query.offset, total: views[0]?.total ?? rows.length };
  }

  /**
   * The whole log is verified (a break anywhere is the log's), but a municipality's admin is shown
   * their own chain's verdict only: the others' row counts and broken rows tell how much another
   * municipality does (the session's attacker review). The national operator sees every chain.
   */
  async verify(user: AuthUser): Promise<AccessLogVerification> {
    await this.admitVerify(user);
    const verdict = await inOneSnapshot(this.dataSource, (query) => verifyAccessLog(query, this.config.secrets.auditKey));
    if (user.role === 'operator') return verdict;
    const own = verdict.chains?.filter((c) => c.chain === user.municipalityId) ?? [];
    const chain = own[0];
    // The top level too speaks of the own chain only: the whole log's row count, or another chain's
    // broken row and reason, would tell another municipality's activity (the review of 2026-12-06).
    const othersIntact = (verdict.chains ?? []).every((c) => c.chain === user.municipalityId || c.ok);
    return {
      ok: verdict.ok,
      checked: chain?.checked ?? 0,
      firstBrokenSeq: chain && !chain.ok ? chain.firstBrokenSeq : null,
      reason: chain && !chain.ok ? chain.reason : othersIntact ? null : OTHER_CHAIN_BROKEN,
      chains: own,
    };
  }

  /**
   * The verification walks the whole log: a user who may ask for it must not be able to make the
   * database do that without bound (decision 173). At most ACCESS_LOG_VERIFY_CONCURRENT run at once
   * per municipality (the operator's 'national' is one), across replicas: a transaction-scoped
   * advisory lock, held by the request's own transaction until it commits (the walk and its log row
   * inside), freed by a rollback or a lost connection too. Then at most ACCESS_LOG_VERIFY_PER_MINUTE
   * per user, counted from the log itself (the verifications this user's earlier requests wrote, in
   * any replica; the index on user and time serves it). A refusal is 429 VERIFY_BUSY with
   * Retry-After, before a second connection is taken for the walk; it writes nothing.
   */
  private async admitVerify(user: AuthUser): Promise<void> {
    const manager = this.db.manager();
    const chain = user.municipalityId ?? 'national';
    const slots = this.config.accessLogVerifyConcurrent;
    let free = false;
    // One slot only: the first free one (a single query over every slot would take them all).
    for (let slot = 0; slot < slots && !free; slot++) {
      const [row] = (await manager.query(`SELECT pg_try_advisory_xact_lock(815005, hashtext($1)) AS free`, [`${chain}:${slot}`])) as { free: boolean }[];
      free = row?.free ?? false;
    }
    if (!free) {
      throw verifyBusy(
        VERIFY_RUNNING_RETRY_SECONDS,
        `A verification of the access log is already running for your municipality (at most ${slots} at a time); ask again when it has finished, in about ${VERIFY_RUNNING_RETRY_SECONDS} s. / Adgangsloggen kontrolleres allerede for jeres kommune; prøv igen, når kontrollen er færdig.`,
      );
    }
    const limit = this.config.accessLogVerifyPerMinute;
    const [recent] = (await manager.query(
      `SELECT count(*)::int AS n, greatest(1, ceil(extract(epoch FROM min(at) + interval '1 minute' - now())))::int AS wait
         FROM access_log WHERE user_id = $1 AND resource = 'access-log' AND action = 'read' AND at > now() - interval '1 minute'`,
      [user.id],
    )) as { n: number; wait: number | null }[];
    if ((recent?.n ?? 0) >= limit) {
      const wait = recent?.wait ?? 60;
      throw verifyBusy(
        wait,
        `You have verified the access log ${recent?.n} times within the last minute, the most one user may (${limit}); ask again in ${wait} s. / Du har kontrolleret adgangsloggen ${recent?.n} gange inden for det seneste minut, det højeste antal; prøv igen om ${wait} sekunder.`,
      );
    }
  }

  /**
   * Removes rows older than the retention the database holds (the owner sets it from
   * AUDIT_RETENTION_DAYS); the retention anchor keeps what remains verifiable. The new retention
   * anchor is signed into the anchor sink before the transaction commits: a prune that cannot be
   * signed does not happen, and one the API did not sign shows in `audit-verify`.
   */
  async prune(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      // One row per chain that lost rows (decision 127), or one row with nothing removed.
      const results = (await manager.query('SELECT chain, removed::int AS removed, anchor_seq::text AS seq, anchor_hash AS hash, cutoff FROM access_log_prune()')) as {
        chain: string | null;
        removed: number;
        seq: string | null;
        hash: string | null;
        cutoff: Date;
      }[];
      const pruned = results.filter((r) => r.removed > 0 && r.chain && r.seq && r.hash);
      if (pruned.length === 0) return 0;
      // A retention shortened in the database (by its owner) is not this API's to sign.
      const allowed = Date.now() - this.config.auditRetentionDays * DAY_MS + CLOCK_SLACK_MS;
      const cutoff = pruned[0]?.cutoff as Date;
      if (cutoff.getTime() > allowed) {
        throw new Error(`the database's access-log retention (cut-off ${cutoff.toISOString()}) is shorter than AUDIT_RETENTION_DAYS=${this.config.auditRetentionDays}; nothing removed`);
      }
      let removed = 0;
      for (const r of pruned) {
        this.anchors.record({ kind: 'prune', chain: r.chain as string, seq: r.seq as string, hash: r.hash as string, cutoff: r.cutoff.toISOString(), removed: r.removed });
        this.logger.log({ chain: r.chain, removed: r.removed, cutoff: r.cutoff, anchorSeq: r.seq }, 'access log rows past retention removed');
        removed += r.removed;
      }
      return removed;
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
