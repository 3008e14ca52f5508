import type { EntityManager } from 'typeorm';
import { CitizenConsentEntity, ConsentPurposeEntity } from './consent.entity';

// Every query of consent by purpose (tables consent_purpose, citizen_consent), in the request's tenant
// transaction (row-level security limits the history to the municipality). No update or delete: the
// API's role may only read and append.

export interface ConsentRow {
  id: string;
  citizen_id: string;
  purpose: string;
  entry: number;
  event: 'given' | 'refused' | 'withdrawn';
  on_date: string | null;
  recorded_by_user_id: string | null;
  recorded_by_name: string | null;
  recorded_at: Date;
}

/** Each purpose's latest entry of one citizen (the current states, whatever the length of the history). */
export function latestConsentEntries(m: EntityManager, citizenId: string): Promise<ConsentRow[]> {
  return m.query(
    `SELECT DISTINCT ON (cc.purpose) cc.id, cc.citizen_id, cc.purpose, cc.entry, cc.event, to_char(cc.on_date, 'YYYY-MM-DD') AS on_date,
            cc.recorded_by_user_id, u.display_name AS recorded_by_name, cc.recorded_at
       FROM citizen_consent cc LEFT JOIN app_user u ON u.id = cc.recorded_by_user_id
      WHERE cc.citizen_id = $1
      ORDER BY cc.purpose, cc.entry DESC`,
    [citizenId],
  ) as Promise<ConsentRow[]>;
}

/** The number of entries of a citizen's history. */
export async function consentHistoryTotal(m: EntityManager, citizenId: string): Promise<number> {
  const [row] = (await m.query(`SELECT count(*)::int AS n FROM citizen_consent WHERE citizen_id = $1`, [citizenId])) as { n: number }[];
  return row?.n ?? 0;
}

/** The code list, in its order. */
export function consentPurposes(m: EntityManager): Promise<ConsentPurposeEntity[]> {
  return m.getRepository(ConsentPurposeEntity).find({ order: { sortOrder: 'ASC' } });
}

/** A citizen's history, newest first, at most `limit` entries (every answer's arrays are capped). */
export function consentHistory(m: EntityManager, citizenId: string, limit: number): Promise<ConsentRow[]> {
  return m.query(
    `SELECT cc.id, cc.citizen_id, cc.purpose, cc.entry, cc.event, to_char(cc.on_date, 'YYYY-MM-DD') AS on_date,
            cc.recorded_by_user_id, u.display_name AS recorded_by_name, cc.recorded_at
       FROM citizen_consent cc LEFT JOIN app_user u ON u.id = cc.recorded_by_user_id
      WHERE cc.citizen_id = $1
      ORDER BY cc.recorded_at DESC, cc.entry DESC
      LIMIT $2`,
    [citizenId, limit],
  ) as Promise<ConsentRow[]>;
}

/** The number of the latest entry of one purpose (0: none). */
export async function latestConsentEntry(m: EntityManager, citizenId: string, purpose: string): Promise<{ entry: number; event: ConsentRow['event'] | null; onDate: string | null }> {
  const [row] = (await m.query(
    `SELECT entry, event, to_char(on_date, 'YYYY-MM-DD') AS on_date FROM citizen_consent WHERE citizen_id = $1 AND purpose = $2 ORDER BY entry DESC LIMIT 1`,
    [citizenId, purpose],
  )) as { entry: number; event: ConsentRow['event']; on_date: string | null }[];
  return row ? { entry: row.entry, event: row.event, onDate: row.on_date } : { entry: 0, event: null, onDate: null };
}

/** The municipality's rule for "not asked" (the tenant's own municipality). */
export async function consentNotAskedRule(m: EntityManager, municipalityId: string): Promise<'included' | 'excluded'> {
  const [row] = (await m.query(`SELECT consent_not_asked FROM municipality WHERE id = $1`, [municipalityId])) as { consent_not_asked: 'included' | 'excluded' }[];
  return row?.consent_not_asked ?? 'included';
}

/** Appends one entry; the unique (citizen, purpose, entry) refuses a second entry on the same state. */
export async function insertConsentEntry(
  m: EntityManager,
  values: Pick<CitizenConsentEntity, 'municipalityId' | 'citizenId' | 'purpose' | 'entry' | 'event' | 'onDate' | 'recordedByUserId'>,
): Promise<void> {
  await m.getRepository(CitizenConsentEntity).createQueryBuilder().insert().values(values).execute();
}
