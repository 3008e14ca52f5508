import { Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import type { ImportKind, ImportMapping, ImportMode, ImportRowError, ImportRowResult } from '@outcomes/contracts';
import type { JobWithMetadata } from 'pg-boss';
import { AccessLogWriter } from '../audit/access-log.writer';
import type { PendingAccess } from '../audit/access-log-chain';
import { AuthService } from '../auth/auth.service';
import type { AuthUser } from '../auth/auth-user';
import { IdentifierCrypto } from '../common/crypto/identifier-crypto';
import { IMPORT_QUEUE, JobQueue } from '../exports/job-queue';
import type { RequestContext } from '../tenancy/request-context';
import { TenantTransaction } from '../tenancy/tenant-transaction.service';
import { worded } from './import-refusals';
import { ImportRows, refusalOf } from './import-rows';
import type { FieldError, ImportLookups, RowOutcome } from './import-rows';
import { ROWS_FIELD } from './imports.service';
import type { ImportJobData } from './imports.service';
import { failImport, finishPhase, lockImport, ownImportWith, release, rollbackAndRelease, rollbackTo, savepoint, setProgress } from './imports.queries';

/** Progress is written at most this often, each write a short transaction of its own (as the exports'). */
const PROGRESS_INTERVAL_MS = 400;
/** Access-log rows appended per INSERT: 17 parameters each, under PostgreSQL's 65,535. */
const ACCESS_LOG_BATCH = 3000;
/** Rows per savepoint: 10,000 rows make 40 subtransactions, within PostgreSQL's 64 cached per transaction. */
const BATCH_ROWS = 250;

class ImportStillRunning extends Error {
  override name = 'ImportStillRunning';
}

/**
 * Runs an import's dry run or import, taken from the queue on whichever replica takes it, as the
 * user who asked (row-level security, their municipality). ONE transaction for all rows: each row
 * through its service's own create/update inside a savepoint, rolled back to it when the row fails,
 * so that one row's failure leaves the others. The dry run rolls the whole run back at the end (it
 * has seen everything the import would do, rows that depend on earlier rows included); the import
 * commits, or in all-or-nothing mode with a failing row rolls back everything.
 */
@Injectable()
export class ImportRunner implements OnApplicationBootstrap {
  private readonly logger = new Logger('Imports');

  constructor(
    private readonly queue: JobQueue,
    private readonly auth: AuthService,
    private readonly tenant: TenantTransaction,
    private readonly rows: ImportRows,
    private readonly crypto: IdentifierCrypto,
    private readonly accessLog: AccessLogWriter,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const boss = await this.queue.start();
    const worker = await boss.work(IMPORT_QUEUE, { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: 1 }, async ([job]: JobWithMetadata<ImportJobData>[]) => {
      if (job) await this.run(job);
    });
    this.queue.worker(IMPORT_QUEUE, worker);
  }

  async run(job: JobWithMetadata<ImportJobData>): Promise<void> {
    const { importJobId, userId } = job.data;
    const user = await this.auth.activeUser(userId);
    if (!user) {
      this.logger.warn(`import ${importJobId} dropped: its user is no longer active`);
      return;
    }
    try {
      await this.tenant.run(user, null, (ctx) => this.work(importJobId, user, ctx));
    } catch (error) {
      if (error instanceof ImportStillRunning) throw error;
      const code = error && typeof error === 'object' && 'code' in error && typeof error.code === 'string' ? error.code : error instanceof Error ? error.name : 'Error';
      this.logger.error(`import ${importJobId} failed: ${code}`);
      await this.tenant.run(user, null, (ctx) => failImport(ctx.manager, importJobId, code));
    }
  }

  private async work(id: string, user: AuthUser, ctx: RequestContext): Promise<void> {
    const manager = ctx.manager;
    if (!(await lockImport(manager, id))) throw new ImportStillRunning();
    const job = await ownImportWith(manager, id, 'rowsEncrypted');
    if (!job || !job.rowsEncrypted || !job.mapping || (job.status !== 'checking' && job.status !== 'running')) return; // gone, or done meanwhile
    const dryRun = job.status === 'checking';
    const mode = (job.mode ?? 'valid-rows') as ImportMode;
    const kind = job.kind as ImportKind;
    const mapping: ImportMapping = job.mapping;
    const fieldColumn = new Map(Object.entries(mapping).map(([column, field]) => [field, column]));
    const columnIndex = new Map(job.columns.map((column, i) => [column, i]));
    const cells = JSON.parse(this.crypto.decrypt(ROWS_FIELD, job.rowsEncrypted)) as string[][];
    const lookups: ImportLookups = { programmes: new Map(), centres: new Map(), citizens: new Map(), added: [] };
    const cprColumn = columnIndex.get(fieldColumn.get('cpr') ?? '');
    if (cprColumn !== undefined) await this.rows.preload(cells.map((r) => r[cprColumn] ?? '').filter((c) => c !== ''), lookups);
    const results: ImportRowResult[] = [];
    const serviceLogged: PendingAccess[] = [];
    const own: { row: number; outcome: RowOutcome | null }[] = [];
    const tag = dryRun ? 'dry run' : `import mode=${mode}`;
    let reported = Date.now();
    // Rows whose refusal is known (found in a batch that was then rolled back): recorded again without running them.
    const known = new Map<number, FieldError[]>();

    const began = Date.now();
    await savepoint(manager, 'import_all');
    let i = 0;
    while (i < cells.length) {
      // A batch of rows in ONE savepoint: PostgreSQL keeps 64 subtransactions per transaction in shared
      // memory and, past that, every snapshot of every session checks pg_subtrans (a savepoint per row
      // made 10,000 rows three times slower, and slowed the other sessions too). When a row is refused,
      // the batch is rolled back to its savepoint and run again up to that row, which is then recorded
      // as refused without running it (the rows before it left the database as they found it).
      const batchStart = i;
      const marks = { results: results.length, own: own.length, service: serviceLogged.length, accesses: ctx.accesses.length };
      lookups.added.length = 0;
      await savepoint(manager, 'import_batch');
      let refusedAt = -1;
      for (; i < cells.length && i - batchStart < BATCH_ROWS; i++) {
        const row = i + 2; // the header is row 1
        if ((cells[i] ?? []).length === 0) continue; // an empty line of the file: nothing to import
        const refusal = known.get(i);
        if (refusal) {
          own.push({ row, outcome: null });
          results.push({ row, action: 'error', recordId: null, errors: refusal.map((e): ImportRowError => ({ row, column: e.field ? (fieldColumn.get(e.field) ?? null) : null, field: e.field, rule: e.rule, ruleDa: e.ruleDa })) });
          continue;
        }
        const values: Record<string, string> = {};
        for (const [column, field] of Object.entries(mapping)) values[field] = (cells[i] ?? [])[columnIndex.get(column) ?? -1] ?? '';
        const before = ctx.accesses.length;
        try {
          const outcome = await this.rows.import(kind, values, lookups);
          // The service's own access rows (a change's before and after) stay, marked with the import.
          for (const access of ctx.accesses.slice(before)) access.criterion = `import=${id} row=${row}${access.criterion ? ` ${access.criterion}` : ''}`;
          serviceLogged.push(...ctx.accesses.splice(before));
          own.push({ row, outcome });
          results.push({ row, action: outcome.action, recordId: dryRun ? null : outcome.recordId, errors: [] });
        } catch (error) {
          const found: FieldError[] | null = refusalOf(error) ?? databaseRefusal(error);
          if (!found) throw error;
          known.set(i, found);
          refusedAt = i;
          break;
        }
      }
      if (refusedAt < 0) {
        await release(manager, 'import_batch');
      } else {
        // Undo the batch and run it again, this time recording the refused row without running it.
        await rollbackAndRelease(manager, 'import_batch');
        for (const hash of lookups.added) lookups.citizens.set(hash, null);
        results.length = marks.results;
        own.length = marks.own;
        serviceLogged.length = marks.service;
        ctx.accesses.length = marks.accesses;
        i = batchStart;
      }
      if (Date.now() - reported >= PROGRESS_INTERVAL_MS) {
        reported = Date.now();
        const percent = Math.min(99, Math.floor((i * 100) / cells.length));
        await this.tenant.run(user, null, (progress) => setProgress(progress.manager, id, percent));
      }
    }
    const failed = results.filter((r) => r.action === 'error').length;
    const rolledBack = !dryRun && mode === 'all-or-nothing' && failed > 0;
    const undone = dryRun || rolledBack;
    if (undone) {
      await rollbackTo(manager, 'import_all');
      for (const r of results) r.recordId = null; // nothing was written: what each row would do is the result
    }
    // Every row of the file in the access log with the import's id: what it did (create, update), or, when
    // nothing was written, the citizen it read (an existing one: a CPR number found, a course's citizen).
    const logged: PendingAccess[] = undone ? [] : serviceLogged;
    const note = rolledBack ? ' (rolled back: all or nothing)' : '';
    for (const { row, outcome } of own) {
      if (!outcome) {
        logged.push({ action: 'read', resource: kind, criterion: `import=${id} row=${row} ${tag}: refused${note}`, outcome: 'refused' });
        continue;
      }
      const read = undone || outcome.action === 'update' ? outcome.citizenId : null;
      logged.push(undone
        ? { action: 'read', resource: kind, recordId: outcome.action === 'update' ? outcome.recordId : null, citizenId: kind === 'citizens' && outcome.action === 'create' ? null : read, criterion: `import=${id} row=${row} ${tag}: ${outcome.action}${note}`, outcome: 'ok' }
        : { action: outcome.action, resource: kind, recordId: outcome.recordId, citizenId: outcome.citizenId, criterion: `import=${id} row=${row} ${tag}: ${outcome.action}`, outcome: 'ok' });
    }
    await release(manager, 'import_all');
    const count = (action: string) => (dryRun || rolledBack ? 0 : results.filter((r) => r.action === action).length);
    await finishPhase(manager, id, {
      status: dryRun ? 'checked' : 'done',
      results,
      created: dryRun ? results.filter((r) => r.action === 'create').length : count('create'),
      updated: dryRun ? results.filter((r) => r.action === 'update').length : count('update'),
      failed,
      rolledBack,
      // The file's rows are kept only until they are imported: a dry run keeps them for the import.
      dropRows: !dryRun,
    });
    logged.push({ action: dryRun ? 'read' : 'create', resource: 'imports', recordId: id, criterion: `import=${id} ${tag} kind=${kind} rows=${cells.length} failed=${failed}${rolledBack ? ' rolled back' : ''}`, outcome: 'ok' });
    this.logger.log(`import ${id} ${dryRun ? 'dry run' : mode}: ${cells.length} rows, ${failed} refused, in ${Date.now() - began} ms`);
    // In batches: one INSERT holds at most ACCESS_LOG_BATCH rows.
    const pending = ctx.accesses.splice(0);
    for (let start = 0; start < logged.length; start += ACCESS_LOG_BATCH) {
      ctx.accesses = logged.slice(start, start + ACCESS_LOG_BATCH);
      await this.accessLog.append(manager, ctx);
    }
    ctx.accesses = pending;
  }
}

/**
 * A row the database itself refused (a constraint): the row's error, not the run's. The keys a
 * service leaves to the database are worded by their name (import-refusals.ts); other errors end the run.
 */
function databaseRefusal(error: unknown): FieldError[] | null {
  if (!error || typeof error !== 'object' || !('code' in error) || typeof error.code !== 'string' || !/^(23|22)/.test(error.code)) return null;
  const constraint = 'constraint' in error && typeof error.constraint === 'string' ? error.constraint : undefined;
  return worded({ field: null, rule: `the database refused the row (SQLSTATE ${error.code})`, constraint });
}
