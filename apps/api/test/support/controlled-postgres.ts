import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** An embedded PostgreSQL in a child process (tools/testing/pg-control.mjs) that a test can stop and start. */
export interface ControlledPostgres {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  exit(): Promise<void>;
}

export async function startControlledPostgres(): Promise<ControlledPostgres> {
  const child = spawn(process.execPath, [join(__dirname, '../../../../tools/testing/pg-control.mjs')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async (): Promise<string> => {
    const { value, done } = await lines.next();
    if (done) throw new Error('pg-control ended unexpectedly');
    return value as string;
  };
  const { url } = JSON.parse(await next()) as { url: string };
  const command = async (name: string): Promise<void> => {
    child.stdin.write(`${name}\n`);
    const answer = await next();
    if (answer !== `ok ${name}`) throw new Error(`pg-control answered ${answer}`);
  };
  return {
    url,
    stop: () => command('stop'),
    start: () => command('start'),
    exit: async () => {
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.stdin.end('exit\n');
      await exited;
    },
  };
}
