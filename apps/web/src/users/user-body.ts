import type { CreateUserInput } from '@outcomes/contracts';

/** The user form's values: a user record, or what has been typed so far (an emptied input is null). */
export type UserFormData = Partial<Omit<CreateUserInput, 'password'>> & { password?: string | null } & Record<string, unknown>;

/**
 * What the user form sends: an empty password means "keep the current one" (and is left out).
 * Access to other municipalities' data is not a user's field: their admins grant it (evaluator grants).
 */
export function toUserBody(data: UserFormData): UserFormData {
  const { password, ...rest } = data;
  const body: UserFormData = { ...rest };
  if (typeof password === 'string' && password !== '') body.password = password;
  return body;
}
