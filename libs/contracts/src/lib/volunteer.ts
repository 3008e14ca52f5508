import type { RecordMeta } from './resources';

export const VOLUNTEER_STATUSES = ['active', 'paused', 'left'] as const;
export type VolunteerStatus = (typeof VOLUNTEER_STATUSES)[number];

export const TRAINING_KINDS = ['smart-facilitator', 'other'] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];

export const FACILITATOR_ROLES = ['facilitator', 'co-facilitator'] as const;
export type FacilitatorRole = (typeof FACILITATOR_ROLES)[number];

/** A voluntary organisation running SMART Recovery groups with one or more municipalities. */
export interface Organisation extends RecordMeta {
  name: string;
  contactName: string | null;
  phone: string | null;
  email: string | null;
  municipalityIds: string[];
}

/** A volunteer: personal data, encrypted and access-logged like a citizen's. */
export interface Volunteer extends RecordMeta {
  municipalityId: string;
  organisationId: string;
  firstName: string;
  lastName: string;
  phone: string | null;
  email: string | null;
  status: VolunteerStatus;
  criminalRecordCheckedOn: string | null;
  notes: string | null;
  /** A valid SMART facilitator training today. */
  trained: boolean;
}

export interface Training extends RecordMeta {
  municipalityId: string;
  volunteerId: string;
  kind: TrainingKind;
  title: string;
  completedOn: string;
  trainer: string | null;
  certificateRef: string | null;
  renewsOn: string | null;
}

export interface Facilitation {
  id: string;
  groupId: string;
  volunteerId: string;
  role: FacilitatorRole;
  fromDate: string;
  toDate: string | null;
}

export type CoordinatorFlag = 'single-facilitator' | 'no-trained-facilitator' | 'no-facilitator';

export interface CoordinatorDashboard {
  groups: { groupId: string; name: string; facilitators: (Facilitation & { trained: boolean; volunteerStatus: VolunteerStatus })[]; flags: CoordinatorFlag[] }[];
  /** SMART trainings that expire within 60 days. */
  expiringTrainings: Training[];
  /** Volunteer minutes per organisation and month (YYYY-MM). */
  minutesByOrganisationMonth: { organisationId: string; month: string; minutes: number }[];
}
