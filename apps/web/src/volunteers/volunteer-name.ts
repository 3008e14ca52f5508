import type { Volunteer } from '@outcomes/contracts';

export const volunteerName = (volunteer: Pick<Volunteer, 'firstName' | 'lastName'>): string => `${volunteer.firstName} ${volunteer.lastName}`;
