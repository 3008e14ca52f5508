import { createHash, createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

/**
 * Signed anchors of the access log's head, written outside the database (the JSON log stream and
 * the anchor directory). The HMAC chain alone proves nothing against whoever holds AUDIT_KEY and
 * the database: they can cut the tail or rewrite every hash. An anchor is signed with an Ed25519
 * key that the database never sees; verifying needs only its public half, so an auditor can check
 * anchors without being able to make them.
 */

/** Why an anchor was written. */
export type AnchorKind = 'start' | 'head' | 'heartbeat' | 'shutdown' | 'prune';

export interface AnchorFields {
  kind: AnchorKind;
  /**
   * Which hash chain (decision 127): a municipality's id, 'national', or 'legacy'. Lines written
   * before the chains were split have none and mean the legacy chain (the whole log then).
   */
  chain?: string;
  /** The chain's head (or, for a prune, the last removed row) as a decimal string; '0' for the empty chain. */
  seq: string;
  hash: string;
  /** When the anchor was made (ISO 8601). */
  at: string;
  /** Which API process wrote it (host:pid): several replicas write anchors, each line stands alone. */
  by: string;
  /** prune only: the retention cut-off the database applied and how many rows it removed. */
  cutoff?: string;
  removed?: number;
}

export interface Anchor extends AnchorFields {
  v: 1;
  /** The signing key's id: the first 16 hex digits of SHA-256 over its public key (SPKI DER). */
  key: string;
  /** Ed25519 signature, base64, over signedBytes(). */
  sig: string;
}

const DOMAIN = 'outcomes access-log anchor v1';

/** What the signature covers: every field, in a fixed order, with a domain tag so no other signed text can pass for an anchor. */
function signedBytes(a: AnchorFields & { key: string }): Buffer {
  const fields: unknown[] = [DOMAIN, a.kind, a.seq, a.hash, a.at, a.by, a.key, a.cutoff ?? null, a.removed ?? null];
  // Appended only when present, so a line signed before chains existed still verifies.
  if (a.chain !== undefined) fields.push({ chain: a.chain });
  return Buffer.from(JSON.stringify(fields), 'utf8');
}

export function keyId(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
}

function looksPem(text: string): boolean {
  return text.includes('-----BEGIN');
}

/** An Ed25519 private key from PKCS8 PEM (`openssl genpkey -algorithm ed25519`) or its DER in base64; throws saying what is wrong. */
export function parseSigningKey(text: string): KeyObject {
  let key: KeyObject;
  try {
    key = looksPem(text)
      ? createPrivateKey({ key: text.replace(/\\n/g, '\n'), format: 'pem' })
      : createPrivateKey({ key: Buffer.from(text.trim(), 'base64'), format: 'der', type: 'pkcs8' });
  } catch {
    throw new Error('is not a private key in PKCS8 (PEM, or DER in base64)');
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`must be an Ed25519 key, not ${key.asymmetricKeyType ?? 'unknown'}`);
  return key;
}

/** An Ed25519 public key from SPKI PEM (`openssl pkey -pubout`) or its DER in base64. */
export function parseVerifyKey(text: string): KeyObject {
  let key: KeyObject;
  try {
    key = looksPem(text)
      ? createPublicKey({ key: text.replace(/\\n/g, '\n'), format: 'pem' })
      : createPublicKey({ key: Buffer.from(text.trim(), 'base64'), format: 'der', type: 'spki' });
  } catch {
    throw new Error('is not a public key in SPKI (PEM, or DER in base64)');
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`must be an Ed25519 key, not ${key.asymmetricKeyType ?? 'unknown'}`);
  return key;
}

/** The public key as one base64 line (SPKI DER), the form AUDIT_VERIFY_KEY takes. */
export function publicKeyText(key: KeyObject): string {
  return key.export({ type: 'spki', format: 'der' }).toString('base64');
}

export function signAnchor(privateKey: KeyObject, fields: AnchorFields): Anchor {
  const key = keyId(createPublicKey(privateKey));
  const unsigned = { ...fields, key };
  const sig = sign(null, signedBytes(unsigned), privateKey).toString('base64');
  return { v: 1, ...unsigned, sig };
}

export type SignatureCheck = 'valid' | 'bad-signature' | 'unknown-key';

/** Checks one anchor against the public keys the verifier trusts (several, across a key rotation). */
export function checkSignature(anchor: Anchor, keys: KeyObject[]): SignatureCheck {
  const key = keys.find((k) => keyId(k) === anchor.key);
  if (!key) return 'unknown-key';
  try {
    return verify(null, signedBytes(anchor), key, Buffer.from(anchor.sig, 'base64')) ? 'valid' : 'bad-signature';
  } catch {
    return 'bad-signature';
  }
}

const KINDS: readonly string[] = ['start', 'head', 'heartbeat', 'shutdown', 'prune'];

/** An anchor's shape, before its signature is checked; anything else is an unreadable line. */
function asAnchor(value: unknown): Anchor | null {
  if (!value || typeof value !== 'object') return null;
  const a = value as Record<string, unknown>;
  const ok =
    a['v'] === 1 &&
    typeof a['kind'] === 'string' && KINDS.includes(a['kind']) &&
    typeof a['seq'] === 'string' && /^\d+$/.test(a['seq']) &&
    typeof a['hash'] === 'string' && /^[0-9a-f]{64}$/.test(a['hash']) &&
    typeof a['at'] === 'string' && typeof a['by'] === 'string' &&
    typeof a['key'] === 'string' && typeof a['sig'] === 'string' &&
    (a['cutoff'] === undefined || typeof a['cutoff'] === 'string') &&
    (a['chain'] === undefined || (typeof a['chain'] === 'string' && /^(legacy|national|[0-9a-f-]{36})$/.test(a['chain']))) &&
    (a['removed'] === undefined || typeof a['removed'] === 'number');
  return ok ? (a as unknown as Anchor) : null;
}

export interface ParsedAnchors {
  anchors: { anchor: Anchor; source: string }[];
  /** Lines that look like anchors (or are in an anchor file) but cannot be read: a damaged sink. */
  unreadable: { source: string; reason: string }[];
}

/**
 * Anchors from JSON lines: the anchor files' own lines, or the API's log stream, where an anchor
 * line carries it as `auditAnchor` (other log lines are skipped). `strict`: every line must be an
 * anchor (an anchor file), so a damaged line is reported rather than skipped.
 */
export function parseAnchorLines(text: string, sourceName: string, strict: boolean): ParsedAnchors {
  const result: ParsedAnchors = { anchors: [], unreadable: [] };
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const source = `${sourceName}:${i + 1}`;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      if (strict) result.unreadable.push({ source, reason: 'not JSON' });
      return;
    }
    const candidate = parsed && typeof parsed === 'object' && 'auditAnchor' in parsed ? (parsed as { auditAnchor: unknown }).auditAnchor : parsed;
    const anchor = asAnchor(candidate);
    if (anchor) result.anchors.push({ anchor, source });
    else if (strict || candidate !== parsed) result.unreadable.push({ source, reason: 'not an anchor' });
  });
  return result;
}
