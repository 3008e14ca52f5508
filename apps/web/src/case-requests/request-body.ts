import { ASSESSMENT_AREAS } from '@outcomes/contracts';

type FormData = Record<string, unknown>;

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);
const date = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

function assessmentOf(value: unknown): Record<string, string | null> {
  const given = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  return Object.fromEntries(ASSESSMENT_AREAS.map((area) => [area, text(given[area])]));
}

/** POST /api/case-requests. */
export function toRequestCreateBody(data: FormData): FormData {
  return {
    citizenId: data['citizenId'],
    courseKind: data['courseKind'] === 'sel-101a' ? 'sel-101a' : 'sel-101',
    requestedOn: data['requestedOn'],
    channel: data['channel'],
    receivedByCentreId: text(data['receivedByCentreId']),
    assessment: assessmentOf(data['assessment']),
  };
}

/** PUT /api/case-requests/:id: the assessment, the guarantee's records, open or closed. */
export function toRequestUpdateBody(data: FormData): FormData {
  return {
    assessment: assessmentOf(data['assessment']),
    status: data['status'],
    closedOn: data['status'] === 'closed' ? date(data['closedOn']) : null,
    waiverOn: date(data['waiverOn']),
    doctorConversationOn: date(data['doctorConversationOn']),
    missedReason: text(data['missedReason']),
    version: data['version'],
  };
}
