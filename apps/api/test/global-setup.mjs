import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startTestStack } from '../../../tools/testing/test-stack.mjs';

export default async function globalSetup() {
  const dir = join(import.meta.dirname, '../../../.test-results');
  mkdirSync(dir, { recursive: true });
  const logFile = join(dir, 'api-integration.log');
  const stack = await startTestStack({ seedDemo: true, logFile, env: { LOG_LEVEL: 'info', LOGIN_RATE_LIMIT: '100000' } });
  globalThis.__TEST_STACK__ = stack;
  process.env.API_BASE_URL = stack.baseUrl;
  process.env.TEST_DATABASE_URL = stack.databaseUrl;
  process.env.API_LOG_FILE = logFile;
}
