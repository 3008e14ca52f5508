import type { KeyObject } from 'node:crypto';
import type { AccessLogVerification } from '@outcomes/contracts';
import { LEGACY_CHAIN } from './access-log-chain';
import { chainLabel } from './access-log-verify';
import type { ChainVerdict } from './access-log-verify';
import { checkSignature } from './anchor-signing';
import type { Anchor, ParsedAnchors } from './anchor-signing';

/**
 * What the signed anchors say about the chain in the database. Each kind is a different story
 * for the person reading the verdict:
 * - truncated-tail: an anchor names a row beyond the last one: the newest rows were deleted.
 * - missing-row: a row inside the chain is gone (the chain link is broken, or an anchored row
 *   vanished and the chain was continued past it).
 * - changed-row: a row's own hash does not match its fields (someone without AUDIT_KEY edited it).
 * - rewritten-chain: the chain verifies, yet an anchored hash differs from the row's: the rows
 *   were rewritten and re-hashed by someone holding AUDIT_KEY.
 * - unsigned-retention: the database's retention anchor was never signed by the API: rows were
 *   removed from the front outside access_log_prune() as the API runs it.
 * - short-retention: the API signed a prune whose cut-off is younger than the verifier's
 *   AUDIT_RETENTION_DAYS (the owner shortened the retention in the database).
 * - bad-signature, unknown-key, unreadable-anchor: the anchors themselves are forged or damaged.
 * - no-anchors: nothing to check against (a deleted sink looks like this, too).
 */
export type FindingKind =
  | 'truncated-tail'
  | 'missing-row'
  | 'changed-row'
  | 'rewritten-chain'
  | 'unsigned-retention'
  | 'short-retention'
  | 'bad-signature'
  | 'unknown-key'
  | 'unreadable-anchor'
  | 'no-anchors';

export interface Finding {
  kind: FindingKind;
  /** The hash chain it is about (a municipality's id, 'national', 'legacy'), when there is one. */
  chain?: string;
  /** The row the finding is about, when there is one. */
  seq: string | null;
  message: string;
  /** The anchor lines it rests on (file:line), at most a few. */
  sources?: string[];
}

export interface AnchorCheckInput {
  parsed: ParsedAnchors;
  keys: KeyObject[];
  /** The chain-only verification of the rows (verifyChains), over the whole log. */
  chain: AccessLogVerification;
  /** Each chain's verdict, its retention anchor and its last row (verifyChains). */
  chains: ChainVerdict[];
  /** The stored hash of every anchored seq that still has a row. */
  rowHashes: Map<string, string>;
  /** The verifier's retention: a signed prune with a younger cut-off is reported. */
  retentionDays: number;
}

export interface AnchorSummary {
  read: number;
  valid: number;
  newest: { seq: string; at: string; kind: string } | null;
}

export interface AnchoredVerification {
  ok: boolean;
  chain: AccessLogVerification;
  anchors: AnchorSummary;
  findings: Finding[];
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** Clocks of the API and the database differ a little; a prune is short only beyond this. */
const CLOCK_SLACK_MS = 5 * 60 * 1000;

const big = (s: string): bigint => BigInt(s);

/** The seqs whose rows the verifier must look up. */
export function anchoredSeqs(parsed: ParsedAnchors): string[] {
  return [...new Set(parsed.anchors.map((a) => a.anchor.seq).filter((s) => s !== '0'))];
}

function first<T>(items: T[], n = 3): T[] {
  return items.slice(0, n);
}

export function checkAgainstAnchors(input: AnchorCheckInput): AnchoredVerification {
  const findings: Finding[] = [];
  const { parsed, chain, rowHashes } = input;

  for (const bad of parsed.unreadable) {
    findings.push({ kind: 'unreadable-anchor', seq: null, message: `an anchor line cannot be read (${bad.reason})`, sources: [bad.source] });
  }
  const valid: { anchor: Anchor; source: string }[] = [];
  const forged: string[] = [];
  const unknown: string[] = [];
  for (const entry of parsed.anchors) {
    const check = checkSignature(entry.anchor, input.keys);
    if (check === 'valid') valid.push(entry);
    else if (check === 'bad-signature') forged.push(entry.source);
    else unknown.push(entry.source);
  }
  if (forged.length > 0) {
    findings.push({ kind: 'bad-signature', seq: null, message: `${forged.length} anchor(s) with a signature that does not verify (forged or altered)`, sources: first(forged) });
  }
  if (unknown.length > 0) {
    findings.push({ kind: 'unknown-key', seq: null, message: `${unknown.length} anchor(s) signed by a key the verifier does not know (give its public key in AUDIT_VERIFY_KEY)`, sources: first(unknown) });
  }

  const states = new Map(input.chains.map((c) => [c.chain, c]));
  const stateOf = (chain: string): ChainVerdict => states.get(chain) ?? { chain, ok: true, checked: 0, firstBrokenSeq: null, reason: null, tail: null, retention: null };
  const anchorChain = (a: Anchor): string => a.chain ?? LEGACY_CHAIN;
  const label = (c: string): string => (states.size > 1 || c !== LEGACY_CHAIN ? ` (${chainLabel(c)} chain)` : '');

  for (const state of input.chains.filter((c) => !c.ok)) {
    const missing = /does not follow|removed or inserted|ends before/.test(state.reason ?? '');
    findings.push({
      kind: missing ? 'missing-row' : 'changed-row',
      chain: state.chain,
      seq: state.firstBrokenSeq === null ? null : String(state.firstBrokenSeq),
      message: missing
        ? `the chain is broken before seq ${state.firstBrokenSeq}${label(state.chain)}: a row before it is missing (or one was inserted)`
        : `the row at seq ${state.firstBrokenSeq}${label(state.chain)} was changed after it was written`,
    });
  }

  if (valid.length === 0) {
    findings.push({ kind: 'no-anchors', seq: null, message: 'no valid signed anchor was found: the chain could not be checked against its head (a cut tail or a rewritten chain would not show)' });
  }

  // A retention anchor moves only through access_log_prune() as the API runs it, which signs it first.
  for (const state of input.chains) {
    const retention = state.retention;
    if (!retention) continue;
    const signed = valid.some((v) => v.anchor.kind === 'prune' && anchorChain(v.anchor) === state.chain && v.anchor.seq === retention.seq && v.anchor.hash === retention.hash);
    if (!signed) {
      findings.push({
        kind: 'unsigned-retention',
        chain: state.chain,
        seq: retention.seq,
        message: `the retention anchor${label(state.chain)} (rows up to seq ${retention.seq} removed) was not signed by the API: rows were removed from the front outside the API's retention`,
      });
    }
  }
  const short = valid.filter(
    (v) => v.anchor.kind === 'prune' && v.anchor.cutoff !== undefined && Date.parse(v.anchor.at) - Date.parse(v.anchor.cutoff) < input.retentionDays * DAY_MS - CLOCK_SLACK_MS,
  );
  if (short.length > 0) {
    findings.push({
      kind: 'short-retention',
      seq: short[0]?.anchor.seq ?? null,
      message: `${short.length} prune(s) removed rows younger than AUDIT_RETENTION_DAYS=${input.retentionDays} (the retention in the database was shortened)`,
      sources: first(short.map((s) => s.source)),
    });
  }

  // Each anchor against its own chain: its rows, its retention anchor, its last row.
  type Entry = { anchor: Anchor; source: string };
  const byChain = new Map<string, { beyond: Entry[]; differs: Entry[]; vanished: Entry[] }>();
  for (const entry of valid) {
    const s = big(entry.anchor.seq);
    if (s === 0n) continue; // the empty chain's anchor: nothing to find
    const state = stateOf(anchorChain(entry.anchor));
    const { retention, tail } = state;
    if (retention && s < big(retention.seq)) continue; // removed by retention, which its own anchor covers
    let groups = byChain.get(state.chain);
    if (!groups) byChain.set(state.chain, (groups = { beyond: [], differs: [], vanished: [] }));
    const stored = rowHashes.get(entry.anchor.seq) ?? (retention && s === big(retention.seq) ? retention.hash : undefined);
    if (stored !== undefined) {
      if (stored !== entry.anchor.hash) groups.differs.push(entry);
      continue;
    }
    const last = tail ? big(tail.seq) : retention ? big(retention.seq) : 0n;
    if (s > last) groups.beyond.push(entry);
    else groups.vanished.push(entry);
  }

  for (const [chainName, { beyond, differs, vanished }] of byChain) {
    const state = stateOf(chainName);
    const where = label(chainName);
    if (beyond.length > 0) {
      const furthest = beyond.reduce((a, b) => (big(b.anchor.seq) > big(a.anchor.seq) ? b : a));
      findings.push({
        kind: 'truncated-tail',
        chain: chainName,
        seq: furthest.anchor.seq,
        message: `truncated tail${where}: an anchor of ${furthest.anchor.at} names seq ${furthest.anchor.seq}, but the last row is seq ${state.tail?.seq ?? 'none'}: the newest rows were deleted`,
        sources: first(beyond.map((b) => b.source)),
      });
    }
    if (vanished.length > 0 && state.ok) {
      const lowest = vanished.reduce((a, b) => (big(b.anchor.seq) < big(a.anchor.seq) ? b : a));
      findings.push({
        kind: 'missing-row',
        chain: chainName,
        seq: lowest.anchor.seq,
        message: `the anchored row at seq ${lowest.anchor.seq}${where} is missing although the chain links: rows were removed and the chain continued past them`,
        sources: first(vanished.map((v) => v.source)),
      });
    }
    if (differs.length > 0) {
      const lowest = differs.reduce((a, b) => (big(b.anchor.seq) < big(a.anchor.seq) ? b : a));
      findings.push({
        kind: 'rewritten-chain',
        chain: chainName,
        seq: lowest.anchor.seq,
        message: state.ok
          ? `rewritten chain${where}: the row at seq ${lowest.anchor.seq} has another hash than the one signed at ${lowest.anchor.at}, although the chain verifies: the log was rewritten with the audit key`
          : `the row at seq ${lowest.anchor.seq}${where} has another hash than the one signed at ${lowest.anchor.at}`,
        sources: first(differs.map((d) => d.source)),
      });
    }
  }

  const newest = valid.reduce<Anchor | null>((a, b) => (!a || big(b.anchor.seq) > big(a.seq) || (b.anchor.seq === a.seq && b.anchor.at > a.at) ? b.anchor : a), null);
  return {
    ok: findings.length === 0,
    chain,
    anchors: { read: parsed.anchors.length + parsed.unreadable.length, valid: valid.length, newest: newest ? { seq: newest.seq, at: newest.at, kind: newest.kind } : null },
    findings,
  };
}

/** The one-line verdict the CLI prints before its JSON. */
export function verdictLine(result: AnchoredVerification): string {
  if (result.ok) {
    const newest = result.anchors.newest;
    return `access log verified: ${result.chain.checked} rows, chain intact, consistent with ${result.anchors.valid} signed anchor(s)${newest ? ` (newest: seq ${newest.seq} at ${newest.at})` : ''}`;
  }
  const tampered = result.findings.some((f) => f.kind !== 'no-anchors');
  return `access log ${tampered ? 'TAMPERED' : 'NOT VERIFIED'}: ${result.findings.map((f) => `[${f.kind}] ${f.message}`).join('; ')}`;
}
