import type { RecordMeta } from './resources';

export const PLACE_TYPES = ['street', 'shelter', 'drop-in-centre', 'home', 'partner-organisation', 'treatment-centre'] as const;
export type PlaceType = (typeof PLACE_TYPES)[number];

export const CONTACT_TYPES = ['first-contact', 'follow-up', 'practical-help', 'accompaniment', 'referral'] as const;
export type ContactType = (typeof CONTACT_TYPES)[number];

/**
 * A contact by an outreach worker, with a registered citizen or with an anonymous person known by
 * a worker-chosen alias (encrypted; linkable to a citizen later, taking every earlier contact along).
 */
export interface OutreachContact extends RecordMeta {
  municipalityId: string;
  contactAt: string;
  staffUserId: string;
  placeType: PlaceType;
  durationMinutes: number;
  contactType: ContactType;
  citizenId: string | null;
  alias: string | null;
  /** A referral: the offer referred to, and whether (and when) the citizen started it. */
  referredProgrammeId: string | null;
  referralStarted: boolean | null;
  referralStartedDate: string | null;
}
