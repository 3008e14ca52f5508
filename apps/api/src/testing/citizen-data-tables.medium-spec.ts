import { CITIZEN_DATA_TABLE_NAMES, citizenRowsPredicate } from '../database/citizen-data-tables';
import { Factories } from './factories';
import { mediumDatabase } from './medium';

/**
 * The list of a citizen's tables against the database itself: the catalogue's foreign keys, followed
 * from `citizen` outwards, must reach exactly the tables listed (a new table holding a citizen's data
 * that the merge, the access report and retention do not know of fails here).
 */
const medium = mediumDatabase();
const make = new Factories(() => medium.owner, medium.crypto);

describe('the tables holding a citizen’s data', () => {
  it('are every table the foreign keys lead to from citizen, and no other', async () => {
    const rows = (await medium.owner.query(`
      WITH RECURSIVE fk AS (
        SELECT conrelid::regclass::text AS child, confrelid::regclass::text AS parent
          FROM pg_constraint WHERE contype = 'f' AND conrelid <> confrelid),
      reached AS (
        SELECT 'citizen'::text AS t
        UNION SELECT fk.child FROM fk JOIN reached ON fk.parent = reached.t)
      SELECT t FROM reached ORDER BY t`)) as { t: string }[];
    expect(rows.map((r) => r.t)).toEqual([...CITIZEN_DATA_TABLE_NAMES].sort());
  });

  it('select one citizen’s rows and not another’s, through a parent too', async () => {
    const mine = await make.enrolment('aarhus');
    const other = await make.enrolment('aarhus');
    const count = async (table: 'citizen' | 'enrolment', citizenId: string): Promise<number> =>
      ((await medium.owner.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${citizenRowsPredicate(table)}`, [citizenId])) as { n: number }[])[0]?.n ?? -1;
    expect(await count('citizen', mine.citizenId)).toBe(1);
    expect(await count('enrolment', mine.citizenId)).toBe(1);
    expect(await count('enrolment', other.citizenId)).toBe(1);
    expect(citizenRowsPredicate('group_attendance', 2)).toBe('enrolment_id IN (SELECT id FROM enrolment WHERE citizen_id = $2)');
  });
});
