// An embedded PostgreSQL in its own process, steered over stdin, for tests that must stop and
// start the server (a database outage) from CommonJS test code:
//   prints {"url": ...} once started; then answers each line "stop" / "start" with "ok <command>";
//   "exit" (or the end of stdin) stops the server, removes its files and exits.
import { createInterface } from 'node:readline';
import { startThrowawayPostgres } from './throwaway-postgres.mjs';

const db = await startThrowawayPostgres({ forceEmbedded: true });
process.stdout.write(`${JSON.stringify({ url: db.url })}\n`);
const finish = async () => {
  await db.stop();
  process.exit(0);
};
for await (const line of createInterface({ input: process.stdin })) {
  const command = line.trim();
  if (command === 'stop') await db.embedded.stop();
  else if (command === 'start') await db.embedded.start();
  else if (command === 'exit') break;
  process.stdout.write(`ok ${command}\n`);
}
await finish();
