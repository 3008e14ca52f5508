import { Injectable } from '@nestjs/common';
import type { TimelineEvent } from '@outcomes/contracts';
import { Db } from '../tenancy/db.service';
import { CitizensService } from './citizens.service';

/**
 * A citizen's timeline: enrolment steps, individual sessions (those entered in error marked), note
 * corrections (who, when, why; the text itself is on the session), group meetings attended and outreach
 * contacts, newest first, in one query (row-level security applies to every part).
 */
@Injectable()
export class TimelineService {
  constructor(
    private readonly db: Db,
    private readonly citizens: CitizensService,
  ) {}

  async timeline(citizenId: string, limit = 200): Promise<TimelineEvent[]> {
    await this.citizens.entity(citizenId);
    const rows = (await this.db.manager().query(
      `SELECT * FROM (
         SELECT 'enrolment' AS kind, t.on_date::timestamptz AS at, t.id, t.enrolment_id, e.programme_id,
                t.from_state, t.to_state, t.reason, NULL::text AS a, NULL::int AS n, NULL::int AS minutes, NULL::uuid AS group_id, NULL::text AS group_name, NULL::text AS b
           FROM enrolment_transition t JOIN enrolment e ON e.id = t.enrolment_id WHERE e.citizen_id = $1
         UNION ALL
         SELECT 'session', s.starts_at, s.id, s.enrolment_id, NULL, NULL, NULL, s.entered_in_error_reason, s.attendance, s.session_number, s.duration_minutes, NULL, NULL, s.kind
           FROM treatment_session s WHERE s.citizen_id = $1
         UNION ALL
         SELECT 'note-correction', v.written_at, v.id, s.enrolment_id, NULL, NULL, NULL, v.reason, v.kind, NULL, NULL, v.record_id, u.display_name, v.record_kind
           FROM note_version v JOIN app_user u ON u.id = v.written_by LEFT JOIN treatment_session s ON v.record_kind = 'session' AND s.id = v.record_id
          WHERE v.citizen_id = $1 AND v.kind <> 'original'
         UNION ALL
         SELECT 'group-meeting', m.starts_at, m.id, a.enrolment_id, NULL, NULL, NULL, NULL, a.status, m.number, m.duration_minutes, g.id, g.name, NULL
           FROM group_attendance a JOIN group_meeting m ON m.id = a.meeting_id JOIN treatment_group g ON g.id = m.group_id
           JOIN enrolment e ON e.id = a.enrolment_id WHERE e.citizen_id = $1
         UNION ALL
         SELECT 'outreach-contact', o.contact_at, o.id, NULL, NULL, NULL, NULL, NULL, o.place_type, NULL, o.duration_minutes, NULL, NULL, o.contact_type
           FROM outreach_contact o WHERE o.citizen_id = $1
       ) events ORDER BY at DESC, kind LIMIT $2`,
      [citizenId, limit],
    )) as Record<string, unknown>[];
    return rows.map((r): TimelineEvent => {
      const at = (r['at'] as Date).toISOString();
      const id = r['id'] as string;
      switch (r['kind']) {
        case 'enrolment':
          return { kind: 'enrolment', at, id, enrolmentId: r['enrolment_id'] as string, programmeId: r['programme_id'] as string, from: r['from_state'] as never, to: r['to_state'] as never, reason: r['reason'] as string | null };
        case 'session':
          // A session entered in error stays on the timeline, marked with its reason.
          return { kind: 'session', at, id, enrolmentId: r['enrolment_id'] as string, sessionKind: r['b'] as string, sessionNumber: r['n'] as number | null, durationMinutes: r['minutes'] as number, attendance: r['a'] as never, enteredInError: r['reason'] !== null, enteredInErrorReason: r['reason'] as string | null };
        case 'note-correction':
          return { kind: 'note-correction', at, id, recordKind: 'session', recordId: r['group_id'] as string, enrolmentId: r['enrolment_id'] as string | null, correction: r['a'] as never, reason: r['reason'] as string | null, byName: r['group_name'] as string };
        case 'group-meeting':
          return { kind: 'group-meeting', at, id, groupId: r['group_id'] as string, groupName: r['group_name'] as string, number: r['n'] as number | null, durationMinutes: r['minutes'] as number, attendance: r['a'] as never };
        default:
          return { kind: 'outreach-contact', at, id, placeType: r['a'] as never, contactType: r['b'] as never, durationMinutes: r['minutes'] as number };
      }
    });
  }
}
