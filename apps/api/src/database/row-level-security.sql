-- The row-level-security policies after all migrations, per table: GENERATED from the catalogue, do not edit.
-- Regenerate: UPDATE_POLICY_FILE=1 npx nx run api:integration --testPathPatterns=row-level-security
-- Rendered on PostgreSQL 18. Tables without row-level security and without policies are not listed.

-- access_log: row-level security enabled, forced
CREATE POLICY operator_own ON access_log AS PERMISSIVE FOR ALL TO outcomes_app
  USING (((municipality_id IS NULL) AND (app_role() = 'operator'::text)))
  WITH CHECK (((municipality_id IS NULL) AND (app_role() = 'operator'::text)));
CREATE POLICY owner_all ON access_log AS PERMISSIVE FOR ALL TO <owner>
  USING (true)
  WITH CHECK (true);
CREATE POLICY refused_emergency_log ON access_log AS PERMISSIVE FOR INSERT TO outcomes_app
  WITH CHECK (((user_id = app_user_id()) AND ((outcome)::text = 'refused'::text) AND ((resource)::text = 'emergency-accesses'::text) AND ((action)::text = 'read'::text) AND (citizen_ids IS NULL) AND (change IS NULL) AND (app_role() = 'staff'::text) AND (EXISTS ( SELECT 1
   FROM emergency_access e
  WHERE ((e.id = access_log.record_id) AND (e.id = ANY ((string_to_array(NULLIF(current_setting('app.emergency_access_ids'::text, true), ''::text), ','::text))::uuid[])) AND (e.accessor_user_id = app_user_id()) AND (e.accessor_municipality_id = app_municipality_id()) AND (e.citizen_id = access_log.citizen_id) AND (e.municipality_id = access_log.municipality_id))))));
CREATE POLICY shared_citizen_log ON access_log AS PERMISSIVE FOR INSERT TO outcomes_app
  WITH CHECK (((user_id = app_user_id()) AND (citizen_id IN ( SELECT app_shared_citizen_ids() AS app_shared_citizen_ids)) AND (municipality_id = ( SELECT c.municipality_id
   FROM citizen c
  WHERE (c.id = access_log.citizen_id)))));
CREATE POLICY tenant_isolation ON access_log AS PERMISSIVE FOR ALL TO outcomes_app
  USING ((municipality_id = app_municipality_id()))
  WITH CHECK ((municipality_id = app_municipality_id()));

-- api_token: row-level security enabled, forced
CREATE POLICY own_insert ON api_token AS PERMISSIVE FOR INSERT TO outcomes_app
  WITH CHECK (((user_id = app_user_id()) AND (NOT (municipality_id IS DISTINCT FROM app_municipality_id())) AND ((role)::text = app_role())));
CREATE POLICY own_or_admin_read ON api_token AS PERMISSIVE FOR SELECT TO outcomes_app
  USING (((user_id = app_user_id()) OR ((app_role() = 'admin'::text) AND (municipality_id = app_municipality_id()))));
CREATE POLICY own_or_admin_revoke ON api_token AS PERMISSIVE FOR UPDATE TO outcomes_app
  USING (((user_id = app_user_id()) OR ((app_role() = 'admin'::text) AND (municipality_id = app_municipality_id()))))
  WITH CHECK (((user_id = app_user_id()) OR ((app_role() = 'admin'::text) AND (municipality_id = app_municipality_id()))));
CREATE POLICY owner_all ON api_token AS PERMISSIVE FOR ALL TO <owner>
  USING (true)
  WITH CHECK (true);

-- app_user: row-level security enabled, forced
CREATE POLICY owner_all ON app_user AS PERMISSIVE FOR ALL TO <owner>
  USING (true)
  WITH CHECK (true);
CREATE POLICY tenant_isolation ON app_user AS PERMISSIVE FOR ALL TO outcomes_app
  USING ((municipality_id = app_municipality_id()))
  WITH CHECK ((municipality_id = app_municipality_id()));

-- assessment: row-level security enabled, forced
CREATE POLICY owner_all ON assessment AS PERMISSIVE FOR ALL TO <owner>
  USING (true)
  WITH CHECK (true);
CREATE POLICY shared_read ON assessment AS PERMISSIVE FOR SELECT TO outcomes_app
  USING ((citizen_id = ANY (ARRAY( SELECT app_shared_citizen_ids() AS app_shared_citizen_ids))));
CREATE POLICY tenant_isolation ON assessment AS PERMISSIVE FOR ALL TO outcomes_app
  USING ((municipality_id = app_municipality_id()))
  WITH CHECK ((municipality_id = app_municipality_id()));

-- assessment_revision: row-level security enabled, forced
CREATE POLICY owner_all ON assessment_revision AS PERMISSIVE FOR ALL TO <owner>
  USING (true)
  WITH CHECK (true);
CREATE POLICY shared_read ON assessment_revision AS PERMISSIVE FOR SELECT TO outcomes_app
  USING ((assessment_id = ANY (ARRAY( SELECT a.id
   FROM assessment a
  WHERE (a.citizen_id = ANY (ARRAY( SELECT app_shared_citizen_ids() AS app_shared_citizen_ids)))))));
CREATE POLICY tenant_isolation ON assessment_revision AS PERMISSIVE FOR ALL TO outcomes_app
  USING ((municipality_id = app_municipality_id()))
  WITH CHECK ((municipality_id = app_municipality_id()));

-- case_decision: row-level security enabled, forced
CREATE POLICY owner_all ON case_decision AS PERMISSIVE FOR ALL TO <owner>
  USING (true)
  WITH CHECK (true);
CREATE POLICY shared_read ON case_decision AS PERMISSIVE FOR SELECT TO outcomes_app
  USING ((citizen_id = ANY (ARRAY( SELECT app_shared_citizen_ids() AS app_shared_citizen_ids))));
CREATE POLICY tenant_isolation ON case_decision AS PERMISSIVE FOR ALL TO outcomes_app
  USING ((municipality_id = app_municipality_id()))
  WITH CHECK ((municipality_id = app_municipality_id()));

-- case_request: row-level security enabled, forced
CREATE POLICY owner_all ON case_request AS PERMISSIVE FOR ALL TO <owner>
  USING (true)
  WITH CHECK (true);
CREATE POLICY shared_read ON case_request AS PERMISSIVE FOR SELECT TO outcomes_app
  USING ((citizen_id = ANY (ARRAY( SELECT app_shared_citizen_ids() AS app_shared_citizen_ids))));
CREATE POLICY tenant_isolation ON case_request AS PERMISSIVE FOR ALL TO outcomes_app
  USING ((municipality_id = app_municipality_id()))
  WITH CHECK ((municipality_id = app_municipality_id()));

-- centre: row-level security enabled, forced
CREATE POLICY owner_all ON centre AS PERMISSIVE FOR ALL TO <owner>
  USING (true)
  WITH CHECK (true);
CREATE POLICY read_all ON centre AS PERMISSIVE FOR SELECT TO outcomes_app
  USING (true);
CREATE POLICY tenant_delete ON centre AS PERMISSIVE FOR DELETE TO outcomes_app
  USING ((municipality_id = app_municipality_id()));
CREATE POLICY tenant_insert ON centre AS PERMISSIVE FOR INSERT TO outcomes_app
  WITH CHECK ((municipality_id = app_municipality_id()));
CREATE POLICY tenant_update ON centre AS PERMISSIVE FOR UPDATE TO outcomes_app
  USING ((municipality_id = app_municipality_id()))
  WITH CHECK ((municipality_id = app_municipality_id()));

-- citizen: row-level security enabled, forced
CREATE POLICY owner_all ON citizen AS PERMISSIVE FOR ALL TO <owner>
  USING (true)
  WITH CHECK (true);
CREATE POLICY shared_read ON citizen AS PERMISSIVE FOR SELECT TO outcomes_app
  USING ((id = ANY (ARRAY( SELECT app_shared_citizen_ids() AS app_shared_citizen_ids))));
CREATE POLICY tenant_isolation ON citizen AS PERMISSIVE FOR ALL TO outcomes_app
  USING ((municipality_id = app_municipality_id()))
  WITH CHECK ((municipality_id = app_municipality_id()));

-- citizen_consent: row-level security enabled, forced
CREATE POLICY owner_all ON citizen_consent AS PERMISSIVE FOR ALL TO <owner>
  USING (true)
  WITH CHECK (true);
CREATE POLICY shared_read ON citizen_consent AS PERMISSIVE FOR SELECT TO outcomes_app
  USING ((citizen_id = ANY (ARRAY( SELECT app_shared_citizen_ids() AS app_shared_citizen_ids))));
CREATE POLICY tenant_isolation ON citizen_consent AS PERMISSIVE FOR ALL TO outcomes_app
  USING ((municipality_id = app_municipality_id()))
  WITH CHECK ((municipality_id = app_municipality_id()));

-- citizen_merge: row-level security enabled, forced
CREATE POLICY owner_all ON citizen_merge AS PERMISSIVE FOR ALL TO <owner>
  USING (true)
  WITH CHECK (true);
CREATE POLICY tenant_isolation ON citizen_merge AS PERMISSIVE FOR ALL TO outcomes_app
  USING ((municipality_id = app_municipality_id()))
  WITH CHECK ((municipality_id = app_municipality_id()));

-- emergency_access: row-level security enabled, forced
CREATE POLICY owner_all ON emergency_access AS PERMISSIVE FOR ALL TO <owner>
  USING (true)
  WITH CHECK (true);
CREATE POLICY owner_or_accessor_read ON emergency_access AS PERMISSIVE FOR SELECT TO outcomes_app
  USING ((((municipality_id = app_municipality_id()) AND (app_role() = 'admin'::text)) OR ((accessor_municipality_id = app_municipality_id()) AND ((app_role() = 'admin'::text) OR (accessor_user_id = app_user_id())))));
CREATE POLICY owner_review ON emergency_access AS PERMISSIVE FOR UPDATE TO outcomes_app
  USING (((municipality_id = app_municipality_id()) AND (app_role() = 'admin'::text)))
  WITH CHECK (((municipality_id = app_municipality_id()) AND (app_role() = 'admin'::text)));

-- enrolment: row-level security enabled, forced
CREATE POLICY owner_all ON enrolment AS PERMISSIVE FOR ALL TO <owner>
  USING (true)
  WITH CHECK (true);
CREATE POLICY shared_read ON enrolment AS PERMISSIVE FOR SELECT TO outcomes_app
  USING ((citizen_id = ANY (ARRAY( SELECT app_shared_citizen_ids() AS app_shared_citizen_ids))));
CREATE POLICY tenant_isolation ON enrolment AS PERMISSIVE FOR ALL TO outcomes_app
  USING ((municipality_id = app_municipality_id()))
  WITH CHECK ((municipality_id = app_municipality_id()));

-- enrolment_transition: row-level security enabled, forced
CREATE POLICY owner_all ON enrolment_transition AS PERMISSIVE FOR ALL TO <owner>
  USING (true)
  WITH CHECK (true);
CREATE POLICY shared_read ON enrolment_transition AS PERMISSIVE FOR SELECT TO outcomes_app
  USING ((enrolment_id = ANY (ARRAY( SELECT e.id
   FROM enrolment e
  WHERE (e.citizen_id = ANY (ARRAY( SELECT app_shared_citizen_ids() AS app_shared_citizen_ids)))))));
CREATE POLICY tenant_isolation ON enrolment_transition AS PERMISSIVE FOR ALL TO outcomes_app
  USING ((municipality_id = app_municipality_id()))
  WITH CHECK ((municipality_id = app_municipality_id()));

-- evaluator_grant: row-level security enabled, forced
CREATE POLICY both_sides ON evaluator_grant AS PERMISSIVE FOR SELECT TO outcomes_app
  USING ((((municipality_id = app_municipality_id()) AND (app_role() = 'admin'::text)) OR ((evaluator_municipality_id = app_municipality_id()) AND (app_role() = 'admin'::text)) OR (evaluator_user_id = app_user_id())));
CREATE POLICY grantor_insert ON evaluator_grant AS PERMISSIVE FOR INSERT TO outcomes_app
  WITH CHECK (((municipality_id = app_municipality_id()) AND (app_role() = 'admin'::text) AND (granted_by_user_id = app_user_id()) AND (revoked_at IS NULL)));
CREATE POLICY grantor_update ON evaluator_grant AS PERMISSIVE FOR UPDATE TO outcomes_app
  USING (((municipality_id = app_municipality_id()) AND (app_role() = 'admin'::text)))
  WITH CHECK (((municipality_id = app_municipality_id()) AND (app_role() = 'admin'::text)));
CREATE POLICY owner_all ON evaluator_grant AS PERMISSIVE FOR ALL TO <owner>
  USING (true)
  WITH CHECK (true);

-- export_file_chunk: row-level security enabled, forced
CREATE POLICY owner_all ON export_file_chunk AS PERMISSIVE FOR ALL TO <owner>
  USING (true)
  WITH CHECK (true);
CREATE POLICY tenant_isolation ON export_file_chunk AS PERMISSIVE FOR ALL TO outcomes_app
  USING ((municipality_id = app_municipality_id()))
  WITH CHECK ((municipality_id = app_municipality_id()));

-- export_job: row-level security enabled, forced
CREATE POLICY owner_all ON export_job AS PERMISSIVE FOR ALL TO <owner>
  USING (true)
  WITH CHECK (true);
CREATE POLICY tenant_isolation ON export_job AS PERMISSIVE FOR ALL TO outcomes_app
  USING ((municipality_id = app_municipality_id()))
  WITH CHECK ((municipality_id = app_municipality_id()));

-- export_project: row-level security enabled, forced
CREATE POLICY owner_all ON export_project AS PERMISSIVE FOR ALL TO <owner>
  USING (true)
  WITH CHECK (true);
CREATE POLICY tenant_isolation ON export_project AS PERMISSIVE FOR ALL TO outcomes_app
  USING ((municipality_id = app_municipality_id()))
  WITH CHECK ((municipality_id = app_municipality_id()));

-- facilitation: row-level security enabled, forced
CREATE POLICY owner_all ON facilitation AS PERMISSIVE FOR ALL TO <owner>
  USING (true)
  WITH CHECK (true);
CREATE POLICY tenant_isolation ON facilitation AS PERMISSIVE FOR ALL TO outcomes_app
  USING ((municipality_id = app_municipality_id()))
  WITH CHECK ((municipality_id = app_municipality_id()));

-- follow_up_attempt: row-level security enabled, forced
CREATE POLICY owner_all ON follow_up_attempt AS PERMISSIVE FOR ALL TO <owner>
  USING (true)
  WITH CHECK (true);
CREATE POLICY shared_read ON follow_up_attempt AS PERMISSIVE FOR SELECT TO outcomes_app
  USING ((enrolment_id = ANY (ARRAY( SELECT e.id
   FROM enrolment e
  WHERE (e.citizen_id = ANY (ARRAY( SELECT app_shared_citizen_ids() AS app_shared_citizen_ids)))))));
CREATE POLICY tenant_isolation ON follow_up_attempt AS PERMISSIVE FOR ALL TO outcomes_app
  USING ((municipality_id = app_municipality_id()))
  WITH CHECK ((municipality_id = app_municipality_id()));

-- group_attendance: row-level security enabled, forced
CREATE POLICY owner_all ON group_attendance AS PERMISSIVE FOR ALL TO <owner>
  USING (true)
  WITH CHECK (true);
CREATE POLICY shared_read ON group_attendance AS PERMISSIVE FOR SELECT TO outcomes_app
  USING ((enrolment_id = ANY (ARRAY( SELECT e.id
   FROM enrolment e
  WHERE (e.citizen_id = ANY (ARRAY( SELECT app_shared_citizen_ids() AS app_shared_citizen_ids)))))));
CREATE POLICY tenant_isolation ON group_attendance AS PERMISSIVE FOR ALL TO outcomes_app
  USING ((municipality_id = app_municipality_id()))
  WITH CHECK ((municipality_id = app_municipality_id()));

-- group_meeting: row-level security enabled, forced
CREATE POLICY owner_all ON group_meeting AS PERMISSIVE FOR ALL TO <owner>
  USING (true)
  WITH CHECK (true);
CREATE POLICY tenant_isolation ON group_meeting AS PERMISSIVE FOR ALL TO outcomes_app
  USING ((municipality_id = app_municipality_id()))
  WITH CHECK ((municipality_id = app_municipality_id()));

-- group_member: row-level security enabled, forced
CREATE POLICY owner_all ON group_member AS PERMISSIVE FOR ALL TO <owner>
  USING (true)
  WITH CHECK (true);
CREATE POLICY shared_read ON group_member AS PERMISSIVE FOR SELECT TO outcomes_app
  USING ((enrolment_id = ANY (ARRAY( SELECT e.id
   FROM enrolment e
  WHERE (e.citizen_id = ANY (ARRAY( SELECT app_shared_citizen_ids() AS app_shared_citizen_ids)))))));
CREATE POLICY tenant_isolation ON group_member AS PERMISSIVE FOR ALL TO outcomes_app
  USING ((municipality_id = app_municipality_id()))
  WITH CHECK ((municipality_id = app_municipality_id()));

-- handover: row-level security enabled, forced
CREATE POLICY owner_all ON handover AS PERMISSIVE FOR ALL TO <owner>
  USING (true)
  WITH CHECK (true);
CREATE POLICY tenant_isolation ON handover AS PERMISSIVE FOR ALL TO outcomes_app
  USING ((municipality_id = app_municipality_id()))
  WITH CHECK ((municipality_id = app_municipality_id()));

-- import_job: row-level security enabled, forced
CREATE POLICY own_rows ON import_job AS PERMISSIVE FOR ALL TO outcomes_app
  USING (((municipality_id = app_municipality_id()) AND (user_id = app_user_id())))
  WITH CHECK (((municipality_id = app_municipality_id()) AND (user_id = app_user_id())));
CREATE POLICY owner_all ON import_job AS PERMISSIVE FOR ALL TO <owner>
  USING (true)
  WITH CHECK (true);

-- import_mapping: row-level security enabled, forced
CREATE POLICY own_rows ON import_mapping AS PERMISSIVE FOR ALL TO outcomes_app
  USING (((municipality_id = app_municipality_id()) AND (user_id = app_user_id())))
  WITH CHECK (((municipality_id = app_municipality_id()) AND (user_id = app_user_id())));
CREATE POLICY owner_all ON import_mapping AS PERMISSIVE FOR ALL TO <owner>
  USING (true)
  WITH CHECK (true);

-- legal_hold: row-level security enabled, forced
CREATE POLICY owner_all ON legal_hold AS PERMISSIVE FOR ALL TO <owner>
  USING (true)
  WITH CHECK (true);
CREATE POLICY tenant_isolation ON legal_hold AS PERMISSIVE FOR ALL TO outcomes_app
  USING ((municipality_id = app_municipality_id()))
  WITH CHECK ((municipality_id = app_municipality_id()));

-- meeting_facilitator: row-level security enabled, forced
CREATE POLICY owner_all ON meeting_facilitator AS PERMISSIVE FOR ALL TO <owner>
  USING (true)
  WITH CHECK (true);
CREATE POLICY tenant_isolation ON meeting_facilitator AS PERMISSIVE FOR ALL TO outcomes_app
  USING ((municipality_id = app_municipality_id()))
  WITH CHECK ((municipality_id = app_municipality_id()));

-- municipality: row-level security enabled, forced
CREATE POLICY govern_update ON municipality AS PERMISSIVE FOR UPDATE TO outcomes_app
  USING (((app_role() = 'operator'::text) OR ((id = app_municipality_id()) AND (app_role() = 'admin'::text))))
  WITH CHECK (((app_role() = 'operator'::text) OR ((id = app_municipality_id()) AND (app_role() = 'admin'::text))));
CREATE POLICY operator_delete ON municipality AS PERMISSIVE FOR DELETE TO outcomes_app
  USING ((app_role() = 'operator'::text));
CREATE POLICY operator_insert ON municipality AS PERMISSIVE FOR INSERT TO outcomes_app
  WITH CHECK ((app_role() = 'operator'::text));
CREATE POLICY owner_all ON municipality AS PERMISSIVE FOR ALL TO <owner>
  USING (true)
  WITH CHECK (true);
CREATE POLICY read_all ON municipality AS PERMISSIVE FOR SELECT TO outcomes_app
  USING (true);

-- note_version: row-level security enabled, forced
CREATE POLICY owner_all ON note_version AS PERMISSIVE FOR ALL TO <owner>
  USING (true)
  WITH CHECK (true);
CREATE POLICY shared_read ON note_version AS PERMISSIVE FOR SELECT TO outcomes_app
  USING ((citizen_id = ANY (ARRAY( SELECT app_shared_citizen_ids() AS app_shared_citizen_ids))));
CREATE POLICY tenant_isolation ON note_version AS PERMISSIVE FOR ALL TO outcomes_app
  USING ((municipality_id = app_municipality_id()))
  WITH CHECK ((municipality_id = app_municipality_id()));

-- organisation: row-level security enabled, forced
CREATE POLICY owner_all ON organisation AS PERMISSIVE FOR ALL TO <owner>
  USING (true)
  WITH CHECK (true);
CREATE POLICY partner_municipalities ON organisation AS PERMISSIVE FOR ALL TO outcomes_app
  USING ((app_municipality_id() = ANY (municipality_ids)))
  WITH CHECK ((app_municipality_id() = ANY (municipality_ids)));

-- outreach_contact: row-level security enabled, forced
CREATE POLICY owner_all ON outreach_contact AS PERMISSIVE FOR ALL TO <owner>
  USING (true)
  WITH CHECK (true);
CREATE POLICY shared_read ON outreach_contact AS PERMISSIVE FOR SELECT TO outcomes_app
  USING ((citizen_id = ANY (ARRAY( SELECT app_shared_citizen_ids() AS app_shared_citizen_ids))));
CREATE POLICY tenant_isolation ON outreach_contact AS PERMISSIVE FOR ALL TO outcomes_app
  USING ((municipality_id = app_municipality_id()))
  WITH CHECK ((municipality_id = app_municipality_id()));

-- programme: row-level security enabled, forced
CREATE POLICY govern_delete ON programme AS PERMISSIVE FOR DELETE TO outcomes_app
  USING ((((municipality_id IS NULL) AND (app_role() = 'operator'::text)) OR ((municipality_id = app_municipality_id()) AND (app_role() = 'admin'::text))));
CREATE POLICY govern_insert ON programme AS PERMISSIVE FOR INSERT TO outcomes_app
  WITH CHECK ((((municipality_id IS NULL) AND (app_role() = 'operator'::text)) OR ((municipality_id = app_municipality_id()) AND (app_role() = 'admin'::text))));
CREATE POLICY govern_update ON programme AS PERMISSIVE FOR UPDATE TO outcomes_app
  USING ((((municipality_id IS NULL) AND (app_role() = 'operator'::text)) OR ((municipality_id = app_municipality_id()) AND (app_role() = 'admin'::text))))
  WITH CHECK ((((municipality_id IS NULL) AND (app_role() = 'operator'::text)) OR ((municipality_id = app_municipality_id()) AND (app_role() = 'admin'::text))));
CREATE POLICY owner_all ON programme AS PERMISSIVE FOR ALL TO <owner>
  USING (true)
  WITH CHECK (true);
CREATE POLICY read_catalogue ON programme AS PERMISSIVE FOR SELECT TO outcomes_app
  USING (((municipality_id IS NULL) OR (municipality_id = ANY (app_municipality_ids()))));

-- referral: row-level security enabled, forced
CREATE POLICY owner_all ON referral AS PERMISSIVE FOR ALL TO <owner>
  USING (true)
  WITH CHECK (true);
CREATE POLICY tenant_isolation ON referral AS PERMISSIVE FOR ALL TO outcomes_app
  USING ((municipality_id = app_municipality_id()))
  WITH CHECK ((municipality_id = app_municipality_id()));

-- report_query: row-level security enabled, forced
CREATE POLICY owner_all ON report_query AS PERMISSIVE FOR ALL TO <owner>
  USING (true)
  WITH CHECK (true);
CREATE POLICY tenant_isolation ON report_query AS PERMISSIVE FOR ALL TO outcomes_app
  USING ((municipality_id = app_municipality_id()))
  WITH CHECK (((municipality_id = app_municipality_id()) AND (user_id = app_user_id())));

-- retained_outcome_report: row-level security enabled, forced
CREATE POLICY owner_all ON retained_outcome_report AS PERMISSIVE FOR ALL TO <owner>
  USING (true)
  WITH CHECK (true);
CREATE POLICY run_insert ON retained_outcome_report AS PERMISSIVE FOR INSERT TO outcomes_app
  WITH CHECK (((municipality_id = app_municipality_id()) AND (app_role() = 'admin'::text) AND (EXISTS ( SELECT 1
   FROM retention_run r
  WHERE ((r.id = retained_outcome_report.retention_run_id) AND (r.municipality_id = retained_outcome_report.municipality_id) AND (r.started_at = now()))))));
CREATE POLICY tenant_read ON retained_outcome_report AS PERMISSIVE FOR SELECT TO outcomes_app
  USING ((municipality_id = app_municipality_id()));

-- retention_run: row-level security enabled, forced
CREATE POLICY owner_all ON retention_run AS PERMISSIVE FOR ALL TO <owner>
  USING (true)
  WITH CHECK (true);
CREATE POLICY tenant_isolation ON retention_run AS PERMISSIVE FOR ALL TO outcomes_app
  USING ((municipality_id = app_municipality_id()))
  WITH CHECK ((municipality_id = app_municipality_id()));

-- training: row-level security enabled, forced
CREATE POLICY owner_all ON training AS PERMISSIVE FOR ALL TO <owner>
  USING (true)
  WITH CHECK (true);
CREATE POLICY tenant_isolation ON training AS PERMISSIVE FOR ALL TO outcomes_app
  USING ((municipality_id = app_municipality_id()))
  WITH CHECK ((municipality_id = app_municipality_id()));

-- treatment_group: row-level security enabled, forced
CREATE POLICY owner_all ON treatment_group AS PERMISSIVE FOR ALL TO <owner>
  USING (true)
  WITH CHECK (true);
CREATE POLICY tenant_isolation ON treatment_group AS PERMISSIVE FOR ALL TO outcomes_app
  USING ((municipality_id = app_municipality_id()))
  WITH CHECK ((municipality_id = app_municipality_id()));

-- treatment_plan_revision: row-level security enabled, forced
CREATE POLICY owner_all ON treatment_plan_revision AS PERMISSIVE FOR ALL TO <owner>
  USING (true)
  WITH CHECK (true);
CREATE POLICY shared_read ON treatment_plan_revision AS PERMISSIVE FOR SELECT TO outcomes_app
  USING ((citizen_id = ANY (ARRAY( SELECT app_shared_citizen_ids() AS app_shared_citizen_ids))));
CREATE POLICY tenant_isolation ON treatment_plan_revision AS PERMISSIVE FOR ALL TO outcomes_app
  USING ((municipality_id = app_municipality_id()))
  WITH CHECK ((municipality_id = app_municipality_id()));

-- treatment_provider: row-level security enabled, forced
CREATE POLICY operator_delete ON treatment_provider AS PERMISSIVE FOR DELETE TO outcomes_app
  USING ((app_role() = 'operator'::text));
CREATE POLICY operator_insert ON treatment_provider AS PERMISSIVE FOR INSERT TO outcomes_app
  WITH CHECK ((app_role() = 'operator'::text));
CREATE POLICY operator_update ON treatment_provider AS PERMISSIVE FOR UPDATE TO outcomes_app
  USING ((app_role() = 'operator'::text))
  WITH CHECK ((app_role() = 'operator'::text));
CREATE POLICY owner_all ON treatment_provider AS PERMISSIVE FOR ALL TO <owner>
  USING (true)
  WITH CHECK (true);
CREATE POLICY read_all ON treatment_provider AS PERMISSIVE FOR SELECT TO outcomes_app
  USING (true);

-- treatment_session: row-level security enabled, forced
CREATE POLICY owner_all ON treatment_session AS PERMISSIVE FOR ALL TO <owner>
  USING (true)
  WITH CHECK (true);
CREATE POLICY shared_read ON treatment_session AS PERMISSIVE FOR SELECT TO outcomes_app
  USING ((citizen_id = ANY (ARRAY( SELECT app_shared_citizen_ids() AS app_shared_citizen_ids))));
CREATE POLICY tenant_isolation ON treatment_session AS PERMISSIVE FOR ALL TO outcomes_app
  USING ((municipality_id = app_municipality_id()))
  WITH CHECK ((municipality_id = app_municipality_id()));

-- volunteer: row-level security enabled, forced
CREATE POLICY owner_all ON volunteer AS PERMISSIVE FOR ALL TO <owner>
  USING (true)
  WITH CHECK (true);
CREATE POLICY tenant_isolation ON volunteer AS PERMISSIVE FOR ALL TO outcomes_app
  USING ((municipality_id = app_municipality_id()))
  WITH CHECK ((municipality_id = app_municipality_id()));

-- youth_consent: row-level security enabled, forced
CREATE POLICY owner_all ON youth_consent AS PERMISSIVE FOR ALL TO <owner>
  USING (true)
  WITH CHECK (true);
CREATE POLICY shared_read ON youth_consent AS PERMISSIVE FOR SELECT TO outcomes_app
  USING ((citizen_id = ANY (ARRAY( SELECT app_shared_citizen_ids() AS app_shared_citizen_ids))));
CREATE POLICY tenant_isolation ON youth_consent AS PERMISSIVE FOR ALL TO outcomes_app
  USING ((municipality_id = app_municipality_id()))
  WITH CHECK ((municipality_id = app_municipality_id()));
