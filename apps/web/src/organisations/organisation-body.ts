type FormData = Record<string, unknown>;

const textOrNull = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

/** POST /api/organisations. */
export const toOrganisationCreateBody = (data: FormData): FormData => ({
  name: data['name'],
  contactName: textOrNull(data['contactName']),
  phone: textOrNull(data['phone']),
  email: textOrNull(data['email']),
  municipalityIds: data['municipalityIds'],
});

/** PUT /api/organisations/:id. */
export const toOrganisationUpdateBody = (data: FormData): FormData => ({ ...toOrganisationCreateBody(data), version: data['version'] });
