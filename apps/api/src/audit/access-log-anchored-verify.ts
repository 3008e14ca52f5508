import type { KeyObject } from 'node:crypto';
import { AccessLogAnchors } from './access-log-anchors.service';
import { verifyAccessLog } from './access-log-verify';
import type { Query } from './access-log-verify';
import { anchoredSeqs, checkAgainstAnchors } from './anchor-check';
import type { AnchoredVerification } from './anchor-check';
import type { ParsedAnchors } from './anchor-signing';

const LOOKUP_PAGE = 10_000;

/**
 * The whole check `audit-verify` makes: the chain from the retention anchor on (verifyAccessLog),
 * then every signed anchor against the rows. Reads through the SECURITY DEFINER functions, so it
 * runs as the owner or as the API's own role alike.
 */
export async function verifyAgainstAnchors(query: Query, auditKey: string, parsed: ParsedAnchors, keys: KeyObject[], retentionDays: number): Promise<AnchoredVerification> {
  const chain = await verifyAccessLog(query, auditKey);
  const [anchorRow] = await query('SELECT seq::text AS seq, hash::text AS hash FROM access_log_anchor WHERE id = 1');
  const retention = anchorRow ? { seq: anchorRow['seq'] as string, hash: anchorRow['hash'] as string } : null;
  const head = await AccessLogAnchors.head(query);
  // access_log_head() answers the retention anchor when no row is left: then there is no tail row.
  const tail = retention && head.seq === retention.seq && head.hash === retention.hash ? null : head.seq === '0' ? null : head;
  const rowHashes = new Map<string, string>();
  const seqs = anchoredSeqs(parsed);
  for (let i = 0; i < seqs.length; i += LOOKUP_PAGE) {
    const rows = await query('SELECT seq::text AS seq, hash FROM access_log_hashes($1::bigint[])', [seqs.slice(i, i + LOOKUP_PAGE)]);
    for (const row of rows) rowHashes.set(row['seq'] as string, row['hash'] as string);
  }
  return checkAgainstAnchors({ parsed, keys, chain, retention, tail, rowHashes, retentionDays });
}
