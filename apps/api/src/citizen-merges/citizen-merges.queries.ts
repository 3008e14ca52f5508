import type { EntityManager } from 'typeorm';
import { CITIZEN_DATA_TABLES, citizenRowsPredicate } from '../database/citizen-data-tables';
import type { CitizenDataTable } from '../database/citizen-data-tables';
import { CitizenEntity } from '../citizens/citizen.entity';
import { CitizenMergeEntity } from './citizen-merge.entity';

// Every query of the citizen-merges feature (table citizen_merge, and the moving of a citizen's rows
// across the tables of database/citizen-data-tables.ts), in the request's tenant transaction (row-level
// security applies). Table and column names come from that list, never from input.

/** The citizen, merged away or not, locked for the merge (FOR UPDATE: a concurrent merge of either waits); null if not of the own municipality. */
export function lockCitizen(m: EntityManager, id: string): Promise<CitizenEntity | null> {
  return m.getRepository(CitizenEntity).createQueryBuilder('r').where('r.id = :id', { id }).setLock('pessimistic_write').getOne();
}

/** The live citizen (not merged away) of the own municipality with this CPR hash, or null. */
export function liveCitizenByCprHash(m: EntityManager, hash: string): Promise<CitizenEntity | null> {
  return m.getRepository(CitizenEntity).createQueryBuilder('r').where('r.cpr_hash = :hash AND r.merged_into_id IS NULL', { hash }).getOne();
}

/** How many of one citizen's rows `table` holds (through its parent for a table reached that way). */
export async function rowCount(m: EntityManager, table: CitizenDataTable, citizenId: string): Promise<number> {
  const [row] = (await m.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${citizenRowsPredicate(table)}`, [citizenId])) as { n: number }[];
  return row?.n ?? 0;
}

/** The ids of one citizen's rows of `table`, a table that names the citizen itself. */
export async function rowIds(m: EntityManager, table: CitizenDataTable, citizenId: string): Promise<string[]> {
  const rows = (await m.query(`SELECT id::text AS id FROM ${table} WHERE ${citizenRowsPredicate(table)} ORDER BY id`, [citizenId])) as { id: string }[];
  return rows.map((r) => r.id);
}

/** Moves these rows of a table the API's role may update from one citizen to another; answers how many moved. */
export async function moveRows(m: EntityManager, table: CitizenDataTable, ids: string[], from: string, to: string): Promise<number> {
  const how = CITIZEN_DATA_TABLES[table] as { citizen?: string };
  if (!how.citizen) throw new Error(`${table} does not name its citizen itself`);
  const [, affected] = (await m.query(`UPDATE ${table} SET ${how.citizen} = $1 WHERE id = ANY($2::uuid[]) AND ${how.citizen} = $3`, [to, ids, from])) as [unknown, number];
  return affected;
}

/** Moves an append-only table's rows the merge record lists, through the database's narrow function (migration CitizenMergesTenancy). */
export async function repointAppendOnly(m: EntityManager, mergeId: string, table: CitizenDataTable, undo: boolean): Promise<number> {
  const [row] = (await m.query('SELECT citizen_merge_repoint($1, $2, $3) AS n', [mergeId, table, undo])) as [{ n: number }];
  return row.n;
}

/** The citizen's open request (at most one, by the unique index), or null. */
export async function openRequestId(m: EntityManager, citizenId: string): Promise<string | null> {
  const [row] = (await m.query(`SELECT id::text AS id FROM case_request WHERE citizen_id = $1 AND status = 'open'`, [citizenId])) as { id: string }[];
  return row?.id ?? null;
}

/** Consent purposes (citizen_consent) for which both citizens have entries: their numbered histories cannot be joined. */
export async function sharedConsentPurposes(m: EntityManager, a: string, b: string): Promise<string[]> {
  const rows = (await m.query(
    `SELECT DISTINCT x.purpose FROM citizen_consent x JOIN citizen_consent y ON y.purpose = x.purpose AND y.citizen_id = $2 WHERE x.citizen_id = $1 ORDER BY 1`,
    [a, b],
  )) as { purpose: string }[];
  return rows.map((r) => r.purpose);
}

/** Programmes in which both citizens have an open course (referred or active: the unique index's rule). */
export async function sharedOpenProgrammes(m: EntityManager, a: string, b: string): Promise<string[]> {
  const rows = (await m.query(
    `SELECT DISTINCT x.programme_id::text AS id FROM enrolment x JOIN enrolment y ON y.programme_id = x.programme_id
      WHERE x.citizen_id = $1 AND y.citizen_id = $2 AND x.state IN ('referred', 'active') AND y.state IN ('referred', 'active')`,
    [a, b],
  )) as { id: string }[];
  return rows.map((r) => r.id);
}

/** Inserts a merge record; answers its id. */
export async function insertMerge(m: EntityManager, values: Partial<CitizenMergeEntity>): Promise<string> {
  const result = await m.getRepository(CitizenMergeEntity).createQueryBuilder().insert().values(values).returning('id').execute();
  return (result.identifiers[0] as { id: string }).id;
}

/** Marks the citizen merged into another (or back: null); answers how many rows changed (0: stale version). */
export async function setMergedInto(m: EntityManager, id: string, version: number, mergedIntoId: string | null): Promise<number | undefined> {
  const result = await m.getRepository(CitizenEntity).createQueryBuilder().update().set({ mergedIntoId }).where('id = :id AND version = :version', { id, version }).execute();
  return result.affected;
}

/** The merge, locked for its undo, or null (another municipality's is not found either). */
export function lockMerge(m: EntityManager, id: string): Promise<CitizenMergeEntity | null> {
  return m.getRepository(CitizenMergeEntity).createQueryBuilder('r').where('r.id = :id', { id }).setLock('pessimistic_write').getOne();
}

/** Records the undo if the merge still has this version and is not undone; answers how many rows changed. */
export async function markUndone(m: EntityManager, id: string, version: number, values: Pick<CitizenMergeEntity, 'undoneAt' | 'undoneByUserId' | 'undoReasonEncrypted'>): Promise<number | undefined> {
  const result = await m.getRepository(CitizenMergeEntity).createQueryBuilder().update().set(values).where('id = :id AND version = :version AND undone_at IS NULL', { id, version }).execute();
  return result.affected;
}

/** A merge with the names of who merged and who undid it. */
export type MergeRow = { merge: CitizenMergeEntity; mergedBy: string; undoneBy: string | null; sourceFirst: string; sourceLast: string };

const MERGE_SELECT = `SELECT g.id::text AS id, u.display_name AS merged_by, v.display_name AS undone_by,
       s.first_name_encrypted AS source_first, s.last_name_encrypted AS source_last
  FROM citizen_merge g JOIN app_user u ON u.id = g.merged_by_user_id LEFT JOIN app_user v ON v.id = g.undone_by_user_id
  JOIN citizen s ON s.id = g.source_citizen_id`;

async function withNames(m: EntityManager, merges: CitizenMergeEntity[]): Promise<MergeRow[]> {
  if (merges.length === 0) return [];
  const names = (await m.query(`${MERGE_SELECT} WHERE g.id = ANY($1::uuid[])`, [merges.map((g) => g.id)])) as { id: string; merged_by: string; undone_by: string | null; source_first: string; source_last: string }[];
  const byId = new Map(names.map((n) => [n.id, n]));
  return merges.map((merge) => {
    const n = byId.get(merge.id);
    return { merge, mergedBy: n?.merged_by ?? '', undoneBy: n?.undone_by ?? null, sourceFirst: n?.source_first ?? '', sourceLast: n?.source_last ?? '' };
  });
}

/** One merge with its names, or null. */
export async function mergeById(m: EntityManager, id: string): Promise<MergeRow | null> {
  const merge = await m.getRepository(CitizenMergeEntity).createQueryBuilder('r').where('r.id = :id', { id }).getOne();
  return merge ? ((await withNames(m, [merge]))[0] ?? null) : null;
}

/** The merges into a citizen (target) or of it (source), newest first, at most `limit`. */
export async function mergesOf(m: EntityManager, citizenId: string, limit: number): Promise<MergeRow[]> {
  const merges = await m
    .getRepository(CitizenMergeEntity)
    .createQueryBuilder('r')
    .where('r.target_citizen_id = :citizenId OR r.source_citizen_id = :citizenId', { citizenId })
    .orderBy('r.merged_at', 'DESC')
    .limit(limit)
    .getMany();
  return withNames(m, merges);
}

/** A foreign key between two of a citizen's tables: `child.column` names a row of `parent`. */
export type CitizenTableLink = { child: string; column: string; parent: string };

/** Every foreign key between the citizen's tables (the catalogue's; the column that names the parent's id). */
export async function citizenTableLinks(m: EntityManager, tables: string[]): Promise<CitizenTableLink[]> {
  return (await m.query(
    `SELECT DISTINCT c.conrelid::regclass::text AS child, a.attname AS column, c.confrelid::regclass::text AS parent
       FROM pg_constraint c CROSS JOIN LATERAL unnest(c.conkey, c.confkey) AS k(own, referenced)
       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.own
       JOIN pg_attribute r ON r.attrelid = c.confrelid AND r.attnum = k.referenced AND r.attname = 'id'
      WHERE c.contype = 'f' AND c.conrelid::regclass::text = ANY($1) AND c.confrelid::regclass::text = ANY($1) AND c.conrelid <> c.confrelid`,
    [tables],
  )) as CitizenTableLink[];
}

/** How many rows of `child` now on `citizenId` name one of `parentIds` by `column` without being among `ownIds` (rows added since a merge). */
export async function rowsAddedOnMoved(m: EntityManager, link: CitizenTableLink, citizenColumn: string, citizenId: string, parentIds: string[], ownIds: string[]): Promise<number> {
  const [row] = (await m.query(
    `SELECT count(*)::int AS n FROM ${link.child} WHERE ${citizenColumn} = $1 AND ${link.column} = ANY($2::uuid[]) AND NOT (id = ANY($3::uuid[]))`,
    [citizenId, parentIds, ownIds],
  )) as [{ n: number }];
  return row.n;
}

/** How many note versions now on `citizenId`, of a record among `recordIds`, are not among `ownIds` (a note corrected since a merge). */
export async function noteVersionsAddedOnMoved(m: EntityManager, citizenId: string, recordIds: string[], ownIds: string[]): Promise<number> {
  const [row] = (await m.query(`SELECT count(*)::int AS n FROM note_version WHERE citizen_id = $1 AND record_id = ANY($2::uuid[]) AND NOT (id = ANY($3::uuid[]))`, [citizenId, recordIds, ownIds])) as [{ n: number }];
  return row.n;
}

/** The municipality's undo period in days. */
export async function mergeUndoDays(m: EntityManager, municipalityId: string): Promise<number> {
  const [row] = (await m.query('SELECT merge_undo_days AS days FROM municipality WHERE id = $1', [municipalityId])) as { days: number }[];
  return row?.days ?? 30;
}
