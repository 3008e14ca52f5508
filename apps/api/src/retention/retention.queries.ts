import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { CitizenDataTable } from '../database/citizen-data-tables';
import { citizenOfRow, RETENTION_TABLES } from './retention-tables';
import { LegalHoldEntity } from './legal-hold.entity';

// Every query of retention (decisions 97-100). The rule of who is due lives once in SQL,
// retention_due() (migration RetentionTenancy), read here under row-level security as the API's
// role; the erasure is retention_erase(), which checks the same rule again before it deletes.

export interface DueRow {
  citizenId: string;
  lastEntryAt: Date;
  health: boolean;
  dueAt: Date;
}

/** The citizens the next run erases, oldest due first. */
export async function dueCitizens(m: EntityManager, municipalityId: string): Promise<DueRow[]> {
  return (await m.query(
    `SELECT citizen_id AS "citizenId", last_entry_at AS "lastEntryAt", health, due_at AS "dueAt"
       FROM retention_due($1) ORDER BY due_at, citizen_id`,
    [municipalityId],
  )) as DueRow[];
}

/** Rows per table and citizen, for these citizens: what their erasure removes. */
export async function rowsOfCitizens(m: EntityManager, citizenIds: string[]): Promise<Map<string, Record<CitizenDataTable, number>>> {
  const out = new Map<string, Record<CitizenDataTable, number>>();
  for (const id of citizenIds) out.set(id, Object.fromEntries(RETENTION_TABLES.map((t) => [t, 0])) as Record<CitizenDataTable, number>);
  if (citizenIds.length === 0) return out;
  const parts = RETENTION_TABLES.map((table) => {
    const { from, citizen } = citizenOfRow(table);
    return `SELECT '${table}' AS "table", ${citizen} AS "citizenId", count(*)::int AS n FROM ${from} WHERE ${citizen} = ANY($1) GROUP BY ${citizen}`;
  });
  const rows = (await m.query(parts.join('\nUNION ALL\n'), [citizenIds])) as { table: CitizenDataTable; citizenId: string; n: number }[];
  for (const r of rows) {
    const counts = out.get(r.citizenId);
    if (counts) counts[r.table] = r.n;
  }
  return out;
}

/**
 * The (programme, referral year) pairs of these citizens' courses: the years whose outcome figures an
 * erasure of them changes (decision 166). Merged records' courses were moved to the survivor.
 */
export async function courseYearsOf(m: EntityManager, citizenIds: string[]): Promise<{ programmeId: string; year: number }[]> {
  if (citizenIds.length === 0) return [];
  return (await m.query(
    `SELECT DISTINCT programme_id AS "programmeId", extract(year FROM referral_date)::int AS year FROM enrolment WHERE citizen_id = ANY($1) ORDER BY 1, 2`,
    [citizenIds],
  )) as { programmeId: string; year: number }[];
}

/** Citizens of the municipality under a legal hold in force. */
export async function heldCount(m: EntityManager, municipalityId: string): Promise<number> {
  const [row] = (await m.query(`SELECT count(DISTINCT citizen_id)::int AS n FROM legal_hold WHERE municipality_id = $1 AND lifted_at IS NULL`, [municipalityId])) as { n: number }[];
  return row?.n ?? 0;
}

/** The hold in force on a citizen, if any. */
export async function holdInForce(m: EntityManager, citizenId: string): Promise<{ id: string; reason: string } | null> {
  const [row] = (await m.query(`SELECT id, reason FROM legal_hold WHERE citizen_id = $1 AND lifted_at IS NULL`, [citizenId])) as { id: string; reason: string }[];
  return row ?? null;
}

/** Whether the citizen exists in the transaction's municipality (row-level security decides). */
export async function citizenExists(m: EntityManager, citizenId: string): Promise<boolean> {
  const rows = (await m.query(`SELECT 1 FROM citizen WHERE id = $1`, [citizenId])) as unknown[];
  return rows.length > 0;
}

export interface Erased {
  erased: Record<CitizenDataTable, number>;
  courses: { programmeId: string; year: number; courseKind: string; state: string; count: number }[];
}

/**
 * Erases one citizen through retention_erase() (SECURITY DEFINER: the API's role has no DELETE on
 * these tables). Holds a transaction-level lock per municipality so two replicas' runs take turns.
 */
export async function eraseCitizen(m: EntityManager, citizenId: string): Promise<Erased> {
  const [row] = (await m.query(`SELECT retention_erase($1) AS result`, [citizenId])) as { result: Erased }[];
  if (!row) throw new Error('retention_erase answered nothing');
  return row.result;
}

/** One run at a time per municipality, across replicas: false when another holds it. */
export async function lockRuns(m: EntityManager, municipalityId: string): Promise<boolean> {
  const [row] = (await m.query(`SELECT pg_try_advisory_xact_lock(hashtextextended($1, 97097)) AS free`, [municipalityId])) as { free: boolean }[];
  return row?.free ?? false;
}

export interface RunRow {
  id: string;
  startedAt: Date;
  trigger: 'schedule' | 'admin' | 'erasure';
  userId: string | null;
  citizens: number;
  erased: Record<string, number>;
  courses: Erased['courses'];
}

export async function insertRun(m: EntityManager, run: Omit<RunRow, 'id' | 'startedAt'> & { municipalityId: string }): Promise<RunRow> {
  const [row] = (await m.query(
    `INSERT INTO retention_run (municipality_id, trigger, user_id, citizens, erased, courses) VALUES ($1, $2, $3, $4, $5, $6)
     RETURNING id, started_at AS "startedAt", trigger, user_id AS "userId", citizens, erased, courses`,
    [run.municipalityId, run.trigger, run.userId, run.citizens, JSON.stringify(run.erased), JSON.stringify(run.courses)],
  )) as RunRow[];
  if (!row) throw new Error('retention_run not written');
  return row;
}

/** The municipality's latest runs, newest first. */
export async function latestRuns(m: EntityManager, municipalityId: string, limit: number): Promise<RunRow[]> {
  return (await m.query(
    `SELECT id, started_at AS "startedAt", trigger, user_id AS "userId", citizens, erased, courses
       FROM retention_run WHERE municipality_id = $1 ORDER BY started_at DESC, id LIMIT $2`,
    [municipalityId, limit],
  )) as RunRow[];
}

/** The municipality's retention settings. */
export async function retentionSettings(m: EntityManager, municipalityId: string): Promise<{ healthYears: number; socialYears: number }> {
  const [row] = (await m.query(`SELECT retention_health_years AS "healthYears", retention_social_years AS "socialYears" FROM municipality WHERE id = $1`, [municipalityId])) as {
    healthYears: number;
    socialYears: number;
  }[];
  if (!row) throw new Error('municipality not visible');
  return row;
}

/** Every municipality's id, for the scheduled run (the owner's read: municipality is reference data). */
export async function allMunicipalityIds(m: EntityManager): Promise<string[]> {
  return ((await m.query(`SELECT id FROM municipality ORDER BY code`)) as { id: string }[]).map((r) => r.id);
}

// Legal holds.

export interface LegalHoldRow {
  id: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  citizenId: string;
  reason: string;
  placedByUserId: string;
  liftedAt: Date | null;
  liftedByUserId: string | null;
  liftReason: string | null;
}

export const LEGAL_HOLD_SELECT = `SELECT id, version, created_at AS "createdAt", updated_at AS "updatedAt", citizen_id AS "citizenId", reason,
  placed_by_user_id AS "placedByUserId", lifted_at AS "liftedAt", lifted_by_user_id AS "liftedByUserId", lift_reason AS "liftReason" FROM legal_hold`;

export async function legalHoldOrNull(m: EntityManager, id: string): Promise<LegalHoldRow | null> {
  const [row] = (await m.query(`${LEGAL_HOLD_SELECT} WHERE id = $1`, [id])) as LegalHoldRow[];
  return row ?? null;
}

export async function insertLegalHold(m: EntityManager, hold: { municipalityId: string; citizenId: string; reason: string; userId: string }): Promise<string> {
  const [row] = (await m.query(
    `INSERT INTO legal_hold (municipality_id, citizen_id, reason, placed_by_user_id) VALUES ($1, $2, $3, $4) RETURNING id`,
    [hold.municipalityId, hold.citizenId, hold.reason, hold.userId],
  )) as { id: string }[];
  if (!row) throw new Error('legal_hold not written');
  return row.id;
}

/** Lifts a hold in force at this version; false when none was (stale, lifted, or not visible). */
export async function liftLegalHold(m: EntityManager, id: string, version: number, userId: string, liftReason: string): Promise<boolean> {
  const [, affected] = (await m.query(
    `UPDATE legal_hold SET lifted_at = now(), lifted_by_user_id = $3, lift_reason = $4, version = version + 1, updated_at = now()
      WHERE id = $1 AND version = $2 AND lifted_at IS NULL`,
    [id, version, userId, liftReason],
  )) as [unknown, number];
  return affected > 0;
}

export function legalHoldList(m: EntityManager): SelectQueryBuilder<LegalHoldEntity> {
  return m.getRepository(LegalHoldEntity).createQueryBuilder('r');
}
