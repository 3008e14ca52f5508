// Starts the test stack (fresh PostgreSQL + the built API serving the built web app) once per run.
// With E2E_BASE_URL already set, the tests use that running stack instead.
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const workspaceRoot = fileURLToPath(new URL('../../../..', import.meta.url));

export default async function globalSetup() {
  if (process.env.E2E_BASE_URL) return;
  const { startTestStack } = await import(pathToFileURL(join(workspaceRoot, 'tools/testing/test-stack.mjs')).href);
  // Every test signs in through the form; the default limit (10 logins a minute per address) is for people.
  const stack = await startTestStack({ env: { LOGIN_RATE_LIMIT: '1000' } });
  globalThis.__webE2eStack = stack;
  process.env.E2E_BASE_URL = stack.baseUrl;
  // For a spec that makes a national operator as an installation does (the CLI, against this database).
  process.env.E2E_DATABASE_URL = stack.databaseUrl;
}
