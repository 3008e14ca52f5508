import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
}

export const SECRET_VARIABLES = {
  jwtSecret: 'JWT_SECRET',
  encryptionKey: 'ENCRYPTION_KEY',
  blindIndexKey: 'BLIND_INDEX_KEY',
  auditKey: 'AUDIT_KEY',
} as const satisfies Record<keyof AppSecrets, string>;

type SecretEnv = Partial<Record<(typeof SECRET_VARIABLES)[keyof AppSecrets], string>>;

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
export function resolveSecrets(env: SecretEnv, production: boolean, dataDir: string): AppSecrets {
  const fromEnv: Partial<AppSecrets> = {};
  for (const [key, variable] of Object.entries(SECRET_VARIABLES) as [keyof AppSecrets, string][]) {
    const value = env[variable as keyof SecretEnv];
    if (value) fromEnv[key] = value;
  }

  if (production) {
    const problems: string[] = [];
    for (const [key, variable] of Object.entries(SECRET_VARIABLES) as [keyof AppSecrets, string][]) {
      const value = fromEnv[key];
      if (!value) problems.push(`${variable} is required when NODE_ENV=production`);
      else if (PLACEHOLDER.test(value)) problems.push(`${variable} is a placeholder, not a secret`);
      else if (decodedLength(value) < MIN_BYTES) problems.push(`${variable} must be at least ${MIN_BYTES} bytes, base64-encoded`);
    }
    if (problems.length > 0) throw new ConfigError(problems);
    return fromEnv as AppSecrets;
  }

  const file = join(dataDir, 'secrets.json');
  let generated: AppSecrets;
  if (existsSync(file)) {
    generated = JSON.parse(readFileSync(file, 'utf8')) as AppSecrets;
    const missing = (Object.keys(SECRET_VARIABLES) as (keyof AppSecrets)[]).filter((k) => !generated[k]);
    if (missing.length > 0) {
      for (const key of missing) generated[key] = randomBytes(32).toString('base64');
      writeFileSync(file, JSON.stringify(generated, null, 2), { mode: 0o600 });
    }
  } else {
    generated = {
      jwtSecret: randomBytes(48).toString('base64'),
      encryptionKey: randomBytes(32).toString('base64'),
      blindIndexKey: randomBytes(32).toString('base64'),
      auditKey: randomBytes(32).toString('base64'),
    };
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(generated, null, 2), { mode: 0o600 });
  }
  return { ...generated, ...fromEnv };
}
