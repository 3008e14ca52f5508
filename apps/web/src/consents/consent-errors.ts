import type { ApiErrorBody } from '@outcomes/contracts';

/**
 * The translation key for a refused consent entry: the rules this form can break, said in the user's
 * language (the API's sentences are English); anything else the general message.
 */
export function consentErrorKey(body: Partial<ApiErrorBody>): string {
  if (body.code === 'CONSENT_STATE') return 'app.consents.errors.state';
  if (body.code === 'VERSION_CONFLICT') return 'app.consents.errors.stale';
  const onDate = body.errors?.['onDate'] ?? '';
  if (/after today/.test(onDate)) return 'app.consents.errors.future';
  if (/latest entry/.test(onDate)) return 'app.consents.errors.before_latest';
  if (/birth/.test(onDate)) return 'app.consents.errors.before_birth';
  if (/under 18/.test(body.errors?.['purpose'] ?? '')) return 'app.consents.errors.minors_only';
  if (onDate) return 'app.consents.errors.date';
  return 'ra.notification.http_error';
}
