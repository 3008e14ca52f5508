import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestStack } from '../../../tools/testing/test-stack.mjs';

export default async function globalSetup() {
  const dir = join(import.meta.dirname, '../../../.test-results');
  mkdirSync(dir, { recursive: true });
  const logFile = join(dir, 'api-integration.log');
  // Known secrets, so tests can forge tokens and check the access log's chain as an attacker would.
  const secrets = {
    JWT_SECRET: randomBytes(48).toString('base64'),
    ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    BLIND_INDEX_KEY: randomBytes(32).toString('base64'),
    AUDIT_KEY: randomBytes(32).toString('base64'),
    AUDIT_SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
  };
  // The run's own anchor directory: audit-verify checks the chain against this API's anchors.
  const anchorDir = mkdtempSync(join(tmpdir(), 'outcomes-anchors-'));
  const stack = await startTestStack({
    seedDemo: true,
    logFile,
    env: { LOG_LEVEL: 'info', LOGIN_RATE_LIMIT: '100000', ACCESS_LOG_VERIFY_PER_MINUTE: '1000', ACCESS_LOG_VERIFY_CONCURRENT: '16', AUDIT_ANCHOR_DIR: anchorDir, ...secrets },
  });
  globalThis.__TEST_STACK__ = stack;
  process.env.API_BASE_URL = stack.baseUrl;
  process.env.TEST_DATABASE_URL = stack.databaseUrl;
  process.env.API_LOG_FILE = logFile;
  process.env.API_PID = String(stack.api.child.pid);
  process.env.TEST_JWT_SECRET = secrets.JWT_SECRET;
  // The API's keys of personal data at rest: support/rows.ts writes citizens the API can read.
  process.env.TEST_ENCRYPTION_KEY = secrets.ENCRYPTION_KEY;
  process.env.TEST_BLIND_INDEX_KEY = secrets.BLIND_INDEX_KEY;
  process.env.TEST_AUDIT_KEY = secrets.AUDIT_KEY;
  process.env.TEST_AUDIT_SIGNING_KEY = secrets.AUDIT_SIGNING_KEY;
  process.env.TEST_AUDIT_ANCHOR_DIR = anchorDir;
}
