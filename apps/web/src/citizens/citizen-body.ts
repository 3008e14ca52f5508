import type { CitizenInput } from '@outcomes/contracts';

const OPTIONAL_TEXT = ['phone', 'email', 'address', 'preferredLanguage'] as const;

const blank = (value: unknown): boolean => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * What the citizen form sends: with a CPR number, birth year and sex are the API's to derive (and left
 * out); without one, the citizen is anonymous (cpr null). Empty texts become null.
 */
export function toCitizenBody<T extends Partial<CitizenInput> & Record<string, unknown>>(data: T): T {
  const body: Record<string, unknown> = { ...data };
  if (blank(data.cpr)) {
    body['cpr'] = null;
  } else {
    body['cpr'] = String(data.cpr).trim();
    delete body['birthYear'];
    delete body['sex'];
  }
  for (const field of OPTIONAL_TEXT) {
    if (field in body && blank(body[field])) body[field] = null;
  }
  return body as T;
}

export const citizenName = (citizen: { firstName?: string; lastName?: string } | undefined): string =>
  citizen ? `${citizen.firstName ?? ''} ${citizen.lastName ?? ''}`.trim() : '';
