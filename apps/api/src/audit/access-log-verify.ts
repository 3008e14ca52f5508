import type { AccessLogVerification } from '@outcomes/contracts';
import { chainOfStored, GENESIS, LEGACY_CHAIN, NATIONAL_CHAIN, verifyRows } from './access-log-chain';
import type { ChainedRow } from './access-log-chain';
import type { DataSource } from 'typeorm';

export type Query = (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

/**
 * Runs `read` in one snapshot (a REPEATABLE READ READ ONLY transaction), as every walk of the log
 * must (decision 183): seqs are drawn ahead in blocks, so a row with a lower seq may commit after
 * rows of other chains with higher seqs, and pages read in separate snapshots could miss it and
 * show the next row of its chain as a break. In one snapshot each chain is a prefix of itself
 * (within a chain seq order is commit order).
 */
export async function inOneSnapshot<T>(dataSource: DataSource, read: (query: Query) => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('START TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const result = await read((sql, params) => runner.query(sql, params) as Promise<Record<string, unknown>[]>);
    await runner.query('COMMIT');
    return result;
  } catch (error) {
    await runner.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await runner.release();
  }
}

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
    apiTokenId: (r['api_token_id'] as string | null | undefined) ?? null,
    prevHash: r['prev_hash'] as string,
    hash: r['hash'] as string,
  };
}

/** One chain's verdict, and where it ends, for the anchor check. */
export interface ChainVerdict {
  chain: string;
  ok: boolean;
  checked: number;
  firstBrokenSeq: number | null;
  reason: string | null;
  /** The chain's last row, or null when it has none. */
  tail: { seq: string; hash: string } | null;
  /** Where the chain starts after retention removed its oldest rows, or null. */
  retention: { seq: string; hash: string } | null;
}

export interface ChainsVerification extends AccessLogVerification {
  chains: ChainVerdict[];
}

interface Walk {
  verdict: ChainVerdict;
  head: string;
}

const LEGACY_TAIL_CUT = 'the legacy chain ends before the row the split recorded as its head (its newest rows were removed)';

/**
 * Walks every chain (decision 127) in one pass over the rows in seq order, across municipalities
 * (through access_log_rows, which the API's own role may call): each row must follow the previous
 * row of its own chain, starting from that chain's retention anchor, or from the split's hash (a
 * municipality's chain) or the genesis hash (the legacy chain). A broken chain is named at its first
 * broken row; the other chains are still walked. Used by the admin endpoint and `npm run audit:verify`.
 */
export async function verifyChains(query: Query, key: string): Promise<ChainsVerification> {
  const [split] = await query('SELECT seq::text AS seq, hash::text AS hash FROM access_log_split WHERE id = 1');
  const splitSeq = (split?.['seq'] as string | undefined) ?? '0';
  const splitHash = (split?.['hash'] as string | undefined) ?? GENESIS;
  const anchors = new Map<string, { seq: string; hash: string }>();
  for (const a of await query('SELECT seq::text AS seq, hash::text AS hash FROM access_log_anchor WHERE id = 1')) anchors.set(LEGACY_CHAIN, { seq: a['seq'] as string, hash: a['hash'] as string });
  for (const a of await query('SELECT chain, seq::text AS seq, hash::text AS hash FROM access_log_chain_anchor')) anchors.set(a['chain'] as string, { seq: a['seq'] as string, hash: a['hash'] as string });

  const walks = new Map<string, Walk>();
  const walkOf = (chain: string): Walk => {
    let walk = walks.get(chain);
    if (!walk) {
      const retention = anchors.get(chain) ?? null;
      walk = { verdict: { chain, ok: true, checked: 0, firstBrokenSeq: null, reason: null, tail: null, retention }, head: retention?.hash ?? (chain === LEGACY_CHAIN ? GENESIS : splitHash) };
      walks.set(chain, walk);
    }
    return walk;
  };
  for (const chain of anchors.keys()) walkOf(chain);
  if (BigInt(splitSeq) > 0n) walkOf(LEGACY_CHAIN);

  let after = '0';
  for (;;) {
    const rows = (await query('SELECT * FROM access_log_rows($1, $2)', [after, PAGE])).map(toChained);
    if (rows.length === 0) break;
    for (const row of rows) {
      const walk = walkOf(chainOfStored(row, splitSeq));
      walk.verdict.tail = { seq: row.seq, hash: row.hash };
      if (!walk.verdict.ok) continue;
      const result = verifyRows(key, [row], walk.head, walk.verdict.checked);
      if (result.ok) {
        walk.head = result.head;
        walk.verdict.checked = result.checked;
      } else {
        Object.assign(walk.verdict, { ok: false, firstBrokenSeq: result.firstBrokenSeq, reason: result.reason });
      }
    }
    after = rows[rows.length - 1]?.seq ?? after;
  }
  // Every chain after the split starts from the legacy head's hash: the legacy chain must end there.
  const legacy = walks.get(LEGACY_CHAIN);
  if (legacy?.verdict.ok && legacy.head !== splitHash) Object.assign(legacy.verdict, { ok: false, firstBrokenSeq: Number(splitSeq), reason: LEGACY_TAIL_CUT });

  const chains = [...walks.values()].map((w) => w.verdict);
  const checked = chains.reduce((n, c) => n + c.checked, 0);
  const broken = chains.filter((c) => !c.ok).sort((a, b) => (a.firstBrokenSeq ?? 0) - (b.firstBrokenSeq ?? 0));
  const first = broken[0];
  return { ok: !first, checked, firstBrokenSeq: first?.firstBrokenSeq ?? null, reason: first ? `${first.reason} (in the ${chainLabel(first.chain)} chain)` : null, chains };
}

/** How a chain is named to a person: its municipality's id, "national" or "legacy". */
export function chainLabel(chain: string): string {
  return chain === LEGACY_CHAIN || chain === NATIONAL_CHAIN ? chain : `municipality ${chain}`;
}

/** The verdict the API answers and the chain-only CLI prints: the whole log, and each chain's. */
export async function verifyAccessLog(query: Query, key: string): Promise<AccessLogVerification> {
  const { chains, ...verdict } = await verifyChains(query, key);
  return { ...verdict, chains: chains.map(({ chain, ok, checked, firstBrokenSeq, reason }) => ({ chain, ok, checked, firstBrokenSeq, reason })) };
}
