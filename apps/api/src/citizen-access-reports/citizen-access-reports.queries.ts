import type { EntityManager } from 'typeorm';
import { citizenRowsPredicate } from '../database/citizen-data-tables';
import type { CitizenDataTable } from '../database/citizen-data-tables';
import { REPORT_TABLES } from './report-tables';

/**
 * One table's rows about the citizen, every column as stored, in the table's column order
 * (`row_to_json`, not `to_jsonb`, which reorders keys; dates as YYYY-MM-DD, instants as ISO text), through the tenant's row-level security. Table, predicate and order come from
 * database/citizen-data-tables.ts and report-tables.ts, never from input; the id is bound.
 */
export async function citizenTableRows(m: EntityManager, table: CitizenDataTable, citizenId: string): Promise<Record<string, unknown>[]> {
  const rows = (await m.query(`SELECT row_to_json(t) AS row FROM ${table} t WHERE ${citizenRowsPredicate(table)} ORDER BY ${REPORT_TABLES[table].orderBy}`, [citizenId])) as { row: Record<string, unknown> }[];
  return rows.map((r) => r.row);
}

/** The citizen's id for a CPR number's keyed hash, in the tenant's municipality (row-level security). */
export async function citizenIdByCprHash(m: EntityManager, hash: string): Promise<string | null> {
  const rows = (await m.query('SELECT id FROM citizen WHERE cpr_hash = $1', [hash])) as { id: string }[];
  return rows[0]?.id ?? null;
}

/** Whether the id names a citizen of the tenant's municipality. */
export async function citizenExists(m: EntityManager, id: string): Promise<boolean> {
  const rows = (await m.query('SELECT 1 FROM citizen WHERE id = $1', [id])) as unknown[];
  return rows.length > 0;
}

/** Display names of the municipality's users (who wrote a record), centres and programmes named by the rows. */
export async function namesOf(m: EntityManager, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = (await m.query(
    `SELECT id::text, display_name AS name FROM app_user WHERE id = ANY($1::uuid[])
     UNION ALL SELECT id::text, name FROM centre WHERE id = ANY($1::uuid[])
     UNION ALL SELECT id::text, name FROM programme WHERE id = ANY($1::uuid[])`,
    [ids],
  )) as { id: string; name: string }[];
  return new Map(rows.map((r) => [r.id, r.name]));
}

export interface CitizenLookupRow {
  at: Date;
  action: string;
  resource: string;
  criterion: string | null;
  role: string;
  municipality: string | null;
  outcome: string;
}

/**
 * Every access-log row naming the citizen (in `citizen_id` or among `citizen_ids`), oldest first, with
 * what the citizen is told: never the user's id or the client's address (Datatilsynet's practice: when
 * and why, not by whom).
 */
export async function citizenLookups(m: EntityManager, citizenId: string): Promise<CitizenLookupRow[]> {
  return (await m.query(
    `SELECT l.at, l.action, l.resource, l.criterion, l.role, mu.name AS municipality, l.outcome
     FROM access_log l LEFT JOIN municipality mu ON mu.id = l.municipality_id
     WHERE l.seq IN (SELECT access_log_citizen_seqs($1)) ORDER BY l.seq`,
    [citizenId],
  )) as CitizenLookupRow[];
}
