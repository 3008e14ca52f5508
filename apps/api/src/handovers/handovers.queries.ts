import { MAX_PAGE_SIZE } from '@outcomes/contracts';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { findByIdOr404 } from '../common/crud/find-by-id';
import { HandoverEntity } from './handover.entity';

// Every query of the hand-overs feature (table handover; the definer functions handover_incoming and
// handover_answer for what crosses municipalities; municipality names, read by all), in the request's
// tenant transaction (row-level security applies). The old record itself is read with the emergency
// view's queries, under app_shared_citizen_ids().

/** The base of the outgoing list (the caller's own hand-overs; listPage adds filters, sort and range). */
export function handoverList(m: EntityManager): SelectQueryBuilder<HandoverEntity> {
  return m.getRepository(HandoverEntity).createQueryBuilder('r');
}

/** The caller's own (outgoing) hand-over, or null. */
export function ownHandover(m: EntityManager, id: string): Promise<HandoverEntity | null> {
  return m.getRepository(HandoverEntity).createQueryBuilder('r').where('r.id = :id', { id }).getOne();
}

export function ownHandoverOr404(m: EntityManager, id: string): Promise<HandoverEntity> {
  return findByIdOr404(m.getRepository(HandoverEntity), id, 'Hand-over');
}

export async function insertHandover(m: EntityManager, values: QueryDeepPartialEntity<HandoverEntity>): Promise<string> {
  const result = await m.getRepository(HandoverEntity).createQueryBuilder().insert().values(values).returning('id').execute();
  return (result.identifiers[0] as { id: string }).id;
}

/** Writes the changes if the hand-over still has this version and is still `sent`; answers rows changed. */
export async function updateSentHandover(m: EntityManager, id: string, version: number, changes: QueryDeepPartialEntity<HandoverEntity>): Promise<number | undefined> {
  const result = await m.getRepository(HandoverEntity).createQueryBuilder().update().set(changes).where("id = :id AND version = :version AND state = 'sent'", { id, version }).execute();
  return result.affected;
}

/** Whether the caller already has a sent hand-over of this citizen to this municipality (one at a time). */
export async function sentHandoverExists(m: EntityManager, citizenId: string, toMunicipalityId: string): Promise<boolean> {
  const rows = (await m.query(`SELECT 1 FROM handover WHERE citizen_id = $1 AND to_municipality_id = $2 AND state = 'sent' LIMIT 1`, [citizenId, toMunicipalityId])) as unknown[];
  return rows.length > 0;
}

/** One row of handover_incoming(): a hand-over addressed to the caller's municipality, as it shows itself. */
export interface IncomingHandoverRow {
  id: string;
  version: number;
  created_at: Date;
  updated_at: Date;
  municipality_id: string;
  to_municipality_id: string;
  message_encrypted: string | null;
  identity_encrypted: string;
  state: string;
  answered_at: Date | null;
  reason_encrypted: string | null;
  read_until: Date | null;
  receiving_enrolment_id: string | null;
}

/** The hand-overs addressed to the caller's municipality (sent or accepted, newest first, at most a page), or the one with this id. */
export function incomingHandovers(m: EntityManager, id: string | null): Promise<IncomingHandoverRow[]> {
  return m.query(
    `SELECT id, version, created_at, updated_at, municipality_id, to_municipality_id, message_encrypted, identity_encrypted, state,
            answered_at, reason_encrypted, read_until, receiving_enrolment_id
     FROM handover_incoming($1::uuid) LIMIT ${MAX_PAGE_SIZE}`,
    [id],
  ) as Promise<IncomingHandoverRow[]>;
}

/** The new side's answer (handover_answer); answers the rows changed (0: not theirs, not sent, stale, or a foreign enrolment). */
export async function answerHandover(m: EntityManager, a: { id: string; version: number; state: 'accepted' | 'declined'; reasonEncrypted: string | null; enrolmentId: string | null }): Promise<number> {
  const rows = (await m.query('SELECT handover_answer($1, $2, $3, $4, $5) AS changed', [a.id, a.version, a.state, a.reasonEncrypted, a.enrolmentId])) as { changed: number }[];
  return rows[0]?.changed ?? 0;
}

/**
 * Names the hand-overs this transaction reads under: app_shared_citizen_ids() then answers their old
 * citizens, if accepted by the caller's municipality and still readable. Transaction-local.
 */
export async function readUnderHandover(m: EntityManager, handoverIds: string[]): Promise<void> {
  await m.query(`SELECT set_config('app.handover_ids', $1, true)`, [handoverIds.join(',')]);
}

/** The citizens shared with the caller in this transaction (the one primitive; under one named hand-over: its old citizen, or none). */
export async function sharedCitizenIds(m: EntityManager): Promise<string[]> {
  const rows = (await m.query('SELECT id FROM app_shared_citizen_ids() AS id')) as { id: string }[];
  return rows.map((r) => r.id);
}

/** Names of municipalities (reference data), by id. */
export async function municipalityNames(m: EntityManager, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = (await m.query('SELECT id::text, name FROM municipality WHERE id = ANY($1::uuid[])', [ids])) as { id: string; name: string }[];
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The caller's own citizens of these enrolments, by enrolment id. */
export async function citizensOfEnrolments(m: EntityManager, enrolmentIds: string[]): Promise<Map<string, string>> {
  if (enrolmentIds.length === 0) return new Map();
  const rows = (await m.query('SELECT id::text, citizen_id::text FROM enrolment WHERE id = ANY($1::uuid[])', [enrolmentIds])) as { id: string; citizen_id: string }[];
  return new Map(rows.map((r) => [r.id, r.citizen_id]));
}
