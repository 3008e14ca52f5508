import type { KeyObject } from 'node:crypto';
import { verifyChains } from './access-log-verify';
import type { Query } from './access-log-verify';
import { anchoredSeqs, checkAgainstAnchors } from './anchor-check';
import type { AnchoredVerification } from './anchor-check';
import type { ParsedAnchors } from './anchor-signing';

const LOOKUP_PAGE = 10_000;

/**
 * The whole check `audit-verify` makes: every chain from its retention anchor on (verifyChains),
 * then every signed anchor against its own chain's rows. Reads through the SECURITY DEFINER
 * functions, so it runs as the owner or as the API's own role alike.
 */
export async function verifyAgainstAnchors(query: Query, auditKey: string, parsed: ParsedAnchors, keys: KeyObject[], retentionDays: number): Promise<AnchoredVerification> {
  const { chains, ...chain } = await verifyChains(query, auditKey);
  const rowHashes = new Map<string, string>();
  const seqs = anchoredSeqs(parsed);
  for (let i = 0; i < seqs.length; i += LOOKUP_PAGE) {
    const rows = await query('SELECT seq::text AS seq, hash FROM access_log_hashes($1::bigint[])', [seqs.slice(i, i + LOOKUP_PAGE)]);
    for (const row of rows) rowHashes.set(row['seq'] as string, row['hash'] as string);
  }
  return checkAgainstAnchors({ parsed, keys, chain, chains, rowHashes, retentionDays });
}
