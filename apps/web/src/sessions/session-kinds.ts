import { ATTENDANCE } from '@outcomes/contracts';
import type { Programme } from '@outcomes/contracts';

/** Kinds of individual session the form offers; the API takes any short code, so older ones still show. */
export const SESSION_KINDS = [
  'move-session',
  'individual-session',
  'case-management-meeting',
  'outreach-contact',
  'network-meeting',
  'phone-contact',
] as const;

export const kindChoices = SESSION_KINDS.map((id) => ({ id, name: `resources.sessions.kinds.${id}` }));

export const attendanceChoices = ATTENDANCE.map((id) => ({ id, name: `resources.sessions.attendance.${id}` }));

/** The kind a programme's sessions usually are. */
export function defaultKind(programme: Pick<Programme, 'code' | 'format'> | undefined): string {
  if (!programme) return 'individual-session';
  if (programme.code === 'MOVE') return 'move-session';
  if (programme.format === 'case-management') return 'case-management-meeting';
  if (programme.format === 'outreach') return 'outreach-contact';
  return 'individual-session';
}
