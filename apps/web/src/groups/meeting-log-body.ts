import type { Training } from '@outcomes/contracts';
import { isTrained } from '@outcomes/domain';
import { toIsoDateTime } from '../sessions/session-body';

export interface FacilitatorEntry {
  volunteerId?: string;
  minutes?: number;
}

export interface MeetingLogForm {
  groupId: string;
  startsAt: string;
  durationMinutes: number;
  anonymousHeadcount: number;
  facilitators?: FacilitatorEntry[];
  untrainedReason?: string | null;
  /** Enrolments of registered citizens who were there. */
  present?: string[];
}

const chosen = (facilitators: FacilitatorEntry[] | undefined): { volunteerId: string; minutes: number }[] =>
  (facilitators ?? []).flatMap((f) => (f.volunteerId ? [{ volunteerId: f.volunteerId, minutes: f.minutes ?? 0 }] : []));

/** POST /api/group-meetings: the held meeting, its facilitators and their minutes, and why none was trained. */
export function toMeetingLogBody(data: MeetingLogForm) {
  const reason = data.untrainedReason?.trim();
  return {
    groupId: data.groupId,
    startsAt: toIsoDateTime(data.startsAt) as string,
    durationMinutes: data.durationMinutes,
    anonymousHeadcount: data.anonymousHeadcount,
    facilitators: chosen(data.facilitators),
    ...(reason ? { untrainedReason: reason } : {}),
  };
}

/**
 * Whether one of the chosen facilitators was trained in the SMART method on the meeting's day, by the
 * domain's rule on their training records: otherwise the coordinator must say why.
 */
export function trainedFacilitatorPresent(facilitators: FacilitatorEntry[] | undefined, trainings: readonly Training[], day: string): boolean {
  return chosen(facilitators).some((f) => isTrained(trainings.filter((t) => t.volunteerId === f.volunteerId), day));
}
