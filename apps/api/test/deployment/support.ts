import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { freshDatabase, processSecrets } from '../support/fresh-database';
import type { FreshDatabase } from '../support/fresh-database';

export const ROOT = join(__dirname, '../../../..');

/** A new database on the deployment checks' server (server-setup.mjs), dropped by `drop`. */
export const newDatabase = (prefix: string): Promise<FreshDatabase> => freshDatabase(prefix, process.env['DEPLOYMENT_SERVER_URL']);

/** Real secrets as an operator would make them (`openssl rand -base64 32`), sharing the run's JWT_SECRET. */
export const realSecrets = (): Record<string, string> => processSecrets(process.env['DEPLOYMENT_JWT_SECRET'] as string);

/** Runs a command to its end with only the given environment (and PATH), as an operator's shell would. */
export function run(command: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env: { PATH: process.env['PATH'], HOME: process.env['HOME'], ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (res.status !== 200) throw new Error(`sign-in as ${email} answered ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

export async function getJson<T>(baseUrl: string, path: string, token: string): Promise<{ status: number; body: T }> {
  const res = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json()) as T };
}
