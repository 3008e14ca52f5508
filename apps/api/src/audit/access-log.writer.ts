import { Inject, Injectable } from '@nestjs/common';
import { escapeLiteral } from 'pg';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config';
import type { RequestContext } from '../tenancy/request-context';
import { canonicalJson, chainHash, chainOf, normaliseChange, normaliseCitizenIds } from './access-log-chain';
import type { ChainedRow } from './access-log-chain';

const COLUMNS = ['seq', 'at', 'user_id', 'role', 'municipality_id', 'action', 'resource', 'record_id', 'citizen_id', 'criterion', 'address', 'outcome', 'citizen_ids', 'change', 'api_token_id', 'prev_hash', 'hash'];

const values = (r: ChainedRow): unknown[] => [r.seq, r.at, r.userId, r.role, r.municipalityId, r.action, r.resource, r.recordId, r.citizenId, r.criterion, r.address, r.outcome, r.citizenIds, r.change === null ? null : canonicalJson(r.change), r.apiTokenId ?? null, r.prevHash, r.hash];

/**
 * A value of an access-log row as an SQL literal, of the kinds values() makes and no other (a kind
 * added there must be added here, or the INSERT fails rather than store it differently): text as
 * text (the column's type converts it, as it does a parameter's text; the seq is text too), a time as
 * its ISO text (what the hash covers; the column is timestamptz), a list of ids as an array literal.
 */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'string') return escapeLiteral(value);
  if (value instanceof Date) return escapeLiteral(value.toISOString());
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
    return escapeLiteral(`{${value.map((v: string) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`);
  }
  throw new Error(`access log: no literal for a ${typeof value}`);
}

/**
 * Appends a request's accesses to their municipalities' hash chains (decision 127), inside the
 * request's own transaction, in two round trips: access_log_reserve() takes the append lock of each
 * chain the rows fall in (held to COMMIT, so appends to one chain take turns, while other
 * municipalities' do not wait) and answers each chain's head and the rows' sequence numbers; one
 * INSERT writes them, each linked to its own chain's previous row, hashed here with the key the
 * database never sees.
 */
@Injectable()
export class AccessLogWriter {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async append(manager: EntityManager, ctx: RequestContext): Promise<void> {
    const insert = await this.prepare(manager, ctx);
    if (insert) await manager.query(insert.text, insert.values);
  }

  /**
   * The INSERT of the request's rows, as one SQL text with its values written in as literals, to be
   * sent with the COMMIT in one round trip (tenant-transaction.service.ts, decision 181): the chain's
   * lock is then held across one wait for the API's event loop (after access_log_reserve()), not two.
   * The rows, their hashes and the lock are append()'s exactly. Undefined when there is nothing to log.
   */
  async insertSql(manager: EntityManager, ctx: RequestContext): Promise<string | undefined> {
    const insert = await this.prepare(manager, ctx);
    return insert && insert.text.replace(/\$(\d+)/g, (_, n: string) => literal(insert.values[Number(n) - 1]));
  }

  /** Reserves the rows' places (taking the chains' locks), hashes them and answers their INSERT, or undefined for no rows. */
  private async prepare(manager: EntityManager, ctx: RequestContext): Promise<{ text: string; values: unknown[] } | undefined> {
    if (ctx.accesses.length === 0) return undefined;
    const municipalities = ctx.accesses.map((access) => access.municipalityId ?? ctx.user.municipalityId);
    const chains = [...new Set(municipalities.map(chainOf))];
    const [reserved] = (await manager.query('SELECT chains, prev_hashes, seqs FROM access_log_reserve($1::text[], $2)', [chains, ctx.accesses.length])) as [
      { chains: string[]; prev_hashes: string[]; seqs: string[] },
    ];
    const heads = new Map(reserved.chains.map((chain, i) => [chain, reserved.prev_hashes[i] as string]));
    const at = new Date();
    const rows = ctx.accesses.map((access, i): ChainedRow => {
      const municipalityId = municipalities[i] as string | null;
      const chain = chainOf(municipalityId);
      const row = {
        seq: reserved.seqs[i] as string,
        at,
        userId: ctx.user.id,
        role: ctx.user.role,
        municipalityId,
        action: access.action,
        resource: access.resource,
        recordId: access.recordId ?? null,
        citizenId: access.citizenId ?? null,
        criterion: access.criterion ?? null,
        address: ctx.address,
        outcome: access.outcome,
        citizenIds: normaliseCitizenIds(access.citizenIds),
        change: normaliseChange(access.change),
        apiTokenId: ctx.user.apiTokenId ?? null,
        prevHash: heads.get(chain) as string,
      };
      const hash = chainHash(this.config.secrets.auditKey, row);
      heads.set(chain, hash);
      return { ...row, hash };
    });
    const placeholders = rows.map((_, r) => `(${COLUMNS.map((__, c) => `$${r * COLUMNS.length + c + 1}`).join(', ')})`);
    ctx.accesses = [];
    return { text: `INSERT INTO access_log (${COLUMNS.join(', ')}) VALUES ${placeholders.join(', ')}`, values: rows.flatMap(values) };
  }
}
