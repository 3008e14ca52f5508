import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSigningKey } from '../audit/anchor-signing';
import { ConfigError } from './app-config';

export interface AppSecrets {
  /** Signs session tokens. */
  jwtSecret: string;
  /** AES-256-GCM key for identifiers (CPR numbers, names), 32 bytes base64. */
  encryptionKey: string;
  /** HMAC-SHA-256 key for blind indexes, 32 bytes base64. */
  blindIndexKey: string;
  /** HMAC-SHA-256 key of the access log's hash chain; kept outside the database. */
  auditKey: string;
  /**
   * Ed25519 private key (PKCS8, PEM or DER in base64) that signs the access log's anchors; never
   * in the database, and in production never in DATA_DIR. Undefined only for a verifier that was
   * given the public key alone (AUDIT_VERIFY_KEY).
   */
  auditSigningKey?: string;
}

export interface ResolveOptions {
  /** false: a verifier (audit-verify) may run without the private key; it needs only the public one. */
  signingKeyRequired: boolean;
}

function generatedSigningKey(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
}

/** Why AUDIT_SIGNING_KEY cannot be used, or null. */
function signingKeyProblem(value: string): string | null {
  try {
    parseSigningKey(value);
    return null;
  } catch (error) {
    return `AUDIT_SIGNING_KEY ${(error as Error).message} (make one with \`openssl genpkey -algorithm ed25519\`)`;
  }
}

export const SECRET_VARIABLES = {
  jwtSecret: 'JWT_SECRET',
  encryptionKey: 'ENCRYPTION_KEY',
  blindIndexKey: 'BLIND_INDEX_KEY',
  auditKey: 'AUDIT_KEY',
} as const satisfies Record<Exclude<keyof AppSecrets, 'auditSigningKey'>, string>;

type SecretEnv = Partial<Record<(typeof SECRET_VARIABLES)[keyof typeof SECRET_VARIABLES] | 'AUDIT_SIGNING_KEY', string>>;

/** Placeholders from .env.example and generated development files are never real secrets. */
const PLACEHOLDER = /change[-_ ]?me|example|placeholder|secret123/i;
const MIN_BYTES = 32;

function decodedLength(value: string): number {
  return Buffer.from(value, 'base64').length;
}

/**
 * Production: every secret must come from the environment, be at least 32 bytes of base64 and
 * not a placeholder. Elsewhere: missing secrets are generated once into DATA_DIR/secrets.json,
 * so a developer's `npm start` needs no setup and keeps its encrypted data readable across restarts.
 */
export function resolveSecrets(env: SecretEnv, production: boolean, dataDir: string, options: ResolveOptions = { signingKeyRequired: true }): AppSecrets {
  const fromEnv: Partial<AppSecrets> = {};
  for (const [key, variable] of Object.entries(SECRET_VARIABLES) as [keyof typeof SECRET_VARIABLES, string][]) {
    const value = env[variable as keyof SecretEnv];
    if (value) fromEnv[key] = value;
  }
  if (env.AUDIT_SIGNING_KEY) fromEnv.auditSigningKey = env.AUDIT_SIGNING_KEY;

  if (production) {
    const problems: string[] = [];
    // The signing key is never read from DATA_DIR here: whoever can read the database's disk must not be able to sign.
    if (fromEnv.auditSigningKey) {
      const problem = signingKeyProblem(fromEnv.auditSigningKey);
      if (problem) problems.push(problem);
    } else if (options.signingKeyRequired) {
      problems.push('AUDIT_SIGNING_KEY is required when NODE_ENV=production (an Ed25519 private key that signs the access log\'s anchors: `openssl genpkey -algorithm ed25519`)');
    }
    for (const [key, variable] of Object.entries(SECRET_VARIABLES) as [keyof typeof SECRET_VARIABLES, string][]) {
      const value = fromEnv[key];
      if (!value) problems.push(`${variable} is required when NODE_ENV=production`);
      else if (PLACEHOLDER.test(value)) problems.push(`${variable} is a placeholder, not a secret`);
      else if (decodedLength(value) < MIN_BYTES) problems.push(`${variable} must be at least ${MIN_BYTES} bytes, base64-encoded`);
    }
    if (problems.length > 0) throw new ConfigError(problems);
    return fromEnv as AppSecrets;
  }

  if (fromEnv.auditSigningKey) {
    const problem = signingKeyProblem(fromEnv.auditSigningKey);
    if (problem) throw new ConfigError([problem]);
  }
  const file = join(dataDir, 'secrets.json');
  let generated: AppSecrets;
  if (existsSync(file)) {
    generated = JSON.parse(readFileSync(file, 'utf8')) as AppSecrets;
    const missing = (Object.keys(SECRET_VARIABLES) as (keyof typeof SECRET_VARIABLES)[]).filter((k) => !generated[k]);
    // A data directory from before anchors were signed gets its key on the next start.
    if (missing.length > 0 || !generated.auditSigningKey) {
      for (const key of missing) generated[key] = randomBytes(32).toString('base64');
      generated.auditSigningKey ??= generatedSigningKey();
      writeFileSync(file, JSON.stringify(generated, null, 2), { mode: 0o600 });
    }
  } else {
    generated = {
      jwtSecret: randomBytes(48).toString('base64'),
      encryptionKey: randomBytes(32).toString('base64'),
      blindIndexKey: randomBytes(32).toString('base64'),
      auditKey: randomBytes(32).toString('base64'),
      auditSigningKey: generatedSigningKey(),
    };
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(generated, null, 2), { mode: 0o600 });
  }
  return { ...generated, ...fromEnv };
}
