import { hostname } from 'node:os';
import type { DataSource } from 'typeorm';
import { AccessLogAnchors } from '../audit/access-log-anchors.service';
import { AccessLogWriter } from '../audit/access-log.writer';
import type { AppConfig } from '../config/config';
import { OutcomeCounting } from '../outcomes/outcome-counting.service';
import { Db } from '../tenancy/db.service';
import { TenantTransaction } from '../tenancy/tenant-transaction.service';
import { systemUser } from './retention-nightly';
import { heldCount, retentionSettings } from './retention.queries';
import { RetentionService } from './retention.service';
import { RETENTION_TABLES } from './retention-tables';

export const RETENTION_USAGE = `  cli.js retention --municipality <code or id> [--dry-run]
      retention in one municipality (its three-digit code or its id), as the nightly job runs it: the
      same service, as the system, under the same row-level security, each erased citizen and the run
      written to the access log in the transaction that erases them, then the chain's head signed into
      the anchors. --dry-run: what the run would erase (citizen ids, dates, rows per table; no names),
      erasing nothing; the dry run's read is logged too. Exit 2 on bad arguments or an unknown
      municipality, 1 when a run of the municipality is under way elsewhere.`;

interface Output {
  out: (line: string) => void;
  err: (line: string) => void;
}

interface Arguments {
  municipality: string;
  dryRun: boolean;
}

/** The arguments, or the reason they are refused (said as it is, with the usage). */
export function retentionArguments(args: string[]): Arguments | string {
  let municipality: string | undefined;
  let dryRun = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--dry-run') dryRun = true;
    else if (arg === '--municipality') {
      municipality = args[i + 1];
      if (municipality === undefined || municipality.startsWith('--')) return '--municipality needs a value: the municipality’s three-digit code or its id';
      i++;
    } else return `unknown argument: ${arg}`;
  }
  if (municipality === undefined) return '--municipality is required: the municipality’s three-digit code (e.g. 461) or its id';
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  if (!/^\d{3}$/.test(municipality) && !UUID.test(municipality)) return `--municipality ${municipality}: not a three-digit municipality code nor an id`;
  return { municipality: municipality.toLowerCase(), dryRun };
}

const counts = (rows: Record<string, number>): string =>
  RETENTION_TABLES.filter((t) => (rows[t] ?? 0) > 0)
    .map((t) => `${t}=${rows[t]}`)
    .join(' ') || 'none';

/**
 * `cli.js retention` (issue 22, decision 171). `owner` reads the municipality (reference data) and the
 * chain's head for the anchor; `app` is the API's own role, so the run meets the same row-level
 * security as the nightly job's. The work is RetentionService's, in a TenantTransaction as the system
 * user, exactly as RetentionJob runs it; only the log rows' address says where it came from.
 */
export async function retentionCommand(owner: DataSource, app: DataSource, appUrl: string, config: AppConfig, args: string[], io: Output): Promise<number> {
  const parsed = retentionArguments(args);
  if (typeof parsed === 'string') {
    io.err(`retention: ${parsed}\nusage:\n${RETENTION_USAGE}\n`);
    return 2;
  }
  const [municipality] = (await owner.query(`SELECT id::text AS id, code, name FROM municipality WHERE code = $1 OR id::text = $1`, [parsed.municipality])) as {
    id: string;
    code: string;
    name: string;
  }[];
  if (!municipality) {
    io.err(`retention: no municipality with the code or id ${parsed.municipality}\n`);
    return 2;
  }
  const db = new Db();
  const service = new RetentionService(db, new OutcomeCounting(db, config));
  const tenant = new TenantTransaction(app, new AccessLogWriter(config));
  const user = systemUser(municipality.id);
  // The log's address column says where a request came from; here: this command on this host.
  const address = `cli:${hostname()}`.slice(0, 64);
  const label = `${municipality.code} ${municipality.name} (${municipality.id})`;

  if (parsed.dryRun) {
    const dry = await tenant.run(user, address, async (ctx) => {
      const settings = await retentionSettings(ctx.manager, municipality.id);
      const result = await service.dryRun(ctx.manager, municipality.id);
      const held = await heldCount(ctx.manager, municipality.id);
      // The dry run names citizens (their ids): a read, logged as the admin's dry run on the web is.
      ctx.accesses.push({ action: 'search', resource: 'retention', citizenIds: result.due.map((d) => d.citizenId), criterion: 'cli.js retention --dry-run', outcome: 'ok' });
      return { settings, held, ...result };
    });
    io.out(`retention dry run in ${label}: ${dry.due.length} citizen(s) due; nothing erased`);
    io.out(`retention periods: health records ${dry.settings.healthYears} years, social ${dry.settings.socialYears} years; citizens under a legal hold: ${dry.held}`);
    io.out(`rows per table: ${counts(dry.rows)}`);
    for (const d of dry.due) io.out(`due ${d.citizenId} last entry ${d.lastEntryAt.slice(0, 10)} ${d.health ? 'health' : 'social'} due since ${d.dueAt.slice(0, 10)}: ${counts(d.rows)}`);
  } else {
    const outcome = await tenant.run(user, address, async (ctx) => {
      const run = await service.run('schedule');
      // The citizens the run erased, as its access-log rows name them (before they are appended).
      const erased = ctx.accesses.filter((a) => a.resource === 'retention' && a.action === 'delete' && a.citizenId).map((a) => a.citizenId as string);
      return { run, erased };
    });
    if (!outcome.run) {
      io.err(`retention: a retention run of ${label} is under way elsewhere (another replica or command); nothing erased, try again when it has finished\n`);
      return 1;
    }
    io.out(`retention run ${outcome.run.id} in ${label}: ${outcome.run.citizens} citizen(s) erased`);
    io.out(`rows erased per table: ${counts(outcome.run.erased)}`);
    for (const id of outcome.erased) io.out(`erased ${id}`);
  }
  // The nightly job's rows are signed by the API's next anchor; this process is gone by then, so it
  // signs the chain it wrote to itself, as the API would (decision 127).
  const anchors = new AccessLogAnchors(owner, config, appUrl);
  const head = (await AccessLogAnchors.heads((sql, params) => owner.query(sql, params))).find((h) => h.chain === municipality.id);
  if (head) {
    anchors.record({ kind: 'head', chain: head.chain, seq: head.seq, hash: head.hash });
    io.out(`access log: chain ${head.chain} anchored at seq ${head.seq}`);
  }
  return 0;
}
