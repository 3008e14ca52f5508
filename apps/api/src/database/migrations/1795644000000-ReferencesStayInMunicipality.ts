import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The single-column foreign keys the same-municipality keys below replace: [table, constraint, column, parent, on delete]. */
const REPLACED: [string, string, string, string, string][] = [
  ['export_job', 'FK_25eed7f786557d01e5fd8a3a60e', 'project_id', 'export_project', 'CASCADE'],
  ['follow_up_attempt', 'FK_39bb66de2c457bb33c991b3fd59', 'enrolment_id', 'enrolment', 'RESTRICT'],
  ['assessment_revision', 'FK_d78c9576bc33458595d7248694b', 'assessment_id', 'assessment', 'CASCADE'],
  ['assessment', 'FK_29afb94bbbd2b073933dc0d8f73', 'enrolment_id', 'enrolment', 'RESTRICT'],
  ['meeting_facilitator', 'FK_aae5d25f615743948b4af7e773f', 'volunteer_id', 'volunteer', 'RESTRICT'],
  ['meeting_facilitator', 'FK_c5c151f1e7c97b17c2ee9c6657e', 'meeting_id', 'group_meeting', 'CASCADE'],
  ['facilitation', 'FK_91ba4bcb0e16a8159b35c610d6d', 'volunteer_id', 'volunteer', 'RESTRICT'],
  ['facilitation', 'FK_431541cb53275361e066e4422ac', 'group_id', 'treatment_group', 'CASCADE'],
  ['training', 'FK_9c9eea07bc2fe8948f011dd1dae', 'volunteer_id', 'volunteer', 'CASCADE'],
  ['group_attendance', 'FK_7f145ebed507a96f9409bc0eabb', 'enrolment_id', 'enrolment', 'RESTRICT'],
  ['group_attendance', 'FK_078b0cad3933a801eed3a0a39d1', 'meeting_id', 'group_meeting', 'CASCADE'],
  ['group_meeting', 'FK_f5bf587c32a629ccf65cc80439f', 'group_id', 'treatment_group', 'CASCADE'],
  ['group_member', 'FK_0d793201e1a8f1f8d6dd8cbc535', 'enrolment_id', 'enrolment', 'RESTRICT'],
  ['group_member', 'FK_e200cd6ff3e3903c5be5ae1400e', 'group_id', 'treatment_group', 'CASCADE'],
  ['treatment_group', 'FK_ecb041be9f269c191597ef6354a', 'centre_id', 'centre', 'RESTRICT'],
  ['outreach_contact', 'FK_c025db0614c1fbb3439b0bce390', 'citizen_id', 'citizen', 'RESTRICT'],
  ['treatment_session', 'FK_ed51f9b8f6947c4fe70dae556fa', 'enrolment_id', 'enrolment', 'RESTRICT'],
  ['enrolment_transition', 'FK_a9d5600e118af3a7b390e1ffae5', 'enrolment_id', 'enrolment', 'CASCADE'],
  ['enrolment', 'FK_63b62aa4fe4b03189f9e92a2a5d', 'centre_id', 'centre', 'RESTRICT'],
  ['enrolment', 'FK_79b3a08e6dc0b909a4e6f8d9a00', 'citizen_id', 'citizen', 'RESTRICT'],
];

/** Parents a same-municipality key points at: (municipality_id, id) unique. [table, constraint] */
const PARENTS: [string, string][] = [
  ['centre', 'centre_municipality_id_id_unique'],
  ['app_user', 'app_user_municipality_id_id_unique'],
  ['citizen', 'citizen_municipality_id_id_unique'],
  ['enrolment', 'enrolment_municipality_id_id_unique'],
  ['treatment_group', 'treatment_group_municipality_id_id_unique'],
  ['group_meeting', 'group_meeting_municipality_id_id_unique'],
  ['volunteer', 'volunteer_municipality_id_id_unique'],
  ['assessment', 'assessment_municipality_id_id_unique'],
  ['export_project', 'export_project_municipality_id_id_unique'],
];

/** [table, constraint, column, parent, on delete]: FOREIGN KEY (municipality_id, column) REFERENCES parent (municipality_id, id). */
const SAME_MUNICIPALITY: [string, string, string, string, string][] = [
  ['enrolment', 'enrolment_staff_user_same_municipality', 'staff_user_id', 'app_user', 'RESTRICT'],
  ['enrolment', 'enrolment_centre_same_municipality', 'centre_id', 'centre', 'RESTRICT'],
  ['enrolment', 'enrolment_citizen_same_municipality', 'citizen_id', 'citizen', 'RESTRICT'],
  ['enrolment_transition', 'enrolment_transition_user_same_municipality', 'user_id', 'app_user', 'RESTRICT'],
  ['enrolment_transition', 'enrolment_transition_enrolment_same_municipality', 'enrolment_id', 'enrolment', 'CASCADE'],
  ['treatment_session', 'treatment_session_staff_user_same_municipality', 'staff_user_id', 'app_user', 'RESTRICT'],
  ['treatment_session', 'treatment_session_citizen_same_municipality', 'citizen_id', 'citizen', 'RESTRICT'],
  ['treatment_session', 'treatment_session_enrolment_same_municipality', 'enrolment_id', 'enrolment', 'RESTRICT'],
  ['outreach_contact', 'outreach_contact_staff_user_same_municipality', 'staff_user_id', 'app_user', 'RESTRICT'],
  ['outreach_contact', 'outreach_contact_citizen_same_municipality', 'citizen_id', 'citizen', 'RESTRICT'],
  ['treatment_group', 'treatment_group_centre_same_municipality', 'centre_id', 'centre', 'RESTRICT'],
  ['group_member', 'group_member_enrolment_same_municipality', 'enrolment_id', 'enrolment', 'RESTRICT'],
  ['group_member', 'group_member_group_same_municipality', 'group_id', 'treatment_group', 'CASCADE'],
  ['group_meeting', 'group_meeting_group_same_municipality', 'group_id', 'treatment_group', 'CASCADE'],
  ['group_attendance', 'group_attendance_enrolment_same_municipality', 'enrolment_id', 'enrolment', 'RESTRICT'],
  ['group_attendance', 'group_attendance_meeting_same_municipality', 'meeting_id', 'group_meeting', 'CASCADE'],
  ['training', 'training_volunteer_same_municipality', 'volunteer_id', 'volunteer', 'CASCADE'],
  ['facilitation', 'facilitation_volunteer_same_municipality', 'volunteer_id', 'volunteer', 'RESTRICT'],
  ['facilitation', 'facilitation_group_same_municipality', 'group_id', 'treatment_group', 'CASCADE'],
  ['meeting_facilitator', 'meeting_facilitator_volunteer_same_municipality', 'volunteer_id', 'volunteer', 'RESTRICT'],
  ['meeting_facilitator', 'meeting_facilitator_meeting_same_municipality', 'meeting_id', 'group_meeting', 'CASCADE'],
  ['assessment', 'assessment_interviewer_same_municipality', 'interviewer_user_id', 'app_user', 'RESTRICT'],
  ['assessment', 'assessment_citizen_same_municipality', 'citizen_id', 'citizen', 'RESTRICT'],
  ['assessment', 'assessment_enrolment_same_municipality', 'enrolment_id', 'enrolment', 'RESTRICT'],
  ['assessment_revision', 'assessment_revision_user_same_municipality', 'revised_by', 'app_user', 'RESTRICT'],
  ['assessment_revision', 'assessment_revision_assessment_same_municipality', 'assessment_id', 'assessment', 'CASCADE'],
  ['follow_up_attempt', 'follow_up_attempt_user_same_municipality', 'user_id', 'app_user', 'RESTRICT'],
  ['follow_up_attempt', 'follow_up_attempt_enrolment_same_municipality', 'enrolment_id', 'enrolment', 'RESTRICT'],
  ['export_project', 'export_project_evaluator_same_municipality', 'evaluator_id', 'app_user', 'RESTRICT'],
  ['export_job', 'export_job_requested_by_same_municipality', 'requested_by', 'app_user', 'RESTRICT'],
  ['export_job', 'export_job_project_same_municipality', 'project_id', 'export_project', 'CASCADE'],
];

/**
 * References stay inside the municipality (issue 17), in the database by construction.
 *
 * Every reference from a tenant row to a user, centre, citizen, enrolment, group, group meeting,
 * assessment, volunteer or export project becomes a composite foreign key (municipality_id, x_id) →
 * parent (municipality_id, id): the referenced row must exist and be of the same municipality. Where a
 * single-column key existed, the composite one replaces it (it checks existence too). References to
 * users had no key at all before (`staff_user_id`, `interviewer_user_id`, ...). Programmes are the
 * national catalogue (no municipality) and keep their plain keys.
 *
 * An organisation has no single municipality (`municipality_ids`), so two triggers keep its rules:
 * a volunteer's organisation works with the volunteer's municipality (also when a municipality leaves
 * it), and the API's role may add or remove only its own municipality in `municipality_ids`.
 *
 * Existing installations: each key is added NOT VALID (every new write is checked at once), then
 * validated. Rows written before by the hole this closes (another municipality's user as
 * `staff_user_id`, ...) cannot be corrected automatically without losing who did what; where such rows
 * exist the key stays NOT VALID, the migration names it in a WARNING with the number of rows, and the
 * operator corrects them and runs `ALTER TABLE … VALIDATE CONSTRAINT …` (docs/decisions.md). Old rows
 * stay editable: PostgreSQL re-checks a key only when its columns change.
 */
export class ReferencesStayInMunicipality1795644000000 implements MigrationInterface {
  name = 'ReferencesStayInMunicipality1795644000000';

  public async up(q: QueryRunner): Promise<void> {
    for (const [table, constraint] of REPLACED) await q.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${constraint}"`);
    for (const [table, constraint] of PARENTS) {
      await q.query(`ALTER TABLE "${table}" ADD CONSTRAINT "${constraint}" UNIQUE ("municipality_id", "id")`);
    }
    for (const [table, constraint, column, parent, onDelete] of SAME_MUNICIPALITY) {
      await q.query(`
        ALTER TABLE "${table}" ADD CONSTRAINT "${constraint}" FOREIGN KEY ("municipality_id", "${column}")
        REFERENCES "${parent}"("municipality_id", "id") ON DELETE ${onDelete} ON UPDATE NO ACTION NOT VALID`);
      await q.query(`
        DO $$
        DECLARE n bigint;
        BEGIN
          ALTER TABLE "${table}" VALIDATE CONSTRAINT "${constraint}";
        EXCEPTION WHEN foreign_key_violation THEN
          SELECT count(*) INTO n FROM "${table}" c
          WHERE c."${column}" IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM "${parent}" p WHERE p.municipality_id = c.municipality_id AND p.id = c."${column}");
          RAISE WARNING 'references: % rows of ${table} name a ${parent} of another municipality in ${column}; constraint ${constraint} is enforced for new writes but NOT VALID until they are corrected (docs/decisions.md)', n;
        END $$`);
    }

    // A volunteer's organisation works with the volunteer's municipality. SECURITY DEFINER: the rule
    // reads every organisation whatever the caller's row-level security lets it see.
    await q.query(`
      CREATE FUNCTION volunteer_organisation_check() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        PERFORM 1 FROM organisation o
        WHERE o.id = NEW.organisation_id AND NEW.municipality_id = ANY (o.municipality_ids) FOR SHARE;
        IF NOT FOUND THEN
          RAISE EXCEPTION 'insert or update on table "volunteer" violates foreign key constraint "volunteer_organisation_same_municipality"'
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'volunteer_organisation_same_municipality', TABLE = 'volunteer';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER volunteer_organisation_same_municipality BEFORE INSERT OR UPDATE OF organisation_id, municipality_id ON volunteer
      FOR EACH ROW EXECUTE FUNCTION volunteer_organisation_check()`);

    // Who may change an organisation's municipalities: the API's role adds or removes only the
    // municipality of the request (app.municipality_id); another municipality joins on its own side.
    // The owner (migrations, seeds, an operator at the console) is not bound. A municipality may not
    // leave an organisation while volunteers of it still belong to it.
    await q.query(`
      CREATE FUNCTION organisation_municipalities_check() RETURNS trigger
      LANGUAGE plpgsql SET search_path = public AS $$
      DECLARE
        old_ids uuid[] := CASE WHEN TG_OP = 'UPDATE' THEN OLD.municipality_ids ELSE '{}'::uuid[] END;
        changed uuid[];
      BEGIN
        changed := ARRAY(
          (SELECT unnest(NEW.municipality_ids) EXCEPT SELECT unnest(old_ids))
          UNION
          (SELECT unnest(old_ids) EXCEPT SELECT unnest(NEW.municipality_ids)));
        IF current_user = 'outcomes_app' AND NOT changed <@ ARRAY[app_municipality_id()] THEN
          RAISE EXCEPTION 'organisation: municipality_ids may change only by the municipality itself'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'organisation_municipalities_own_side', TABLE = 'organisation', COLUMN = 'municipality_ids';
        END IF;
        IF TG_OP = 'UPDATE' AND EXISTS (
          SELECT 1 FROM volunteer_of_organisation(NEW.id) v WHERE NOT v = ANY (NEW.municipality_ids)
        ) THEN
          RAISE EXCEPTION 'update or delete on table "organisation" violates foreign key constraint "volunteer_organisation_same_municipality" on table "volunteer"'
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'volunteer_organisation_same_municipality', TABLE = 'organisation';
        END IF;
        RETURN NEW;
      END $$`);
    // The municipalities of an organisation's volunteers, whatever the caller may see.
    await q.query(`
      CREATE FUNCTION volunteer_of_organisation(p_organisation uuid) RETURNS SETOF uuid
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT DISTINCT municipality_id FROM volunteer WHERE organisation_id = p_organisation
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION volunteer_of_organisation(uuid) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION volunteer_of_organisation(uuid) TO outcomes_app`);
    // How another municipality joins: its own user (coordinator or admin) adds its own municipality,
    // and only that, to an organisation whose id it was given; the organisation is invisible to it before.
    await q.query(`
      CREATE FUNCTION organisation_join(p_id uuid) RETURNS void
      LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $$
        UPDATE organisation SET municipality_ids = array_append(municipality_ids, app_municipality_id()),
                                version = version + 1, updated_at = now()
        WHERE id = p_id AND app_municipality_id() IS NOT NULL AND NOT (app_municipality_id() = ANY (municipality_ids))
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION organisation_join(uuid) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION organisation_join(uuid) TO outcomes_app`);
    await q.query(`
      CREATE TRIGGER organisation_municipalities_own_side BEFORE INSERT OR UPDATE OF municipality_ids ON organisation
      FOR EACH ROW EXECUTE FUNCTION organisation_municipalities_check()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER organisation_municipalities_own_side ON organisation`);
    await q.query(`DROP FUNCTION organisation_municipalities_check()`);
    await q.query(`DROP FUNCTION organisation_join(uuid)`);
    await q.query(`DROP FUNCTION volunteer_of_organisation(uuid)`);
    await q.query(`DROP TRIGGER volunteer_organisation_same_municipality ON volunteer`);
    await q.query(`DROP FUNCTION volunteer_organisation_check()`);
    for (const [table, constraint] of [...SAME_MUNICIPALITY].reverse()) await q.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${constraint}"`);
    for (const [table, constraint] of [...PARENTS].reverse()) await q.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${constraint}"`);
    for (const [table, constraint, column, parent, onDelete] of REPLACED) {
      await q.query(`
        ALTER TABLE "${table}" ADD CONSTRAINT "${constraint}" FOREIGN KEY ("${column}")
        REFERENCES "${parent}"("id") ON DELETE ${onDelete} ON UPDATE NO ACTION`);
    }
  }
}
