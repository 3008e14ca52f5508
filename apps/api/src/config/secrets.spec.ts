import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from './config';
import { resolveSecrets } from './secrets';

const real = (): string => randomBytes(32).toString('base64');
const ed25519 = (): string => generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');

describe('the anchor signing key', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'secrets-spec-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const production = { JWT_SECRET: real(), ENCRYPTION_KEY: real(), BLIND_INDEX_KEY: real(), AUDIT_KEY: real() };

  it('is generated once into DATA_DIR outside production, and kept across starts', () => {
    const first = resolveSecrets({}, false, dataDir);
    expect(first.auditSigningKey).toEqual(expect.any(String));
    expect(resolveSecrets({}, false, dataDir).auditSigningKey).toBe(first.auditSigningKey);
    expect(JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8'))).toMatchObject({ auditSigningKey: first.auditSigningKey });
  });

  it('is added to a DATA_DIR generated before anchors existed, leaving its other secrets alone', () => {
    const old = { jwtSecret: real(), encryptionKey: real(), blindIndexKey: real(), auditKey: real() };
    writeFileSync(join(dataDir, 'secrets.json'), JSON.stringify(old));
    const sut = resolveSecrets({}, false, dataDir);
    expect(sut).toMatchObject(old);
    expect(sut.auditSigningKey).toEqual(expect.any(String));
  });

  it('is required from the environment in production, and never read from DATA_DIR there', () => {
    writeFileSync(join(dataDir, 'secrets.json'), JSON.stringify({ auditSigningKey: ed25519() }));
    expect(() => resolveSecrets(production, true, dataDir)).toThrow(/AUDIT_SIGNING_KEY is required when NODE_ENV=production/);
    const key = ed25519();
    expect(resolveSecrets({ ...production, AUDIT_SIGNING_KEY: key }, true, dataDir).auditSigningKey).toBe(key);
  });

  it.each([
    ['a placeholder', 'change-me'],
    ['a symmetric secret', real()],
    ['an RSA key', generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()],
  ])('is refused in production when it is %s', (_, value) => {
    expect(() => resolveSecrets({ ...production, AUDIT_SIGNING_KEY: value }, true, dataDir)).toThrow(/AUDIT_SIGNING_KEY (is not a private key|must be an Ed25519 key)/);
  });

  it('may be left out by a verifier, who checks anchors with AUDIT_VERIFY_KEY', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const env = { ...production, NODE_ENV: 'production', DATABASE_URL: 'postgres://x@127.0.0.1:1/x', DATA_DIR: dataDir, AUDIT_VERIFY_KEY: publicKey.export({ type: 'spki', format: 'der' }).toString('base64') };
    expect(() => loadConfig(env)).toThrow(/AUDIT_SIGNING_KEY is required/);
    const verifier = loadConfig(env, { verifier: true });
    expect(verifier.auditAnchors.signingKey).toBeUndefined();
    expect(verifier.auditAnchors.verifyKeys.map((k) => k.export({ type: 'spki', format: 'der' }).toString('base64'))).toEqual([env.AUDIT_VERIFY_KEY]);
    // Without AUDIT_VERIFY_KEY, the signing key's public half.
    const api = loadConfig({ ...env, AUDIT_VERIFY_KEY: '', AUDIT_SIGNING_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() });
    expect(api.auditAnchors.verifyKeys[0]?.export({ type: 'spki', format: 'der' }).toString('base64')).toBe(env.AUDIT_VERIFY_KEY);
    // Production writes anchors to the log stream only, unless AUDIT_ANCHOR_DIR is given.
    expect(api.auditAnchors.dir).toBeUndefined();
  });
});
