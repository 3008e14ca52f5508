import { createHmac } from 'node:crypto';
import type { AccessAction, AccessOutcome, Role } from '@outcomes/contracts';

/** An access to record, before it gets its place in the chain. */
export interface PendingAccess {
  action: AccessAction;
  resource: string;
  recordId?: string | null;
  citizenId?: string | null;
  criterion?: string | null;
  /** Every citizen the answer carried (a list's page, a group's members, what a lookup found). */
  citizenIds?: string[];
  /** A write's before and after (reference data, users, grants, settings). */
  change?: { before: unknown; after: unknown } | null;
  outcome: AccessOutcome;
  /**
   * Whose log the row is in, when not the user's own municipality: a read of another municipality's
   * citizen under emergency access is written to the owner's log too (the database lets the app role
   * do so only for a citizen shared with the user in this transaction: policy shared_citizen_log).
   */
  municipalityId?: string;
}

export type AccessChange = { before: unknown; after: unknown };

/** A row as stored: the fields the hash covers. */
export interface ChainedRow {
  seq: string;
  at: Date;
  userId: string;
  role: Role | string;
  municipalityId: string | null;
  action: string;
  resource: string;
  recordId: string | null;
  citizenId: string | null;
  criterion: string | null;
  address: string | null;
  outcome: string;
  /** Null, or a non-empty list of lower-case citizen ids. */
  citizenIds: string[] | null;
  change: AccessChange | null;
  /** The personal API token the request was made with (issue 24); null or absent for a signed-in session. */
  apiTokenId?: string | null;
  prevHash: string;
  hash: string;
}

/**
 * JSON with every object's keys in code-point order, recursively: PostgreSQL's jsonb keeps its own key
 * order, so a change read back hashes the same only when both sides write it this way.
 */
export function canonicalJson(value: unknown): string {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return canonicalJson((value as { toJSON: () => unknown }).toJSON());
  }
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The citizen ids as stored and hashed: lower case, each once, sorted; null when there are none. */
export function normaliseCitizenIds(ids: readonly string[] | null | undefined): string[] | null {
  if (!ids || ids.length === 0) return null;
  return [...new Set(ids.map((id) => id.toLowerCase()))].sort();
}

/** A change as stored and hashed: what JSON keeps of it (dates as ISO text, no undefined), or null. */
export function normaliseChange(change: AccessChange | null | undefined): AccessChange | null {
  if (!change) return null;
  return JSON.parse(canonicalJson({ before: change.before ?? null, after: change.after ?? null })) as AccessChange;
}

/** The hash of the empty chain. */
export const GENESIS = '0'.repeat(64);

/** The rows written before the per-municipality chains (decision 127): one global chain. */
export const LEGACY_CHAIN = 'legacy';
/** The chain of rows without a municipality (the national operator's). */
export const NATIONAL_CHAIN = 'national';

/** The chain a new row joins: its municipality's (as PostgreSQL writes a uuid: lower case), or the national one. */
export function chainOf(municipalityId: string | null): string {
  return municipalityId === null ? NATIONAL_CHAIN : municipalityId.toLowerCase();
}

/** The chain of a stored row: the legacy chain up to the split, its municipality's after it. */
export function chainOfStored(row: Pick<ChainedRow, 'seq' | 'municipalityId'>, splitSeq: string): string {
  return BigInt(row.seq) <= BigInt(splitSeq) ? LEGACY_CHAIN : chainOf(row.municipalityId);
}

/**
 * HMAC-SHA-256 over the previous hash and every field, in a fixed order; the key never enters the
 * database. `citizenIds`, `change` and `apiTokenId` came later: they are appended, each labelled, only
 * when present, so every row written before them still hashes to what it was written with.
 */
export function chainHash(key: string, row: Omit<ChainedRow, 'hash'>): string {
  const fields: unknown[] = [
    row.prevHash,
    String(row.seq),
    row.at.toISOString(),
    row.userId,
    row.role,
    row.municipalityId,
    row.action,
    row.resource,
    row.recordId,
    row.citizenId,
    row.criterion,
    row.address,
    row.outcome,
  ];
  if (row.citizenIds && row.citizenIds.length > 0) fields.push({ citizenIds: row.citizenIds });
  if (row.change) fields.push({ change: row.change });
  if (row.apiTokenId) fields.push({ apiTokenId: row.apiTokenId });
  return createHmac('sha256', key).update(canonicalJson(fields)).digest('hex');
}

export interface ChainCheck {
  ok: boolean;
  checked: number;
  firstBrokenSeq: number | null;
  reason: string | null;
  /** The last good hash, to continue with the next page of rows. */
  head: string;
}

/** Checks rows in seq order, starting from `startHash` (the anchor, or the genesis hash). */
export function verifyRows(key: string, rows: ChainedRow[], startHash: string, checkedBefore = 0): ChainCheck {
  let prev = startHash;
  let checked = checkedBefore;
  for (const row of rows) {
    if (row.prevHash !== prev) {
      return { ok: false, checked, firstBrokenSeq: Number(row.seq), reason: 'the row does not follow the one before it (a row was removed or inserted)', head: prev };
    }
    if (chainHash(key, row) !== row.hash) {
      return { ok: false, checked, firstBrokenSeq: Number(row.seq), reason: 'the row was changed after it was written', head: prev };
    }
    prev = row.hash;
    checked++;
  }
  return { ok: true, checked, firstBrokenSeq: null, reason: null, head: prev };
}
