import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config';
import type { RequestContext } from '../tenancy/request-context';
import { chainHash, GENESIS } from './access-log-chain';

// Serialises appends across requests and replicas; held only from here to COMMIT.
const APPEND_LOCK = 815_003;

/** Appends a request's accesses to the hash chain, inside the request's own transaction. */
@Injectable()
export class AccessLogWriter {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async append(manager: EntityManager, ctx: RequestContext): Promise<void> {
    if (ctx.accesses.length === 0) return;
    await manager.query('SELECT pg_advisory_xact_lock($1)', [APPEND_LOCK]);
    const [head] = (await manager.query('SELECT seq, hash FROM access_log_head()')) as { hash: string }[];
    let prevHash = head?.hash ?? GENESIS;
    for (const access of ctx.accesses) {
      const [{ seq }] = (await manager.query(`SELECT nextval('access_log_seq')::text AS seq`)) as [{ seq: string }];
      const row = {
        seq,
        at: new Date(),
        userId: ctx.user.id,
        role: ctx.user.role,
        municipalityId: ctx.user.municipalityId,
        action: access.action,
        resource: access.resource,
        recordId: access.recordId ?? null,
        citizenId: access.citizenId ?? null,
        criterion: access.criterion ?? null,
        address: ctx.address,
        outcome: access.outcome,
        prevHash,
      };
      const hash = chainHash(this.config.secrets.auditKey, row);
      await manager.query(
        `INSERT INTO access_log (seq, at, user_id, role, municipality_id, action, resource, record_id, citizen_id,
                                 criterion, address, outcome, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
        [row.seq, row.at, row.userId, row.role, row.municipalityId, row.action, row.resource, row.recordId,
          row.citizenId, row.criterion, row.address, row.outcome, row.prevHash, hash],
      );
      prevHash = hash;
    }
    ctx.accesses = [];
  }
}
