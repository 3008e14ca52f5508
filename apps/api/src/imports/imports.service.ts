import { Injectable } from '@nestjs/common';
import { IMPORT_KINDS } from '@outcomes/contracts';
import type { ImportJob, ImportKind, ImportMapping, ImportMode, ImportRowResult, RawListQuery } from '@outcomes/contracts';
import type { ListPage } from '../common/list-query/list-page';
import { listPage } from '../common/list-query/list-page';
import type { ListSpec } from '../common/list-query/list-query';
import { IdentifierCrypto } from '../common/crypto/identifier-crypto';
import { ApiException } from '../common/errors/api.exception';
import { IMPORT_QUEUE, JobQueue } from '../exports/job-queue';
import { queueSql } from '../exports/exports.queries';
import { Db } from '../tenancy/db.service';
import type { ImportJobEntity } from './import.entities';
import { IMPORT_FIELDS } from './import-fields';
import { checkMapping, fittingMapping, suggestMapping } from './import-kinds';
import { readImportFile } from './import-file';
import { insertImport, ownImport, ownImportWith, ownImports, savedMapping, saveMapping, startPhase } from './imports.queries';

export interface ImportJobData {
  importJobId: string;
  userId: string;
}

const LIST_SPEC: ListSpec = {
  fields: {
    id: { type: 'uuid', column: 'id', filterable: true },
    kind: { type: 'string', column: 'kind', filterable: true },
    status: { type: 'string', column: 'status', filterable: true },
    createdAt: { type: 'datetime', column: 'created_at', sortable: true },
  },
  searchColumns: [],
  defaultSort: ['createdAt', 'DESC'],
};

/** The encryption context of an import's stored rows (they hold CPR numbers and names). */
export const ROWS_FIELD = 'import_rows';

export function toImportJob(job: ImportJobEntity): ImportJob {
  const kind = job.kind as ImportKind;
  return {
    id: job.id,
    kind,
    format: job.format as ImportJob['format'],
    status: job.status as ImportJob['status'],
    phase: job.phase as ImportJob['phase'],
    mode: job.mode as ImportJob['mode'],
    progress: job.progress,
    columns: job.columns,
    rowCount: job.rowCount,
    mapping: job.mapping ?? {},
    fields: IMPORT_FIELDS[kind],
    created: job.created,
    updated: job.updated,
    failed: job.failed,
    rolledBack: job.rolledBack,
    error: job.error,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

/** The request side of imports: upload, dry run, run, and reading the results. The work is ImportRunner's. */
@Injectable()
export class ImportsService {
  constructor(
    private readonly db: Db,
    private readonly crypto: IdentifierCrypto,
    private readonly queue: JobQueue,
  ) {}

  /** Reads the file (CSV or XLSX by its content) and keeps its rows encrypted; answers the mapping to start from. */
  async upload(kind: string | undefined, bytes: Buffer): Promise<ImportJob> {
    if (!(IMPORT_KINDS as readonly string[]).includes(kind ?? '')) throw ApiException.validation({ kind: `kind must be one of ${IMPORT_KINDS.join(', ')}` });
    const importKind = kind as ImportKind;
    const table = await readImportFile(bytes);
    const user = this.db.user();
    const saved = await savedMapping(this.db.manager(), user.id, importKind);
    const fitting = saved ? fittingMapping(importKind, table.columns, saved.mapping) : {};
    // The saved mapping first; the columns it leaves are matched by name to the fields it leaves
    // (a "CPR-nummer" column new to this file was left unmapped, and citizens were imported without it: decision 176).
    const taken = new Set(Object.values(fitting));
    const byName = Object.entries(suggestMapping(importKind, table.columns)).filter(([column, field]) => !(column in fitting) && !taken.has(field));
    const mapping = { ...Object.fromEntries(byName), ...fitting };
    const id = await insertImport(this.db.manager(), {
      municipalityId: this.db.municipalityId(),
      userId: user.id,
      kind: importKind,
      format: table.format,
      columns: table.columns,
      rowCount: table.rows.length,
      rowsEncrypted: this.crypto.encrypt(ROWS_FIELD, JSON.stringify(table.rows)),
      mapping,
    });
    return this.get(id);
  }

  list(raw: RawListQuery): Promise<ListPage<ImportJob>> {
    return listPage(ownImports(this.db.manager(), this.db.user().id), raw, LIST_SPEC, (rows) => rows.map(toImportJob));
  }

  async get(id: string): Promise<ImportJob> {
    return toImportJob(await this.find(id));
  }

  /** A page of the per-row results (row, action, record, errors); the errors first when `errorsOnly`. */
  async results(id: string, offset: number, limit: number, errorsOnly: boolean): Promise<{ total: number; rows: ImportRowResult[] }> {
    await this.find(id);
    const all = (await ownImportWith(this.db.manager(), id, 'results'))?.results ?? [];
    const chosen = errorsOnly ? all.filter((r) => r.errors.length > 0) : all;
    return { total: chosen.length, rows: chosen.slice(offset, offset + limit) };
  }

  /** Checks and saves the mapping (for this user and kind, for next time), then queues the dry run. */
  async dryRun(id: string, mapping: ImportMapping): Promise<ImportJob> {
    const job = await this.find(id);
    checkMapping(job.kind as ImportKind, job.columns, mapping);
    const user = this.db.user();
    await saveMapping(this.db.manager(), { userId: user.id, kind: job.kind, municipalityId: this.db.municipalityId(), mapping });
    if (!(await startPhase(this.db.manager(), id, ['uploaded', 'checked'], { status: 'checking', phase: 'dry-run', mode: null, mapping }))) {
      throw new ApiException(409, 'ILLEGAL_TRANSITION', `This import is ${job.status}; a dry run is made of an uploaded or checked import only`);
    }
    await this.enqueue(id);
    return this.get(id);
  }

  /** Queues the import of a checked file in the mode chosen; its dry run must have been made with the mapping it uses. */
  async run(id: string, mode: ImportMode): Promise<ImportJob> {
    const job = await this.find(id);
    if (!(await startPhase(this.db.manager(), id, ['checked'], { status: 'running', phase: 'import', mode }))) {
      throw new ApiException(409, 'ILLEGAL_TRANSITION', job.status === 'uploaded' ? 'Make the dry run first: an import runs only after its dry run' : `This import is ${job.status}; only a checked import can be run`);
    }
    await this.enqueue(id);
    return this.get(id);
  }

  private async enqueue(id: string): Promise<void> {
    const data: ImportJobData = { importJobId: id, userId: this.db.user().id };
    await this.queue.instance.send(IMPORT_QUEUE, data, { db: queueSql(this.db.manager()) });
    this.db.context().afterCommit.push(() => this.queue.wake(IMPORT_QUEUE));
  }

  private async find(id: string): Promise<ImportJobEntity> {
    const job = await ownImport(this.db.manager(), id);
    if (!job) throw ApiException.notFound('Import');
    return job;
  }
}
