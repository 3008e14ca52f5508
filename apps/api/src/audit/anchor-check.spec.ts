import { generateKeyPairSync } from 'node:crypto';
import type { AccessLogVerification } from '@outcomes/contracts';
import { checkAgainstAnchors, verdictLine } from './anchor-check';
import type { AnchorCheckInput, FindingKind } from './anchor-check';
import { signAnchor } from './anchor-signing';
import type { AnchorFields, ParsedAnchors } from './anchor-signing';

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

function input(overrides: Partial<AnchorCheckInput>): AnchorCheckInput {
  return {
    parsed: anchors(PRUNE, { seq: '15', hash: h('e') }, { seq: '20', hash: h('j') }),
    keys: [publicKey],
    chain: INTACT,
    retention: { seq: '10', hash: h('9') },
    tail: { seq: '20', hash: h('j') },
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

  it.each<[string, Partial<AnchorCheckInput>, FindingKind[], string | null]>([
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
});
