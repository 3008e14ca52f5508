import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The register's end statuses as data (docs/register.md): the full code list of Stofmisbrugsdatabasen
 * is not public, so this list is the product's own, each code mapped to the group Danmarks Statistik
 * publishes (drug-free / reduced or stabilised / other). National reference data: the API's role may
 * only read it; a change is a new migration.
 */
export class RegisterEndStatusCodes1796530148300 implements MigrationInterface {
  name = 'RegisterEndStatusCodes1796530148300';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`GRANT SELECT ON register_end_status TO outcomes_app`);
    await q.query(
      `INSERT INTO register_end_status (code, label_da, label_en, published_group, sort_order) VALUES
       ('drug_free', 'Stoffri', 'Drug-free', 'drug_free', 10),
       ('reduced', 'Reduceret forbrug', 'Reduced use', 'reduced_or_stabilised', 20),
       ('stabilised', 'Stabiliseret forbrug', 'Stabilised use', 'reduced_or_stabilised', 30),
       ('unchanged', 'Uændret forbrug', 'Unchanged use', 'other', 40),
       ('increased', 'Øget forbrug', 'Increased use', 'other', 50),
       ('dropped_out', 'Udeblevet eller afbrudt behandlingen', 'Did not attend or broke off treatment', 'other', 60),
       ('transferred', 'Overgået til anden behandling', 'Transferred to other treatment', 'other', 70),
       ('moved', 'Fraflyttet kommunen', 'Moved to another municipality', 'other', 80),
       ('imprisoned', 'Fængsling', 'Imprisoned', 'other', 90),
       ('deceased', 'Død', 'Deceased', 'other', 100),
       ('unknown', 'Ukendt', 'Unknown', 'other', 110)`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE enrolment SET end_status = NULL`);
    await q.query(`DELETE FROM register_end_status`);
    await q.query(`REVOKE ALL ON register_end_status FROM outcomes_app`);
  }
}
