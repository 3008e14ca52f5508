import { createHmac } from 'node:crypto';
import type { AccessAction, AccessOutcome, Role } from '@outcomes/contracts';

/** An access to record, before it gets its place in the chain. */
export interface PendingAccess {
  action: AccessAction;
  resource: string;
  recordId?: string | null;
  citizenId?: string | null;
  criterion?: string | null;
  outcome: AccessOutcome;
  /** Every citizen an answer carried (a list's page), for "who has seen this citizen". */
  citizenIds?: string[];
  /** A change to reference data, users, grants or settings: the record before and after. */
  change?: { before: unknown; after: unknown } | null;
}

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
  prevHash: string;
  hash: string;
}

/** The hash of the empty chain. */
export const GENESIS = '0'.repeat(64);

/** HMAC-SHA-256 over the previous hash and every field, in a fixed order; the key never enters the database. */
export function chainHash(key: string, row: Omit<ChainedRow, 'hash'>): string {
  const canonical = JSON.stringify([
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
  ]);
  return createHmac('sha256', key).update(canonical).digest('hex');
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
