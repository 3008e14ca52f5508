type FormData = Record<string, unknown>;

const textOrNull = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

/** POST /api/volunteers: only what it takes (not the municipality or the computed "trained"). */
export const toVolunteerCreateBody = (data: FormData): FormData => ({
  organisationId: data['organisationId'],
  firstName: data['firstName'],
  lastName: data['lastName'],
  phone: textOrNull(data['phone']),
  email: textOrNull(data['email']),
  status: data['status'],
  criminalRecordCheckedOn: textOrNull(data['criminalRecordCheckedOn']),
  notes: textOrNull(data['notes']),
});

/** PUT /api/volunteers/:id: the same, with the version read. */
export const toVolunteerUpdateBody = (data: FormData): FormData => ({ ...toVolunteerCreateBody(data), version: data['version'] });
