import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The published results docs/domain.md names, as data with their source text; readable by the API. */
export class PublishedResults1795614800000 implements MigrationInterface {
  name = 'PublishedResults1795614800000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`GRANT SELECT ON published_result TO outcomes_app`);
    await q.query(
      `INSERT INTO published_result (programme_code, measure, timepoint, population, proportion, source) VALUES
       ('MOVE', 'drug-free', 'follow-up-6', 'all', 0.5,
        'MOVE: 50 % drug-free after nine months (12 sessions, then the 6-month follow-up). Socialstyrelsen, Stofmisbrugspakken: MOVE.'),
       ('HCS', 'drug-free', 'end', 'completers', 0.341,
        'HCS: 34.1 % of those who complete the course are drug-free at the end. Socialstyrelsen, Gruppebehandling ved misbrug af hash og centralstimulerende stoffer.')`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM published_result WHERE programme_code IN ('MOVE', 'HCS')`);
    await q.query(`REVOKE ALL ON published_result FROM outcomes_app`);
  }
}
