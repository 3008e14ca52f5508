import type { EmergencyRecord } from './emergency-access';
import type { RecordMeta } from './resources';

/**
 * A hand-over of a citizen who moves to another municipality (issue 22): the old municipality's row,
 * naming the citizen and the new municipality, with a message. `sent` until the new municipality
 * accepts (opening its own citizen and course) or declines with a reason; the old side may withdraw
 * it while it is `sent`. An accepted hand-over lets the new municipality's staff read the old record,
 * read-only, until `readUntil` (the old municipality's `handoverReadDays`); declined, withdrawn and
 * expired ones give nothing.
 */
export const HANDOVER_STATES = ['sent', 'accepted', 'declined', 'withdrawn'] as const;
export type HandoverState = (typeof HANDOVER_STATES)[number];

export type HandoverDirection = 'outgoing' | 'incoming';

/**
 * A hand-over as one side sees it. On an outgoing one `citizenId`/`enrolmentId` are the old
 * municipality's records; on an incoming one they are the new municipality's own (null until
 * accepted) and the old side's records are never named.
 */
export interface Handover extends RecordMeta {
  direction: HandoverDirection;
  citizenId: string | null;
  enrolmentId: string | null;
  fromMunicipalityId: string;
  fromMunicipalityName: string;
  toMunicipalityId: string;
  toMunicipalityName: string;
  message: string | null;
  /** Who is handed over, as the hand-over shows them. */
  firstName: string;
  lastName: string;
  birthYear: number | null;
  sex: string | null;
  state: HandoverState;
  answeredAt: string | null;
  /** Why the new municipality declined, or why the old one withdrew. */
  reason: string | null;
  /** Until when the new municipality may read the old record (accepted only). */
  readUntil: string | null;
  /** Whether the old record is readable now under this hand-over. */
  readable: boolean;
}

/** The old record as the new municipality's staff read it under an accepted hand-over: the emergency view's shape. */
export type HandoverRecord = Omit<EmergencyRecord, 'access' | 'consents'> & { handover: Handover };
