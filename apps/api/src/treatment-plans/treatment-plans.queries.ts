import { findById } from '../common/crud/find-by-id';
import type { EntityManager } from 'typeorm';
import { EnrolmentEntity } from '../enrolments/enrolment.entity';

// Every query of the treatment-plans feature (table treatment_plan_revision; enrolment and app_user
// read), in the request's tenant transaction (row-level security applies). Append-only: no update or
// delete here, and the database refuses both (migration TreatmentPlansTenancy).

export interface PlanRevisionRow {
  id: string;
  enrolment_id: string;
  citizen_id: string;
  revision: number;
  content_encrypted: string;
  review_date: string;
  made_with_citizen: boolean;
  made_with_citizen_on: string | null;
  revised_by: string;
  revised_at: Date;
  display_name: string;
}

/** The enrolment a path names, or null (another municipality's looks the same as none). */
export function enrolmentOrNull(m: EntityManager, id: string): Promise<EnrolmentEntity | null> {
  return findById(m.getRepository(EnrolmentEntity), id);
}

/** Every revision of the enrolment's plan, newest first, with who made it. */
export async function planRevisions(m: EntityManager, enrolmentId: string): Promise<PlanRevisionRow[]> {
  return (await m.query(
    `SELECT p.id, p.enrolment_id, p.citizen_id, p.revision, p.content_encrypted, p.review_date::text AS review_date, p.made_with_citizen,
            p.made_with_citizen_on::text AS made_with_citizen_on, p.revised_by, p.revised_at, u.display_name
       FROM treatment_plan_revision p JOIN app_user u ON u.id = p.revised_by
      WHERE p.enrolment_id = $1 ORDER BY p.revision DESC`,
    [enrolmentId],
  )) as PlanRevisionRow[];
}

export async function insertPlanRevision(
  m: EntityManager,
  r: { municipalityId: string; enrolmentId: string; citizenId: string; revision: number; contentEncrypted: string; reviewDate: string; madeWithCitizen: boolean; madeWithCitizenOn: string | null; revisedBy: string },
): Promise<void> {
  await m.query(
    `INSERT INTO treatment_plan_revision (municipality_id, enrolment_id, citizen_id, revision, content_encrypted, review_date, made_with_citizen, made_with_citizen_on, revised_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [r.municipalityId, r.enrolmentId, r.citizenId, r.revision, r.contentEncrypted, r.reviewDate, r.madeWithCitizen, r.madeWithCitizenOn, r.revisedBy],
  );
}

/** The newest revision of each active enrolment's plan (of one centre, if named), with its review date. */
export async function latestPlansOfActiveEnrolments(
  m: EntityManager,
  filter: { centreId: string | null; staffUserId: string | null },
): Promise<{ enrolment_id: string; citizen_id: string; programme_id: string; review_date: string; revision: number }[]> {
  return (await m.query(
    `SELECT DISTINCT ON (p.enrolment_id) p.enrolment_id, p.citizen_id, e.programme_id, p.review_date::text AS review_date, p.revision
       FROM treatment_plan_revision p JOIN enrolment e ON e.id = p.enrolment_id
      WHERE e.state = 'active' AND ($1::uuid IS NULL OR e.centre_id = $1) AND ($2::uuid IS NULL OR e.staff_user_id = $2)
      ORDER BY p.enrolment_id, p.revision DESC`,
    [filter.centreId, filter.staffUserId],
  )) as { enrolment_id: string; citizen_id: string; programme_id: string; review_date: string; revision: number }[];
}
