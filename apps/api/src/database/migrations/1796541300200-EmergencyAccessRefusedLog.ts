import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A refused read under an emergency access (expired: 410) is in the owner's log too (docs/decisions.md
 * 115). `shared_citizen_log` lets the app role write into the owner's log only while the access is
 * active (app_shared_citizen_ids()); after expiry the attempt would be in the accessor's log only. This
 * policy lets through exactly one more kind of row: a `refused` row of resource `emergency-accesses`,
 * by the user who opened the access, naming that access (`record_id`), its citizen and the owner's
 * municipality, for an access the transaction names in `app.emergency_access_ids` (only the
 * emergency-access record route sets it). The access row is read under its own row-level security
 * (the accessor sees their own openings), so no definer function is needed, and no other citizen,
 * municipality or outcome can be written this way.
 */
export class EmergencyAccessRefusedLog1796541300200 implements MigrationInterface {
  name = 'EmergencyAccessRefusedLog1796541300200';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE POLICY refused_emergency_log ON access_log FOR INSERT TO outcomes_app
      WITH CHECK (access_log.user_id = app_user_id()
        AND access_log.outcome = 'refused'
        AND access_log.resource = 'emergency-accesses'
        AND app_role() = 'staff'
        AND EXISTS (
          SELECT 1 FROM emergency_access e
          WHERE e.id = access_log.record_id
            AND e.id = ANY (string_to_array(nullif(current_setting('app.emergency_access_ids', true), ''), ',')::uuid[])
            AND e.accessor_user_id = app_user_id()
            AND e.accessor_municipality_id = app_municipality_id()
            AND e.citizen_id = access_log.citizen_id
            AND e.municipality_id = access_log.municipality_id))`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP POLICY IF EXISTS refused_emergency_log ON access_log`);
  }
}
