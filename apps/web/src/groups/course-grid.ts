import type { GroupAttendance } from '@outcomes/contracts';

/** Marks of the grid: meeting id → enrolment id → status; a missing mark is not yet taken. */
export type GridMarks = Record<string, Record<string, GroupAttendance>>;

export interface GridMeeting {
  id: string;
  status: string;
  attendance: readonly { enrolmentId: string; status: GroupAttendance }[];
}

/** The saved attendance of each meeting, as the grid starts. */
export function marksOf(meetings: readonly GridMeeting[]): GridMarks {
  return Object.fromEntries(meetings.map((m) => [m.id, Object.fromEntries(m.attendance.map((a) => [a.enrolmentId, a.status]))]));
}

export interface GridTotals {
  /** Meetings each member was present at. */
  perPerson: Record<string, number>;
  /** Members present at each meeting. */
  perMeeting: Record<string, number>;
  /** Every member's presences together. */
  all: number;
}

/** Presences per person and per meeting among the members; cancelled meetings and non-members count for nothing. */
export function gridTotals(memberIds: readonly string[], meetings: readonly Pick<GridMeeting, 'id' | 'status'>[], marks: GridMarks): GridTotals {
  const perPerson: Record<string, number> = Object.fromEntries(memberIds.map((id) => [id, 0]));
  const perMeeting: Record<string, number> = {};
  let all = 0;
  for (const meeting of meetings) {
    perMeeting[meeting.id] = 0;
    if (meeting.status === 'cancelled') continue;
    for (const id of memberIds) {
      if (marks[meeting.id]?.[id] !== 'present') continue;
      perPerson[id] = (perPerson[id] ?? 0) + 1;
      perMeeting[meeting.id] = (perMeeting[meeting.id] ?? 0) + 1;
      all++;
    }
  }
  return { perPerson, perMeeting, all };
}

const CYCLE: readonly (GroupAttendance | undefined)[] = [undefined, 'present', 'absent', 'excused'];

/** One click on a cell: not taken → present → absent → excused → present … (a taken mark is never cleared by clicking). */
export function nextMark(current: GroupAttendance | undefined): GroupAttendance {
  const next = CYCLE[(CYCLE.indexOf(current) + 1) % CYCLE.length];
  return next ?? 'present';
}

/** Whether a meeting's column differs from what is saved and has a mark for every member (the save sends the whole column). */
export function columnState(memberIds: readonly string[], saved: Record<string, GroupAttendance> | undefined, marked: Record<string, GroupAttendance> | undefined): { dirty: boolean; complete: boolean } {
  const dirty = memberIds.some((id) => saved?.[id] !== marked?.[id]);
  const complete = memberIds.length > 0 && memberIds.every((id) => marked?.[id] !== undefined);
  return { dirty, complete };
}
