import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config';
import type { RequestContext } from '../tenancy/request-context';
import { canonicalJson, chainHash, GENESIS, normaliseChange, normaliseCitizenIds } from './access-log-chain';
import type { ChainedRow } from './access-log-chain';

const COLUMNS = ['seq', 'at', 'user_id', 'role', 'municipality_id', 'action', 'resource', 'record_id', 'citizen_id', 'criterion', 'address', 'outcome', 'citizen_ids', 'change', 'prev_hash', 'hash'];

const values = (r: ChainedRow): unknown[] => [r.seq, r.at, r.userId, r.role, r.municipalityId, r.action, r.resource, r.recordId, r.citizenId, r.criterion, r.address, r.outcome, r.citizenIds, r.change === null ? null : canonicalJson(r.change), r.prevHash, r.hash];

/**
 * Appends a request's accesses to the hash chain, inside the request's own transaction, in two round
 * trips: access_log_reserve() takes the append lock (held to COMMIT, so appends across requests and
 * replicas take turns) and answers the chain's head and the rows' sequence numbers; one INSERT
 * writes them, hashed here with the key the database never sees.
 */
@Injectable()
export class AccessLogWriter {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async append(manager: EntityManager, ctx: RequestContext): Promise<void> {
    if (ctx.accesses.length === 0) return;
    const [reserved] = (await manager.query('SELECT prev_hash, seqs FROM access_log_reserve($1)', [ctx.accesses.length])) as [{ prev_hash: string | null; seqs: string[] }];
    let prevHash = reserved.prev_hash ?? GENESIS;
    const at = new Date();
    const rows = ctx.accesses.map((access, i): ChainedRow => {
      const row = {
        seq: reserved.seqs[i] as string,
        at,
        userId: ctx.user.id,
        role: ctx.user.role,
        municipalityId: access.municipalityId ?? ctx.user.municipalityId,
        action: access.action,
        resource: access.resource,
        recordId: access.recordId ?? null,
        citizenId: access.citizenId ?? null,
        criterion: access.criterion ?? null,
        address: ctx.address,
        outcome: access.outcome,
        citizenIds: normaliseCitizenIds(access.citizenIds),
        change: normaliseChange(access.change),
        prevHash,
      };
      prevHash = chainHash(this.config.secrets.auditKey, row);
      return { ...row, hash: prevHash };
    });
    const placeholders = rows.map((_, r) => `(${COLUMNS.map((__, c) => `$${r * COLUMNS.length + c + 1}`).join(', ')})`);
    await manager.query(`INSERT INTO access_log (${COLUMNS.join(', ')}) VALUES ${placeholders.join(', ')}`, rows.flatMap(values));
    ctx.accesses = [];
  }
}
