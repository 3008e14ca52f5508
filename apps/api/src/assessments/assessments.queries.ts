import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { findByIdOr404 } from '../common/crud/find-by-id';
import { AssessmentEntity, AssessmentRevisionEntity, FollowUpAttemptEntity } from './assessment.entity';
import { worklistQuery } from './worklist-sql';

// Every query of the assessments feature (assessments, their revisions, follow-up attempts), in the
// request's tenant transaction (row-level security applies). One enrolment's schedule reads its
// programme through programmes.queries.ts; the worklist is one query (worklist-sql.ts).

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
  return m.getRepository(AssessmentEntity).createQueryBuilder('a').select(['a.enrolmentId', 'a.timepoint', 'a.assessedOn']).where('a.enrolment_id = ANY(:ids)', { ids: enrolmentIds }).getMany();
}

/** These enrolments' follow-up attempts, oldest first. */
export function followUpAttempts(m: EntityManager, enrolmentIds: string[]): Promise<FollowUpAttemptEntity[]> {
  return m.getRepository(FollowUpAttemptEntity).createQueryBuilder('f').where('f.enrolment_id = ANY(:ids)', { ids: enrolmentIds }).orderBy('f.attempted_on', 'ASC').getMany();
}

/** The worklist's filters, as the list query gave them (each optional). */
interface WorklistFilter {
  staffUserId?: string | undefined;
  centreId?: string | undefined;
  status?: string | undefined;
}

/** A worklist row as the SQL answers it: dates as YYYY-MM-DD text, the item's attempts as JSON, oldest first. */
export interface WorklistRow {
  enrolment_id: string;
  citizen_id: string;
  programme_id: string;
  centre_id: string;
  staff_user_id: string | null;
  timepoint: string;
  due_date: string;
  window_start: string;
  window_end: string;
  status: string;
  attempts: { id: string; enrolmentId: string; timepoint: string; date: string; channel: string; reached: boolean; userId: string }[];
}

/** One page of the worklist and its total (worklist-sql.ts, the text of the filter's shape). */
export async function worklistPage(m: EntityManager, today: string, endedStates: readonly string[], filter: WorklistFilter, limit: number, offset: number): Promise<{ rows: WorklistRow[]; total: number }> {
  const { text, values } = worklistQuery({ today, endedStates, ...filter, limit, offset });
  const result = (await m.query(text, values)) as (WorklistRow & { total: number; ordinal: string; enrolment_id: string | null })[];
  return { rows: result.filter((r) => r.enrolment_id !== null).map(({ total: _total, ordinal: _ordinal, ...row }) => row), total: result[0]?.total ?? 0 };
}
