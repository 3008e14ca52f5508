import { Injectable } from '@nestjs/common';
import type { TimelineEvent } from '@outcomes/contracts';
import { Db } from '../tenancy/db.service';
import { timelineRows } from './citizens.queries';
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
    const rows = await timelineRows(this.db.manager(), citizenId, limit);
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
