import type { EntityManager } from 'typeorm';

// Every query of the notes feature (table note_version; app_user for the writers' names), in the
// request's tenant transaction (row-level security applies). note_version is append-only: there is
// no update or delete here, and the database refuses both (migration NotesNeverLostTenancy).

export interface NoteVersionRow {
  id: string;
  text_encrypted: string | null;
  kind: string;
  reason: string | null;
  written_by: string;
  written_at: Date;
  display_name: string;
}

/** Every version of one note, oldest first (the original before a change made in the same instant). */
export async function noteVersions(m: EntityManager, recordKind: string, recordId: string, field: string): Promise<NoteVersionRow[]> {
  return (await m.query(
    `SELECT v.id, v.text_encrypted, v.kind, v.reason, v.written_by, v.written_at, u.display_name
       FROM note_version v JOIN app_user u ON u.id = v.written_by
      WHERE v.record_kind = $1 AND v.record_id = $2 AND v.field = $3
      ORDER BY v.written_at, (v.kind = 'original') DESC, v.id`,
    [recordKind, recordId, field],
  )) as NoteVersionRow[];
}

export async function insertNoteVersion(
  m: EntityManager,
  v: { municipalityId: string; recordKind: string; recordId: string; citizenId: string; field: string; textEncrypted: string | null; kind: string; reason: string | null; writtenBy: string },
): Promise<void> {
  await m.query(
    `INSERT INTO note_version (municipality_id, record_kind, record_id, citizen_id, field, text_encrypted, kind, reason, written_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [v.municipalityId, v.recordKind, v.recordId, v.citizenId, v.field, v.textEncrypted, v.kind, v.reason, v.writtenBy],
  );
}

/** How many changes (versions after the original) each record's notes have had. */
export async function noteChangeCounts(m: EntityManager, recordKind: string, recordIds: string[]): Promise<Map<string, number>> {
  if (recordIds.length === 0) return new Map();
  const rows = (await m.query(
    `SELECT record_id::text AS id, count(*)::int AS n FROM note_version WHERE record_kind = $1 AND record_id = ANY($2::uuid[]) AND kind <> 'original' GROUP BY record_id`,
    [recordKind, recordIds],
  )) as { id: string; n: number }[];
  return new Map(rows.map((r) => [r.id, r.n]));
}
