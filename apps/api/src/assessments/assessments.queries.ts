import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { findByIdOr404 } from '../common/crud/find-by-id';
import { AssessmentEntity, AssessmentRevisionEntity, FollowUpAttemptEntity } from './assessment.entity';

// Every query of the assessments feature (assessments, their revisions, follow-up attempts), in the
// request's tenant transaction (row-level security applies). The worklist's enrolments and
// programmes are read through enrolments.queries.ts and programmes.queries.ts.

/** The base of the assessment list (listPage adds the filters, sort and range). */
export function assessmentList(m: EntityManager): SelectQueryBuilder<AssessmentEntity> {
  return m.getRepository(AssessmentEntity).createQueryBuilder('r');
}

/** The assessment a path names, or 404 "Assessment not found". */
export function assessmentOr404(m: EntityManager, id: string): Promise<AssessmentEntity> {
  return findByIdOr404(m.getRepository(AssessmentEntity), id, 'Assessment');
}

/** Inserts a scored assessment; answers its id. */
export async function insertAssessment(m: EntityManager, values: QueryDeepPartialEntity<AssessmentEntity>): Promise<string> {
  const result = await m.getRepository(AssessmentEntity).createQueryBuilder().insert().values(values).returning('id').execute();
  return (result.identifiers[0] as { id: string }).id;
}

/** Writes the changes if the assessment still has this version; answers how many rows changed (0: stale). */
export async function updateAssessment(m: EntityManager, id: string, version: number, changes: QueryDeepPartialEntity<AssessmentEntity>): Promise<number | undefined> {
  const result = await m.getRepository(AssessmentEntity).createQueryBuilder().update().set(changes).where('id = :id AND version = :version', { id, version }).execute();
  return result.affected;
}

/** Keeps the version before an edit. */
export async function insertRevision(m: EntityManager, values: QueryDeepPartialEntity<AssessmentRevisionEntity>): Promise<void> {
  await m.getRepository(AssessmentRevisionEntity).insert(values);
}

/** Inserts an attempt to reach the citizen for a follow-up; answers its id. */
export async function insertFollowUpAttempt(m: EntityManager, values: QueryDeepPartialEntity<FollowUpAttemptEntity>): Promise<string> {
  const result = await m.getRepository(FollowUpAttemptEntity).createQueryBuilder().insert().values(values).returning('id').execute();
  return (result.identifiers[0] as { id: string }).id;
}

/** The timepoints and dates of these enrolments' assessments (what the schedule counts as taken). */
export function takenAssessments(m: EntityManager, enrolmentIds: string[]): Promise<AssessmentEntity[]> {
  return m.getRepository(AssessmentEntity).createQueryBuilder('a').select(['a.enrolmentId', 'a.timepoint', 'a.assessedOn']).where('a.enrolment_id IN (:...ids)', { ids: enrolmentIds }).getMany();
}

/** These enrolments' follow-up attempts, oldest first. */
export function followUpAttempts(m: EntityManager, enrolmentIds: string[]): Promise<FollowUpAttemptEntity[]> {
  return m.getRepository(FollowUpAttemptEntity).createQueryBuilder('f').where('f.enrolment_id IN (:...ids)', { ids: enrolmentIds }).orderBy('f.attempted_on', 'ASC').getMany();
}
