import { randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const OPERATOR_PASSWORD = 'Grøn-Cykel-Lampe-2026!';

/** A national operator, made as an installation makes one: the CLI's create-operator against the test database. */
export function createOperator(): string {
  const databaseUrl = process.env['E2E_DATABASE_URL'];
  if (!databaseUrl) throw new Error('E2E_DATABASE_URL is not set: the global setup did not start the test stack');
  const email = `operator-${randomUUID().slice(0, 8)}@national.test`;
  const cli = resolve(__dirname, '../../../../dist/apps/api/cli.js');
  const result = spawnSync(process.execPath, [cli, 'create-operator', '--email', email, '--name', 'National operatør'], {
    input: `${OPERATOR_PASSWORD}\n`,
    env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'test', DATA_DIR: mkdtempSync(join(tmpdir(), 'operator-cli-')), LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`create-operator exited ${result.status}: ${result.stderr}`);
  return email;
}
