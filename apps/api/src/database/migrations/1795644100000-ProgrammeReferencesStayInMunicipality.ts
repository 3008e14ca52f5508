import type { MigrationInterface, QueryRunner } from 'typeorm';

/** [table, constraint, column, municipality column]: FOREIGN KEY (municipality column, column) REFERENCES app_user (municipality_id, id). */
const GRANT_KEYS: [string, string, string, string][] = [
  ['evaluator_grant', 'evaluator_grant_granted_by_same_municipality', 'granted_by_user_id', 'municipality_id'],
  ['evaluator_grant', 'evaluator_grant_evaluator_of_its_municipality', 'evaluator_user_id', 'evaluator_municipality_id'],
];

/** [table, column, trigger (and the constraint name its refusal carries)]. */
const PROGRAMME_REFERENCES: [string, string, string][] = [
  ['enrolment', 'programme_id', 'enrolment_programme_same_municipality'],
  ['treatment_group', 'programme_id', 'treatment_group_programme_same_municipality'],
  ['outreach_contact', 'referred_programme_id', 'outreach_contact_referred_programme_same_municipality'],
];

/**
 * References stay inside the municipality, after local programmes and evaluator grants (issue 17):
 *
 * - A programme reference names a national programme (municipality NULL) or a local programme of the
 *   record's own municipality. "NULL or equal" is not a foreign key, so a trigger on each referencing
 *   table checks it (SECURITY DEFINER: it sees every programme, whatever the caller's row-level
 *   security shows), and a trigger on `programme` refuses moving a local programme to another
 *   municipality (or making it national, or local) while records of another municipality name it.
 *   Existence stays with the plain keys.
 * - A grant is made by a user of the data owner, and names an evaluator of
 *   `evaluator_municipality_id`: composite keys to app_user (municipality_id, id). Not its revoker:
 *   the evaluator's own admin ends it too, by a change of role (grant_end_for_user).
 *
 * Existing rows: keys as in ReferencesStayInMunicipality (NOT VALID, then validated, else a WARNING).
 * The triggers check new writes only; the migration reports existing programme references across
 * municipalities in a WARNING (none can exist: local programmes arrive with the migration before).
 */
export class ProgrammeReferencesStayInMunicipality1795644100000 implements MigrationInterface {
  name = 'ProgrammeReferencesStayInMunicipality1795644100000';

  public async up(q: QueryRunner): Promise<void> {
    for (const [table, constraint, column, municipality] of GRANT_KEYS) {
      await q.query(`
        ALTER TABLE "${table}" ADD CONSTRAINT "${constraint}" FOREIGN KEY ("${municipality}", "${column}")
        REFERENCES "app_user"("municipality_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION NOT VALID`);
      await q.query(`
        DO $$
        BEGIN
          ALTER TABLE "${table}" VALIDATE CONSTRAINT "${constraint}";
        EXCEPTION WHEN foreign_key_violation THEN
          RAISE WARNING 'references: rows of ${table} name a user of another municipality in ${column}; constraint ${constraint} is enforced for new writes but NOT VALID until they are corrected (docs/decisions.md)';
        END $$`);
    }

    await q.query(`
      CREATE FUNCTION programme_reference_check() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      DECLARE
        programme_id uuid := (to_jsonb(NEW) ->> TG_ARGV[0])::uuid;
        owner uuid;
      BEGIN
        IF programme_id IS NULL THEN RETURN NEW; END IF;
        SELECT p.municipality_id INTO owner FROM programme p WHERE p.id = programme_id FOR KEY SHARE;
        IF owner IS NOT NULL AND owner IS DISTINCT FROM NEW.municipality_id THEN
          RAISE EXCEPTION 'insert or update on table "%" violates foreign key constraint "%"', TG_TABLE_NAME, TG_NAME
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = TG_NAME, TABLE = TG_TABLE_NAME;
        END IF;
        RETURN NEW;
      END $$`);
    for (const [table, column, trigger] of PROGRAMME_REFERENCES) {
      await q.query(`
        CREATE TRIGGER ${trigger} BEFORE INSERT OR UPDATE OF ${column}, municipality_id ON ${table}
        FOR EACH ROW EXECUTE FUNCTION programme_reference_check('${column}')`);
      await q.query(`
        DO $$
        DECLARE n bigint;
        BEGIN
          SELECT count(*) INTO n FROM ${table} r JOIN programme p ON p.id = r.${column}
          WHERE p.municipality_id IS NOT NULL AND p.municipality_id <> r.municipality_id;
          IF n > 0 THEN
            RAISE WARNING 'references: % rows of ${table} name another municipality''s local programme in ${column} (trigger ${trigger} checks new writes)', n;
          END IF;
        END $$`);
    }
    await q.query(`
      CREATE FUNCTION programme_move_check() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        IF NEW.municipality_id IS NOT DISTINCT FROM OLD.municipality_id OR NEW.municipality_id IS NULL THEN RETURN NEW; END IF;
        IF EXISTS (SELECT 1 FROM enrolment WHERE programme_id = NEW.id AND municipality_id <> NEW.municipality_id)
          OR EXISTS (SELECT 1 FROM treatment_group WHERE programme_id = NEW.id AND municipality_id <> NEW.municipality_id)
          OR EXISTS (SELECT 1 FROM outreach_contact WHERE referred_programme_id = NEW.id AND municipality_id <> NEW.municipality_id) THEN
          RAISE EXCEPTION 'update or delete on table "programme" violates foreign key constraint "programme_references_same_municipality"'
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'programme_references_same_municipality', TABLE = 'programme';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER programme_references_same_municipality BEFORE UPDATE OF municipality_id ON programme
      FOR EACH ROW EXECUTE FUNCTION programme_move_check()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER programme_references_same_municipality ON programme`);
    await q.query(`DROP FUNCTION programme_move_check()`);
    for (const [table, , trigger] of PROGRAMME_REFERENCES) await q.query(`DROP TRIGGER ${trigger} ON ${table}`);
    await q.query(`DROP FUNCTION programme_reference_check()`);
    for (const [table, constraint] of [...GRANT_KEYS].reverse()) await q.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${constraint}"`);
  }
}
