import { generateKeyPairSync } from 'node:crypto';
import type { AccessLogVerification } from '@outcomes/contracts';
import { checkAgainstAnchors, verdictLine } from './anchor-check';
import type { AnchorCheckInput, FindingKind } from './anchor-check';
import { signAnchor } from './anchor-signing';
import type { AnchorFields, ParsedAnchors } from './anchor-signing';
import type { ChainVerdict } from './access-log-verify';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const h = (c: string): string => c.repeat(64);
const INTACT: AccessLogVerification = { ok: true, checked: 10, firstBrokenSeq: null, reason: null };

function anchors(...fields: Partial<AnchorFields>[]): ParsedAnchors {
  return {
    anchors: fields.map((f, i) => ({
      anchor: signAnchor(privateKey, { kind: 'head', seq: '0', hash: h('0'), at: '2026-12-05T12:00:00.000Z', by: 'h:1', ...f }),
      source: `anchors.jsonl:${i + 1}`,
    })),
    unreadable: [],
  };
}

/** A log of rows 11..20 (rows 1..10 pruned under a signed anchor at 10), hashes 'a'..'j'. */
const ROWS = new Map(Array.from({ length: 10 }, (_, i) => [String(11 + i), h('abcdefghij'[i] as string)]));
const PRUNE: Partial<AnchorFields> = { kind: 'prune', seq: '10', hash: h('9'), at: '2026-12-05T03:00:00.000Z', cutoff: '2026-06-05T03:00:00.000Z', removed: 10 };

/** The legacy chain's overrides (anchors without a chain name it): its verdict, retention anchor and last row. */
interface Overrides extends Partial<Omit<AnchorCheckInput, 'chains'>> {
  retention?: ChainVerdict['retention'];
  tail?: ChainVerdict['tail'];
  /** Further chains, beside the legacy one. */
  others?: ChainVerdict[];
}

function input({ retention = { seq: '10', hash: h('9') }, tail = { seq: '20', hash: h('j') }, others = [], ...overrides }: Overrides): AnchorCheckInput {
  const chain = overrides.chain ?? INTACT;
  return {
    parsed: anchors(PRUNE, { seq: '15', hash: h('e') }, { seq: '20', hash: h('j') }),
    keys: [publicKey],
    chain,
    chains: [{ chain: 'legacy', ok: chain.ok, checked: chain.checked, firstBrokenSeq: chain.firstBrokenSeq, reason: chain.reason, retention, tail }, ...others],
    rowHashes: ROWS,
    retentionDays: 183,
    ...overrides,
  };
}

const kinds = (i: AnchorCheckInput): FindingKind[] => checkAgainstAnchors(i).findings.map((f) => f.kind);

describe('checking the chain against its anchors', () => {
  it('finds nothing when every anchored row is there with its hash and the retention anchor was signed', () => {
    const result = checkAgainstAnchors(input({}));
    expect(result).toMatchObject({ ok: true, findings: [], anchors: { read: 3, valid: 3, newest: { seq: '20', kind: 'head' } } });
    expect(verdictLine(result)).toBe('access log verified: 10 rows, chain intact, consistent with 3 signed anchor(s) (newest: seq 20 at 2026-12-05T12:00:00.000Z)');
  });

  it.each<[string, Overrides, FindingKind[], string | null]>([
    // The newest rows 19 and 20 deleted: the chain of 11..18 still links.
    ['a truncated tail', { tail: { seq: '18', hash: h('h') }, rowHashes: new Map([...ROWS].filter(([s]) => Number(s) <= 18)) }, ['truncated-tail'], '20'],
    // Row 15 deleted: row 16 no longer follows row 14.
    [
      'a missing row',
      { chain: { ok: false, checked: 4, firstBrokenSeq: 16, reason: 'the row does not follow the one before it (a row was removed or inserted)' }, rowHashes: new Map([...ROWS].filter(([s]) => s !== '15')) },
      ['missing-row'],
      '16',
    ],
    // Row 15 deleted and rows 16.. re-hashed with the audit key: the chain links, the anchors do not.
    ['an anchored row removed and the chain re-linked', { rowHashes: new Map([...ROWS].filter(([s]) => s !== '15').map(([s, x]) => [s, Number(s) > 15 ? h('x') : x])) }, ['missing-row', 'rewritten-chain'], '15'],
    // Rows from 13 on rewritten with the audit key: every hash new, the chain intact.
    ['a rewritten chain', { rowHashes: new Map([...ROWS].map(([s, x]) => [s, Number(s) >= 13 ? h('x') : x])), tail: { seq: '20', hash: h('x') } }, ['rewritten-chain'], '15'],
    ['a changed row (no audit key)', { chain: { ok: false, checked: 2, firstBrokenSeq: 13, reason: 'the row was changed after it was written' } }, ['changed-row'], '13'],
    // The owner moved the retention anchor to 14 and deleted 11..14 themselves.
    ['a retention anchor the API never signed', { retention: { seq: '14', hash: h('d') }, rowHashes: new Map([...ROWS].filter(([s]) => Number(s) > 14)) }, ['unsigned-retention'], '14'],
    ['no anchors at all', { parsed: { anchors: [], unreadable: [] } }, ['no-anchors', 'unsigned-retention'], null],
  ])('reports %s', (_, overrides, expected, seq) => {
    const result = checkAgainstAnchors(input(overrides));
    expect(result.ok).toBe(false);
    expect(result.findings.map((f) => f.kind)).toEqual(expected);
    expect(result.findings[0]?.seq).toBe(seq);
  });

  it('names the furthest anchored seq and the last row in a truncated tail', () => {
    const result = checkAgainstAnchors(input({ tail: { seq: '18', hash: h('h') }, rowHashes: new Map([...ROWS].filter(([s]) => Number(s) <= 18)) }));
    expect(result.findings[0]?.message).toBe('truncated tail: an anchor of 2026-12-05T12:00:00.000Z names seq 20, but the last row is seq 18: the newest rows were deleted');
    expect(verdictLine(result)).toMatch(/^access log TAMPERED: \[truncated-tail\] /);
  });

  it('reports a truncated tail when every row is gone', () => {
    expect(kinds(input({ tail: null, rowHashes: new Map() }))).toEqual(['truncated-tail']);
  });

  it('reports forged and foreign anchors, and does not use them', () => {
    const parsed = anchors(PRUNE, { seq: '20', hash: h('j') });
    const forged = { ...(parsed.anchors[1] as { anchor: ParsedAnchors['anchors'][number]['anchor']; source: string }) };
    forged.anchor = { ...forged.anchor, seq: '25' }; // claims a row beyond the tail, with the old signature
    const foreign = signAnchor(generateKeyPairSync('ed25519').privateKey, { kind: 'head', seq: '30', hash: h('z'), at: '2026-12-05T12:00:00.000Z', by: 'x:1' });
    const result = checkAgainstAnchors(input({ parsed: { anchors: [...parsed.anchors, forged, { anchor: foreign, source: 'other.jsonl:1' }], unreadable: [{ source: 'anchors.jsonl:9', reason: 'not JSON' }] } }));
    expect(result.findings.map((f) => [f.kind, f.sources])).toEqual([
      ['unreadable-anchor', ['anchors.jsonl:9']],
      ['bad-signature', ['anchors.jsonl:2']],
      ['unknown-key', ['other.jsonl:1']],
    ]);
    expect(result.anchors).toMatchObject({ read: 5, valid: 2 });
  });

  it('skips anchors of rows removed by the signed retention, and the empty chain', () => {
    const parsed = anchors(PRUNE, { kind: 'start', seq: '0', hash: h('0') }, { seq: '4', hash: h('4') }, { seq: '10', hash: h('9') });
    expect(kinds(input({ parsed }))).toEqual([]);
    // ...but an anchor at the retention anchor's own seq must agree with it.
    expect(kinds(input({ parsed: anchors(PRUNE, { seq: '10', hash: h('8') }) }))).toEqual(['rewritten-chain']);
  });

  it('reports a signed prune with a shorter retention than the verifier’s', () => {
    const short = { ...PRUNE, cutoff: '2026-12-04T03:00:00.000Z' }; // one day before the prune
    expect(kinds(input({ parsed: anchors(short, { seq: '20', hash: h('j') }) }))).toEqual(['short-retention']);
    expect(kinds(input({ parsed: anchors(short, { seq: '20', hash: h('j') }), retentionDays: 1 }))).toEqual([]);
  });

  it('checks each chain against its own anchors: one municipality’s cut tail is found, the other chain is clean', () => {
    const A = '00000000-0000-4000-8000-0000000000a1';
    const B = '00000000-0000-4000-8000-0000000000b2';
    // Chain A: rows 21, 23 (hashes 'k', 'm'); chain B: rows 22, 24 ('l', 'n'), its row 24 deleted by the owner.
    const rowHashes = new Map([...ROWS, ['21', h('k')], ['22', h('l')], ['23', h('m')]]);
    const chainA: ChainVerdict = { chain: A, ok: true, checked: 2, firstBrokenSeq: null, reason: null, retention: null, tail: { seq: '23', hash: h('m') } };
    const chainB: ChainVerdict = { chain: B, ok: true, checked: 1, firstBrokenSeq: null, reason: null, retention: null, tail: { seq: '22', hash: h('l') } };
    const parsed = anchors(PRUNE, { seq: '20', hash: h('j') }, { chain: A, seq: '23', hash: h('m') }, { chain: B, seq: '24', hash: h('n') });
    const result = checkAgainstAnchors(input({ parsed, rowHashes, others: [chainA, chainB] }));
    expect(result.findings.map((f) => [f.kind, f.chain, f.seq])).toEqual([['truncated-tail', B, '24']]);
    expect(result.findings[0]?.message).toBe(`truncated tail (municipality ${B} chain): an anchor of 2026-12-05T12:00:00.000Z names seq 24, but the last row is seq 22: the newest rows were deleted`);
    // The same seq named as chain A's would be a row of another chain: its hash differs.
    expect(kinds(input({ parsed: anchors(PRUNE, { chain: A, seq: '22', hash: h('n') }), rowHashes, others: [chainA, chainB] }))).toEqual(['rewritten-chain']);
    // A chain's retention anchor is checked against prunes signed for that chain only.
    const pruneA = { ...PRUNE, chain: A, seq: '19', hash: h('i') };
    const retainedA = { ...chainA, retention: { seq: '19', hash: h('i') } };
    expect(kinds(input({ parsed: anchors(PRUNE, pruneA), rowHashes, others: [retainedA, chainB] }))).toEqual([]);
    expect(kinds(input({ parsed: anchors(PRUNE, { ...pruneA, chain: B }), rowHashes, others: [retainedA, chainB] }))).toEqual(['unsigned-retention']);
    // A whole chain gone (no rows, no state): its anchors name rows beyond nothing.
    expect(kinds(input({ parsed: anchors(PRUNE, { chain: B, seq: '24', hash: h('n') }), rowHashes }))).toEqual(['truncated-tail']);
  });
});
