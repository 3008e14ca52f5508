import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
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
  };
  const stack = await startTestStack({
    seedDemo: true,
    logFile,
    env: { LOG_LEVEL: 'info', LOGIN_RATE_LIMIT: '100000', ...secrets },
  });
  globalThis.__TEST_STACK__ = stack;
  process.env.API_BASE_URL = stack.baseUrl;
  process.env.TEST_DATABASE_URL = stack.databaseUrl;
  process.env.API_LOG_FILE = logFile;
  process.env.API_PID = String(stack.api.child.pid);
  process.env.TEST_JWT_SECRET = secrets.JWT_SECRET;
  process.env.TEST_AUDIT_KEY = secrets.AUDIT_KEY;
}
