import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { findById, findByIdOr404, findReferenceOr400 } from '../common/crud/find-by-id';
import { applyListQuery } from '../common/list-query/apply-list-query';
import type { ListQuery } from '../common/list-query/list-query';
import { manyAndCount } from '../common/list-query/list-page';
import { ApiException } from '../common/errors/api.exception';
import { CitizenEntity } from './citizen.entity';

// Every query of the citizens feature (table citizen, and the timeline across enrolment_transition,
// treatment_session, note_version, app_user, group_attendance, group_meeting, treatment_group and outreach_contact), in the
// request's tenant transaction (row-level security applies). Names and CPR numbers are only ever
// looked up by their keyed hashes (name_tokens, cpr_hash).

/** One page of citizens by the parsed list query, narrowed to those whose name tokens hold every hash. */
export async function searchCitizens(m: EntityManager, query: ListQuery, nameHashes: string[]): Promise<[CitizenEntity[], number]> {
  // A record merged into another (issue 22) is no live record: never listed or searched.
  const qb = applyListQuery(m.getRepository(CitizenEntity).createQueryBuilder('r'), query).andWhere('r.merged_into_id IS NULL');
  if (nameHashes.length > 0) qb.andWhere('"r"."name_tokens" @> :tokens', { tokens: nameHashes });
  const [rows, total] = await manyAndCount(qb);
  return [rows, total];
}

/**
 * The citizen a path names, or 404 "Citizen not found"; a record merged into another (issue 22) is
 * 410 GONE naming the record it went into, so a link to it leads there and nothing is written to it.
 */
export async function citizenOr404(m: EntityManager, id: string): Promise<CitizenEntity> {
  const citizen = await findByIdOr404(m.getRepository(CitizenEntity), id, 'Citizen');
  if (citizen.mergedIntoId) {
    throw new ApiException(410, 'GONE', 'This record was merged into another; its data is on that record', { id: 'the record was merged into another' }, { mergedIntoId: citizen.mergedIntoId });
  }
  return citizen;
}

/** The citizen a body's citizenId names, or 400 naming the field (another municipality's is not found either). */
export async function citizenReferenceOr400(m: EntityManager, id: string): Promise<CitizenEntity> {
  const citizen = await findReferenceOr400(m.getRepository(CitizenEntity), id, 'citizenId', 'citizenId must name a citizen of your municipality');
  // Nothing new is written to a record merged into another (issue 22): it goes on the record it went into.
  if (citizen.mergedIntoId) throw ApiException.validation({ citizenId: 'citizenId names a record merged into another; use that record' });
  return citizen;
}

/** The citizen with this id, or null (after a failed versioned update: gone, or another version). */
export function citizenById(m: EntityManager, id: string): Promise<CitizenEntity | null> {
  return findById(m.getRepository(CitizenEntity), id);
}

/** The citizen (of the own municipality, by row-level security) with this CPR hash, or null. */
export function citizenByCprHash(m: EntityManager, hash: string): Promise<CitizenEntity | null> {
  return m.getRepository(CitizenEntity).createQueryBuilder('r').where('r.cpr_hash = :hash AND r.merged_into_id IS NULL', { hash }).getOne();
}

/** Every citizen with this CPR hash. */
export function citizensByCprHash(m: EntityManager, hash: string): Promise<CitizenEntity[]> {
  return m.getRepository(CitizenEntity).createQueryBuilder('r').where('r.cpr_hash = :hash AND r.merged_into_id IS NULL', { hash }).getMany();
}

/** The id of a citizen with this CPR hash, or null (the duplicate check). */
export function citizenIdByCprHash(m: EntityManager, cprHash: string): Promise<CitizenEntity | null> {
  return m.getRepository(CitizenEntity).createQueryBuilder('r').select('r.id').where('r.cpr_hash = :cprHash', { cprHash }).getOne();
}

/** The citizens (id and hash) of many CPR hashes at once: an import's file, read in one query. */
export function citizenIdsByCprHashes(m: EntityManager, cprHashes: string[]): Promise<Pick<CitizenEntity, 'id' | 'cprHash'>[]> {
  if (cprHashes.length === 0) return Promise.resolve([]);
  return m.getRepository(CitizenEntity).createQueryBuilder('r').select(['r.id', 'r.cprHash']).where('r.cpr_hash = ANY(:cprHashes)', { cprHashes }).getMany();
}

/** The newest citizens whose name tokens hold every hash, at most `limit`. */
export function citizensByNameHashes(m: EntityManager, hashes: string[], limit: number): Promise<CitizenEntity[]> {
  return m.getRepository(CitizenEntity).createQueryBuilder('r').where('"r"."name_tokens" @> :tokens AND r.merged_into_id IS NULL', { tokens: hashes }).orderBy('r.created_at', 'DESC').limit(limit).getMany();
}

/** A likely duplicate's row: the citizen and how many of the searched name-word hashes it shares. */
export type LikelyDuplicateRow = { citizen: CitizenEntity; shared: number };

/**
 * Citizens who may be the person about to be registered: sharing at least one name word (by keyed
 * hash), with a birth year and a sex that do not contradict the given ones (either side unknown is
 * no contradiction), ranked by shared words, then matching birth year and sex; at most `limit`.
 */
export async function likelyDuplicates(m: EntityManager, hashes: string[], birthYear: number | null, sex: string | null, limit: number): Promise<LikelyDuplicateRow[]> {
  const shared = 'cardinality(ARRAY(SELECT unnest("r"."name_tokens") INTERSECT SELECT unnest(CAST(:tokens AS text[]))))';
  const qb = m
    .getRepository(CitizenEntity)
    .createQueryBuilder('r')
    .addSelect(shared, 'shared')
    .where('"r"."name_tokens" && CAST(:tokens AS text[])', { tokens: hashes })
    .andWhere('r.merged_into_id IS NULL')
    .andWhere('(CAST(:birthYear AS integer) IS NULL OR "r"."birth_year" IS NULL OR "r"."birth_year" = CAST(:birthYear AS integer))', { birthYear })
    .andWhere('(CAST(:sex AS text) IS NULL OR "r"."sex" IS NULL OR "r"."sex" = CAST(:sex AS text))', { sex })
    .orderBy('shared', 'DESC')
    .addOrderBy('CASE WHEN "r"."birth_year" = CAST(:birthYear AS integer) THEN 0 ELSE 1 END', 'ASC')
    .addOrderBy('CASE WHEN "r"."sex" = CAST(:sex AS text) THEN 0 ELSE 1 END', 'ASC')
    .addOrderBy('r.created_at', 'DESC')
    .limit(limit);
  const { entities, raw } = await qb.getRawAndEntities<{ shared: number }>();
  return entities.map((citizen, i) => ({ citizen, shared: Number(raw[i]?.shared ?? 0) }));
}

/** Inserts a citizen; answers its id. */
export async function insertCitizen(m: EntityManager, values: QueryDeepPartialEntity<CitizenEntity>): Promise<string> {
  const result = await m.getRepository(CitizenEntity).createQueryBuilder().insert().values(values).returning('id').execute();
  return (result.identifiers[0] as { id: string }).id;
}

/** Writes the changes if the citizen still has this version; answers how many rows changed (0: stale or not writable). */
export async function updateCitizen(m: EntityManager, id: string, version: number, changes: QueryDeepPartialEntity<CitizenEntity>): Promise<number | undefined> {
  const result = await m.getRepository(CitizenEntity).createQueryBuilder().update().set(changes).where('id = :id AND version = :version', { id, version }).execute();
  return result.affected;
}

/** A citizen's timeline rows: enrolment steps, sessions (entered in error: its reason in `reason`), note corrections, group meetings attended, outreach contacts; newest first, in one order every time. */
export async function timelineRows(m: EntityManager, citizenId: string, limit: number): Promise<Record<string, unknown>[]> {
  return (await m.query(
    `SELECT * FROM (
         SELECT 'enrolment' AS kind, t.on_date::timestamptz AS at, t.id, t.enrolment_id, e.programme_id,
                t.from_state, t.to_state, t.reason, NULL::text AS a, NULL::int AS n, NULL::int AS minutes, NULL::uuid AS group_id, NULL::text AS group_name, NULL::text AS b,
                t.at AS recorded_at, (t.from_state IS NOT NULL)::int AS step
           FROM enrolment_transition t JOIN enrolment e ON e.id = t.enrolment_id WHERE e.citizen_id = $1
         UNION ALL
         SELECT 'session', s.starts_at, s.id, s.enrolment_id, NULL, NULL, NULL, s.entered_in_error_reason, s.attendance, s.session_number, s.duration_minutes, NULL, NULL, s.kind, NULL, NULL
           FROM treatment_session s WHERE s.citizen_id = $1
         UNION ALL
         SELECT 'note-correction', v.written_at, v.id, s.enrolment_id, NULL, NULL, NULL, v.reason, v.kind, NULL, NULL, v.record_id, u.display_name, v.record_kind, NULL, NULL
           FROM note_version v JOIN app_user u ON u.id = v.written_by LEFT JOIN treatment_session s ON v.record_kind = 'session' AND s.id = v.record_id
          WHERE v.citizen_id = $1 AND v.kind <> 'original'
         UNION ALL
         SELECT 'group-meeting', m.starts_at, m.id, a.enrolment_id, NULL, NULL, NULL, NULL, a.status, m.number, m.duration_minutes, g.id, g.name, NULL, NULL, NULL
           FROM group_attendance a JOIN group_meeting m ON m.id = a.meeting_id JOIN treatment_group g ON g.id = m.group_id
           JOIN enrolment e ON e.id = a.enrolment_id WHERE e.citizen_id = $1
         UNION ALL
         SELECT 'outreach-contact', o.contact_at, o.id, NULL, NULL, NULL, NULL, NULL, o.place_type, NULL, o.duration_minutes, NULL, NULL, o.contact_type, NULL, NULL
           FROM outreach_contact o WHERE o.citizen_id = $1
       ) events
       -- Enrolment steps are dated, not timed: steps of one day (a referral and a start) come newest
       -- first as they were recorded, and steps recorded at one instant (an import's) as transitionsOf()
       -- orders them, reversed; the id last (with the enrolment: a meeting attended on two enrolments
       -- of one citizen, after a merge, is two rows), so that the order never varies between reads.
       ORDER BY at DESC, kind, recorded_at DESC NULLS LAST, step DESC NULLS LAST, id DESC, enrolment_id DESC NULLS LAST LIMIT $2`,
    [citizenId, limit],
  )) as Record<string, unknown>[];
}

/**
 * Whether the citizen has a course of anonymous treatment (Serviceloven § 101 a): a request or an
 * enrolment of kind 'sel-101a' (the literal is ANONYMOUS_COURSE_KIND of libs/contracts).
 */
export async function hasAnonymousCourse(m: EntityManager, citizenId: string): Promise<boolean> {
  const [row] = (await m.query(
    `SELECT EXISTS (SELECT 1 FROM case_request WHERE citizen_id = $1 AND course_kind = 'sel-101a')
         OR EXISTS (SELECT 1 FROM enrolment WHERE citizen_id = $1 AND course_kind = 'sel-101a') AS anonymous`,
    [citizenId],
  )) as [{ anonymous: boolean }];
  return row.anonymous;
}
