import type { CreateUserInput, Role } from '@outcomes/contracts';

export const GRANTING_ROLE: Role = 'evaluator';

/** The user form's values: a user record, or what has been typed so far (an emptied input is null). */
export type UserFormData = Partial<Omit<CreateUserInput, 'password'>> & { password?: string | null } & Record<string, unknown>;

/**
 * What the user form sends: an empty password means "keep the current one" (and is left out), and
 * only evaluators are granted other municipalities (a former evaluator's grants are cleared).
 */
export function toUserBody(data: UserFormData): UserFormData {
  const { password, grantedMunicipalityIds, ...rest } = data;
  const body: UserFormData = { ...rest };
  if (typeof password === 'string' && password !== '') body.password = password;
  body.grantedMunicipalityIds = data.role === GRANTING_ROLE ? (grantedMunicipalityIds ?? []) : [];
  return body;
}
