import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { checkSignature, keyId, parseAnchorLines, parseSigningKey, parseVerifyKey, publicKeyText, signAnchor } from './anchor-signing';
import type { Anchor } from './anchor-signing';

const HASH_A = 'a'.repeat(64);
const HASH_B = 'b'.repeat(64);

function keyPair(): { privateKey: ReturnType<typeof generateKeyPairSync>['privateKey']; publicKey: ReturnType<typeof generateKeyPairSync>['publicKey'] } {
  return generateKeyPairSync('ed25519');
}

describe('anchor signatures', () => {
  const { privateKey, publicKey } = keyPair();
  const anchor = signAnchor(privateKey, { kind: 'head', seq: '42', hash: HASH_A, at: '2026-12-05T12:00:00.000Z', by: 'host:1' });

  it('verifies with the public key alone', () => {
    expect(anchor).toMatchObject({ v: 1, kind: 'head', seq: '42', hash: HASH_A, key: keyId(publicKey) });
    expect(anchor.key).toMatch(/^[0-9a-f]{16}$/);
    expect(checkSignature(anchor, [publicKey])).toBe('valid');
  });

  it.each<[string, Partial<Anchor>]>([
    ['another seq', { seq: '41' }],
    ['another hash', { hash: HASH_B }],
    ['another time', { at: '2026-12-05T12:00:01.000Z' }],
    ['another kind', { kind: 'prune' }],
    ['another writer', { by: 'host:2' }],
    ['a cut-off added', { cutoff: '2026-06-05T12:00:00.000Z' }],
    ['a removed count added', { removed: 3 }],
    ['a chain added (a legacy line claimed for a municipality)', { chain: '00000000-0000-4000-8000-000000000751' }],
  ])('refuses the anchor with %s under the same signature', (_, change) => {
    expect(checkSignature({ ...anchor, ...change }, [publicKey])).toBe('bad-signature');
  });

  it('signs a chain’s line with its chain: moved to another chain, or stripped of it, it fails', () => {
    const aarhus = signAnchor(privateKey, { kind: 'head', chain: '00000000-0000-4000-8000-000000000751', seq: '42', hash: HASH_A, at: '2026-12-05T12:00:00.000Z', by: 'host:1' });
    expect(checkSignature(aarhus, [publicKey])).toBe('valid');
    expect(checkSignature({ ...aarhus, chain: '00000000-0000-4000-8000-000000000461' }, [publicKey])).toBe('bad-signature');
    const { chain: _chain, ...stripped } = aarhus;
    expect(checkSignature(stripped, [publicKey])).toBe('bad-signature');
    // A line with a chain that is no chain's name is not an anchor.
    expect(parseAnchorLines(JSON.stringify({ ...aarhus, chain: 'Aarhus' }), 'a.jsonl', true)).toMatchObject({ anchors: [], unreadable: [{ reason: 'not an anchor' }] });
    expect(parseAnchorLines(JSON.stringify(aarhus), 'a.jsonl', true).anchors).toHaveLength(1);
  });

  it('refuses a tampered signature, and one that is no signature at all', () => {
    const sig = Buffer.from(anchor.sig, 'base64');
    sig[0] = (sig[0] as number) ^ 0x01;
    expect(checkSignature({ ...anchor, sig: sig.toString('base64') }, [publicKey])).toBe('bad-signature');
    expect(checkSignature({ ...anchor, sig: 'not base64 at all!' }, [publicKey])).toBe('bad-signature');
    expect(checkSignature({ ...anchor, sig: '' }, [publicKey])).toBe('bad-signature');
  });

  it('does not take an anchor signed by another key, even one claiming the trusted key id', () => {
    const other = keyPair();
    const forged = signAnchor(other.privateKey, { kind: 'head', seq: '42', hash: HASH_A, at: anchor.at, by: 'host:1' });
    expect(checkSignature(forged, [publicKey])).toBe('unknown-key');
    expect(checkSignature({ ...forged, key: anchor.key }, [publicKey])).toBe('bad-signature');
    // Across a rotation the verifier holds both public keys.
    expect(checkSignature(forged, [publicKey, other.publicKey])).toBe('valid');
  });

  it('reads keys as PEM and as base64 DER, and refuses what is not an Ed25519 key', () => {
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const der = privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
    expect(keyId(createPublicKey(parseSigningKey(pem)))).toBe(anchor.key);
    expect(keyId(createPublicKey(parseSigningKey(der)))).toBe(anchor.key);
    // An environment variable often carries a PEM with literal \n.
    expect(keyId(createPublicKey(parseSigningKey(pem.replace(/\n/g, '\\n'))))).toBe(anchor.key);
    expect(keyId(parseVerifyKey(publicKeyText(publicKey)))).toBe(anchor.key);
    expect(keyId(parseVerifyKey(publicKey.export({ type: 'spki', format: 'pem' }).toString()))).toBe(anchor.key);
    expect(() => parseSigningKey('change-me')).toThrow('is not a private key');
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => parseSigningKey(rsa)).toThrow('must be an Ed25519 key, not rsa');
    expect(() => parseVerifyKey(der)).toThrow('is not a public key');
  });
});

describe('reading anchor lines', () => {
  const { privateKey } = keyPair();
  const a = signAnchor(privateKey, { kind: 'start', seq: '0', hash: '0'.repeat(64), at: '2026-12-05T12:00:00.000Z', by: 'h:1' });

  it('takes anchor files line by line and reports a damaged line', () => {
    const parsed = parseAnchorLines(`${JSON.stringify(a)}\n{"half":\n\n${JSON.stringify({ ...a, seq: 'x' })}\n`, 'anchors-2026-12-05.jsonl', true);
    expect(parsed.anchors).toEqual([{ anchor: a, source: 'anchors-2026-12-05.jsonl:1' }]);
    expect(parsed.unreadable).toEqual([
      { source: 'anchors-2026-12-05.jsonl:2', reason: 'not JSON' },
      { source: 'anchors-2026-12-05.jsonl:4', reason: 'not an anchor' },
    ]);
  });

  it('picks the anchors out of a saved log stream and skips its other lines', () => {
    const log = [
      JSON.stringify({ level: 30, msg: 'listening' }),
      JSON.stringify({ level: 30, msg: 'access log anchor', auditAnchor: a }),
      'not json from some other process',
      JSON.stringify({ level: 30, msg: 'access log anchor', auditAnchor: { ...a, hash: 'short' } }),
    ].join('\n');
    const parsed = parseAnchorLines(log, 'api.log', false);
    expect(parsed.anchors.map((x) => x.source)).toEqual(['api.log:2']);
    expect(parsed.unreadable).toEqual([{ source: 'api.log:4', reason: 'not an anchor' }]);
  });
});
