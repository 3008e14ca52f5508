import type { Enrolment, Programme } from '@outcomes/contracts';

type FormData = Record<string, unknown>;

const pad = (n: number): string => String(Math.abs(n)).padStart(2, '0');

/**
 * A datetime-local value ("2026-11-25T14:30", the browser's time zone) or an ISO string, as ISO 8601
 * with the browser's offset ("2026-11-25T14:30:00+01:00"): the same moment, and its date part stays the
 * local date the API compares with the enrolment's start date (a UTC "Z" time shortly after midnight
 * would carry the day before).
 */
export function toIsoDateTime(value: unknown): unknown {
  if (typeof value !== 'string' || value === '') return value;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const offset = -date.getTimezoneOffset();
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${offset >= 0 ? '+' : '-'}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
  );
}

const numberOrNull = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const textOrNull = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);

function common(data: FormData): FormData {
  return {
    startsAt: toIsoDateTime(data['startsAt']),
    durationMinutes: data['durationMinutes'],
    kind: data['kind'],
    sessionNumber: numberOrNull(data['sessionNumber']),
    attendance: data['attendance'],
    note: textOrNull(data['note']),
  };
}

/** POST /api/sessions. */
export const toSessionCreateBody = (data: FormData): FormData => ({ enrolmentId: data['enrolmentId'], ...common(data) });

/**
 * PUT /api/sessions/:id: the enrolment of a session does not change. A changed note goes with its
 * reason (correctionReason), or as the author's typo fix (typoFix); the API keeps the earlier text.
 */
export const toSessionUpdateBody = (data: FormData): FormData => ({
  ...common(data),
  version: data['version'],
  ...(data['typoFix'] === true ? { typoFix: true } : {}),
  ...(textOrNull(data['correctionReason']) !== null ? { correctionReason: String(data['correctionReason']).trim() } : {}),
});

/** The protocol's next session number (MOVE: 1-12), when the programme counts its sessions. */
export function nextSessionNumber(
  enrolment: Pick<Enrolment, 'sessionsAttended'> | undefined,
  programme: Pick<Programme, 'expectedSessions'> | undefined,
): number | null {
  if (!enrolment || !programme?.expectedSessions) return null;
  return Math.min(enrolment.sessionsAttended + 1, programme.expectedSessions);
}
