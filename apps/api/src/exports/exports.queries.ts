import type { Readable } from 'node:stream';
import type { PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { ExportJobEntity, ExportProjectEntity } from './export.entities';

// The queries of the exports feature's services (export_project, export_job, export_file_chunk, the
// programme count a project's check needs), in the request's tenant transaction (row-level security
// applies). The datasets' SQL lives in export-datasets.ts and the worker's (cursor, chunks, job
// status) in export-runner.ts and export-writers.ts: each is already the one home of its part.

/** The evaluator's own export projects (the base of their list, listPage adds the rest). */
export function ownProjects(m: EntityManager, evaluatorId: string): SelectQueryBuilder<ExportProjectEntity> {
  return m.getRepository(ExportProjectEntity).createQueryBuilder('r').where('r.evaluator_id = :me', { me: evaluatorId });
}

/** The evaluator's own export project with this id, or null. */
export function ownProject(m: EntityManager, evaluatorId: string, id: string): Promise<ExportProjectEntity | null> {
  return ownProjects(m, evaluatorId).andWhere('r.id = :id', { id }).getOne();
}

/** The evaluator's own export project with this id and its (encrypted) pseudonym key and salt, or null. */
export function ownProjectWithKey(m: EntityManager, evaluatorId: string, id: string): Promise<ExportProjectEntity | null> {
  return ownProjects(m, evaluatorId).addSelect(['r.pseudonymKeyEncrypted', 'r.pseudonymKeySalt']).andWhere('r.id = :id', { id }).getOne();
}

/** How many of these programme ids name programmes the request may see. */
export async function countProgrammes(m: EntityManager, ids: string[]): Promise<number> {
  const [{ n }] = (await m.query('SELECT count(*)::int AS n FROM programme WHERE id = ANY($1)', [ids])) as [{ n: number }];
  return n;
}

/** The user's own export jobs (the base of their list, listPage adds the rest). */
export function ownJobs(m: EntityManager, userId: string): SelectQueryBuilder<ExportJobEntity> {
  return m.getRepository(ExportJobEntity).createQueryBuilder('r').where('r.requested_by = :me', { me: userId });
}

/** The user's own export job with this id, or null. */
export function ownJob(m: EntityManager, userId: string, id: string): Promise<ExportJobEntity | null> {
  return ownJobs(m, userId).andWhere('r.id = :id', { id }).getOne();
}

/** The user's job queued or running for the project, or null. */
export function ownActiveJobOf(m: EntityManager, userId: string, projectId: string): Promise<ExportJobEntity | null> {
  return ownJobs(m, userId).andWhere(`r.project_id = :project AND r.status IN ('queued', 'running')`, { project: projectId }).getOne();
}

/** Inserts a queued job unless the project has one queued or running; answers its id, or undefined. */
export async function insertJobUnlessActive(
  m: EntityManager,
  values: { municipalityId: string; projectId: string; requestedBy: string; dataset: string; format: string },
): Promise<string | undefined> {
  const inserted = (await m.query(
    `INSERT INTO export_job (municipality_id, project_id, requested_by, dataset, format)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (project_id) WHERE status IN ('queued', 'running') DO NOTHING RETURNING id`,
    [values.municipalityId, values.projectId, values.requestedBy, values.dataset, values.format],
  )) as { id: string }[];
  return inserted[0]?.id;
}

/**
 * Makes one user's export requests take turns until the transaction ends. Seed 815005: its own key
 * space, apart from the runner's per-job lock (815004).
 */
export async function lockUserExports(m: EntityManager, userId: string): Promise<void> {
  await m.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 815005))', [userId]);
}

/** The projects of the user's jobs queued or running. */
export async function activeJobProjects(m: EntityManager, userId: string): Promise<{ project_id: string }[]> {
  return (await m.query(`SELECT project_id FROM export_job WHERE requested_by = $1 AND status IN ('queued', 'running')`, [userId])) as { project_id: string }[];
}

/** How long a download's COPY may run: a 250 MiB file at 150 KB/s. */
const DOWNLOAD_TIMEOUT = '30min';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A finished export's file as PostgreSQL's binary COPY of its chunks, in the request's transaction
 * (row-level security applies to the COPY's query as to any other). Binary, because pg reads a
 * `bytea` column as hex text: twice the file's size through V8's heap (docs/performance.md). The
 * COPY waits for a slow client (the stream's back-pressure stops reading the socket), so its
 * statement may run as long as the download: up to DOWNLOAD_TIMEOUT, not the API's 30 s. It is the
 * transaction's last statement, so SET LOCAL bounds nothing else.
 */
export async function fileCopyStream(m: EntityManager, jobId: string): Promise<Readable> {
  if (!UUID.test(jobId)) throw new Error('fileCopyStream: a job id is a UUID');
  await m.query(`SET LOCAL statement_timeout = '${DOWNLOAD_TIMEOUT}'`);
  // COPY takes no parameters; the id is a UUID checked above (it comes from the job's own row).
  const client = (await (m.queryRunner as unknown as { connect(): Promise<PoolClient> }).connect());
  return client.query(copyTo(`COPY (SELECT data FROM export_file_chunk WHERE job_id = '${jobId}' ORDER BY seq) TO STDOUT (FORMAT binary)`));
}

/** The queue's way into the transaction: its entry is written in the request's transaction, with the job row. */
export function queueSql(m: EntityManager): { executeSql: (text: string, values: unknown[]) => Promise<{ rows: unknown[] }> } {
  return { executeSql: async (text: string, values: unknown[]) => ({ rows: (await m.query(text, values)) as unknown[] }) };
}
