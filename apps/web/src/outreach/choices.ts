import type { ContactType, PlaceType } from '@outcomes/contracts';
import { CONTACT_TYPES, PLACE_TYPES } from '@outcomes/contracts';

export const DURATION_PICKS = [10, 20, 30, 60] as const;

export const placeTypeChoices = PLACE_TYPES.map((id: PlaceType) => ({ id, name: `resources.outreach-contacts.place_types.${id}` }));
export const contactTypeChoices = CONTACT_TYPES.map((id: ContactType) => ({ id, name: `resources.outreach-contacts.contact_types.${id}` }));

export interface QuickLog {
  contactAt: string;
  placeType: PlaceType | null;
  contactType: ContactType | null;
  durationMinutes: number;
  who: 'citizen' | 'alias';
  citizenId: string;
  alias: string;
  referredProgrammeId: string;
}

/** The body of POST /api/outreach-contacts: exactly one of citizen and alias; a programme only for a referral. */
export function toOutreachBody(form: QuickLog): Record<string, unknown> {
  return {
    contactAt: new Date(form.contactAt).toISOString(),
    placeType: form.placeType,
    contactType: form.contactType,
    durationMinutes: form.durationMinutes,
    ...(form.who === 'citizen' ? { citizenId: form.citizenId.trim() } : { alias: form.alias.trim() }),
    ...(form.contactType === 'referral' ? { referredProgrammeId: form.referredProgrammeId } : {}),
  };
}
