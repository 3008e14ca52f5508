import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { ImportMapping, ImportRowResult } from '@outcomes/contracts';
import { ImportJobEntity, ImportMappingEntity } from './import.entities';

/** The columns of an import without its rows and results (a megabyte each for a large file): what a poll of its progress reads. */
const LIGHT_COLUMNS: (keyof ImportJobEntity)[] = ['id', 'municipalityId', 'userId', 'kind', 'format', 'status', 'phase', 'mode', 'progress', 'columns', 'rowCount', 'mapping', 'created', 'updated', 'failed', 'rolledBack', 'error', 'createdAt', 'finishedAt'];

/** Every read here runs under row-level security: a user's own imports in their own municipality only. */
export function ownImport(m: EntityManager, id: string): Promise<ImportJobEntity | null> {
  return m.getRepository(ImportJobEntity).findOne({ where: { id }, select: Object.fromEntries(LIGHT_COLUMNS.map((c) => [c, true])) });
}

/** The import with its encrypted rows (for the run) or its results (for the results page). */
export function ownImportWith(m: EntityManager, id: string, heavy: 'rowsEncrypted' | 'results'): Promise<ImportJobEntity | null> {
  return m.getRepository(ImportJobEntity).findOne({ where: { id }, select: Object.fromEntries([...LIGHT_COLUMNS, heavy].map((c) => [c, true])) });
}

export function ownImports(m: EntityManager, userId: string): SelectQueryBuilder<ImportJobEntity> {
  return m.getRepository(ImportJobEntity).createQueryBuilder('r').select(LIGHT_COLUMNS.map((c) => `r.${c}`)).where('r.user_id = :me', { me: userId });
}

export async function insertImport(m: EntityManager, row: Pick<ImportJobEntity, 'municipalityId' | 'userId' | 'kind' | 'format' | 'columns' | 'rowCount' | 'rowsEncrypted' | 'mapping'>): Promise<string> {
  const result = await m.getRepository(ImportJobEntity).insert(row);
  return (result.identifiers[0] as { id: string }).id;
}

export function savedMapping(m: EntityManager, userId: string, kind: string): Promise<ImportMappingEntity | null> {
  return m.getRepository(ImportMappingEntity).findOneBy({ userId, kind });
}

export async function saveMapping(m: EntityManager, row: { userId: string; kind: string; municipalityId: string; mapping: ImportMapping }): Promise<void> {
  await m.query(
    `INSERT INTO import_mapping (user_id, kind, municipality_id, mapping, updated_at) VALUES ($1, $2, $3, $4, now())
     ON CONFLICT (user_id, kind) DO UPDATE SET mapping = EXCLUDED.mapping, updated_at = now()`,
    [row.userId, row.kind, row.municipalityId, JSON.stringify(row.mapping)],
  );
}

/** Moves an import to its next phase only from the states that allow it: false when it is elsewhere (409). */
export async function startPhase(m: EntityManager, id: string, from: string[], set: { status: string; phase: string; mode: string | null; mapping?: ImportMapping }): Promise<boolean> {
  const [, affected] = (await m.query(
    `UPDATE import_job SET status = $3, phase = $4, mode = $5, progress = 0, error = NULL, mapping = coalesce($6::jsonb, mapping)
     WHERE id = $1 AND status = ANY($2) RETURNING id`,
    [id, from, set.status, set.phase, set.mode, set.mapping ? JSON.stringify(set.mapping) : null],
  )) as [unknown[], number];
  return affected > 0;
}

export async function setProgress(m: EntityManager, id: string, percent: number): Promise<void> {
  await m.query('UPDATE import_job SET progress = $2 WHERE id = $1', [id, percent]);
}

/** Takes the import's lock for this attempt's transaction: false when another attempt holds it. */
export async function lockImport(m: EntityManager, id: string): Promise<boolean> {
  const [{ free }] = (await m.query('SELECT pg_try_advisory_xact_lock(hashtextextended($1, 815024)) AS free', [id])) as [{ free: boolean }];
  return free;
}

/** Records a phase's end: finished_at is clock_timestamp(), the moment it ended, not now(), when its transaction (the whole phase) began. */
export async function finishPhase(
  m: EntityManager,
  id: string,
  done: { status: string; results: ImportRowResult[]; created: number; updated: number; failed: number; rolledBack: boolean; dropRows: boolean },
): Promise<void> {
  await m.query(
    `UPDATE import_job SET status = $2, progress = 100, results = $3, created = $4, updated = $5, failed = $6, rolled_back = $7,
            rows_encrypted = CASE WHEN $8 THEN NULL ELSE rows_encrypted END, finished_at = clock_timestamp()
     WHERE id = $1`,
    [id, done.status, JSON.stringify(done.results), done.created, done.updated, done.failed, done.rolledBack, done.dropRows],
  );
}

export async function failImport(m: EntityManager, id: string, code: string): Promise<void> {
  await m.query(`UPDATE import_job SET status = 'failed', error = $2, finished_at = clock_timestamp() WHERE id = $1`, [id, code]);
}

export async function savepoint(m: EntityManager, name: string): Promise<void> {
  await m.query(`SAVEPOINT ${name}`);
}

export async function rollbackTo(m: EntityManager, name: string): Promise<void> {
  await m.query(`ROLLBACK TO SAVEPOINT ${name}`);
}

/** Two statements in one round trip (no parameters: PostgreSQL's simple protocol takes several). */
export async function rollbackAndRelease(m: EntityManager, name: string): Promise<void> {
  await m.query(`ROLLBACK TO SAVEPOINT ${name}; RELEASE SAVEPOINT ${name}`);
}

export async function release(m: EntityManager, name: string): Promise<void> {
  await m.query(`RELEASE SAVEPOINT ${name}`);
}

/** Reference lookups of a row, under the importer's row-level security (their municipality and the national catalogue). */
export async function programmeIdByCode(m: EntityManager, code: string): Promise<string | null> {
  // A municipality's own programme before a national one of the same code.
  const rows = (await m.query(`SELECT id FROM programme WHERE lower(code) = lower($1) ORDER BY municipality_id NULLS LAST LIMIT 1`, [code])) as { id: string }[];
  return rows[0]?.id ?? null;
}

export async function centreIdByName(m: EntityManager, name: string): Promise<string | null> {
  const rows = (await m.query(`SELECT id FROM centre WHERE lower(name) = lower($1) LIMIT 1`, [name])) as { id: string }[];
  return rows[0]?.id ?? null;
}

export async function enrolmentExists(m: EntityManager, citizenId: string, programmeId: string, referralDate: string): Promise<boolean> {
  const rows = (await m.query(`SELECT 1 FROM enrolment WHERE citizen_id = $1 AND programme_id = $2 AND referral_date = $3 LIMIT 1`, [citizenId, programmeId, referralDate])) as unknown[];
  return rows.length > 0;
}

/** The citizen's newest enrolment in the programme: the course a session or an assessment of the file belongs to. */
export async function latestEnrolment(m: EntityManager, citizenId: string, programmeId: string): Promise<string | null> {
  const rows = (await m.query(`SELECT id FROM enrolment WHERE citizen_id = $1 AND programme_id = $2 ORDER BY referral_date DESC, created_at DESC LIMIT 1`, [citizenId, programmeId])) as { id: string }[];
  return rows[0]?.id ?? null;
}

export async function assessmentExists(m: EntityManager, enrolmentId: string, timepoint: string, date: string): Promise<boolean> {
  const rows = (await m.query(`SELECT 1 FROM assessment WHERE enrolment_id = $1 AND timepoint = $2 AND assessed_on = $3 LIMIT 1`, [enrolmentId, timepoint, date])) as unknown[];
  return rows.length > 0;
}
