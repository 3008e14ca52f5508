import type { AccessLogVerification } from '@outcomes/contracts';
import { GENESIS, verifyRows } from './access-log-chain';
import type { ChainedRow } from './access-log-chain';

export type Query = (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

const PAGE = 5000;

/** A stored row (as access_log_rows() answers it) in the shape the chain hashes. */
export function toChained(r: Record<string, unknown>): ChainedRow {
  return {
    seq: String(r['seq']),
    at: r['at'] as Date,
    userId: r['user_id'] as string,
    role: r['role'] as string,
    municipalityId: (r['municipality_id'] as string | null) ?? null,
    action: r['action'] as string,
    resource: r['resource'] as string,
    recordId: (r['record_id'] as string | null) ?? null,
    citizenId: (r['citizen_id'] as string | null) ?? null,
    criterion: (r['criterion'] as string | null) ?? null,
    address: (r['address'] as string | null) ?? null,
    outcome: r['outcome'] as string,
    citizenIds: (r['citizen_ids'] as string[] | null | undefined) ?? null,
    change: (r['change'] as ChainedRow['change'] | undefined) ?? null,
    prevHash: r['prev_hash'] as string,
    hash: r['hash'] as string,
  };
}

/**
 * Walks the whole chain in pages, across municipalities (through access_log_rows, which the API's
 * own role may call), from the retention anchor or the start. Used by the admin endpoint and by
 * `npm run audit:verify`.
 */
export async function verifyAccessLog(query: Query, key: string): Promise<AccessLogVerification> {
  const [anchor] = await query('SELECT seq::text AS seq, hash FROM access_log_anchor WHERE id = 1');
  let after = (anchor?.['seq'] as string | undefined) ?? '0';
  let head = (anchor?.['hash'] as string | undefined) ?? GENESIS;
  let checked = 0;
  for (;;) {
    const rows = (await query('SELECT * FROM access_log_rows($1, $2)', [after, PAGE])).map(toChained);
    if (rows.length === 0) return { ok: true, checked, firstBrokenSeq: null, reason: null };
    const result = verifyRows(key, rows, head, checked);
    if (!result.ok) return { ok: false, checked: result.checked, firstBrokenSeq: result.firstBrokenSeq, reason: result.reason };
    checked = result.checked;
    head = result.head;
    after = rows[rows.length - 1]?.seq ?? after;
  }
}
