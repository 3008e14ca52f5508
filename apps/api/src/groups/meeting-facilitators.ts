import type { MeetingFacilitatorDto } from './dto/group.dto';
import type { GroupEntity } from './group.entity';

/**
 * What logging a SMART meeting asks of the volunteers' side: check the facilitators (assigned on the
 * day, not at another meeting at the time, one trained unless a reason is given) and record them.
 * Volunteers know groups (they facilitate them); groups know only this port, which the volunteers
 * module provides and the app module wires in (GroupsModule.register), so the two do not import
 * each other.
 */
export interface MeetingFacilitators {
  checkMeetingFacilitators(group: GroupEntity, startsAt: Date, durationMinutes: number, facilitators: MeetingFacilitatorDto[], untrainedReason: string | null): Promise<void>;
  recordMeetingFacilitators(meetingId: string, municipalityId: string, facilitators: MeetingFacilitatorDto[]): Promise<void>;
}

export const MEETING_FACILITATORS = Symbol('MEETING_FACILITATORS');
