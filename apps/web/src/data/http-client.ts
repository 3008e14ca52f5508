import type { ApiErrorBody, ErrorCode } from '@outcomes/contracts';
import { fetchUtils, HttpError } from 'react-admin';
import { resourceOfUrl, toFormErrors } from './field-errors';

export type HttpClient = typeof fetchUtils.fetchJson;

/** Errors whose notification is ours (translated) rather than the server's English message. */
const NOTIFICATION_KEYS: Partial<Record<ErrorCode, string>> = {
  VERSION_CONFLICT: 'app.notification.version_conflict',
  STILL_REFERENCED: 'app.notification.still_referenced',
  DATABASE_UNAVAILABLE: 'app.notification.database_unavailable',
  SERVER_BUSY: 'app.notification.server_busy',
  TOO_MANY_REQUESTS: 'app.notification.too_many_requests',
  TOO_MANY_EXPORTS: 'app.notification.too_many_exports',
  ILLEGAL_TRANSITION: 'app.notification.illegal_transition',
};

const LIST_PARAMS = ['sort', 'range', 'filter'] as const;

/**
 * A citizen list with a name search (`filter.q`) goes as POST /api/citizens/search, the list's
 * parameters in the body: a name never sits in a URL (browser history, proxy and server logs).
 */
function withoutNameInUrl(url: string, method: string, options: RequestInit): [string, RequestInit] {
  if (method !== 'GET') return [url, options];
  const [path = '', query = ''] = url.split('?', 2);
  if (!/\/api\/citizens\/?$/.test(path) || query === '') return [url, options];
  const params = new URLSearchParams(query);
  let filter: unknown;
  try {
    filter = JSON.parse(params.get('filter') ?? '{}');
  } catch {
    return [url, options];
  }
  if (typeof filter !== 'object' || filter === null || !('q' in filter)) return [url, options];
  const body: Record<string, string> = {};
  for (const name of LIST_PARAMS) {
    const value = params.get(name);
    if (value !== null) body[name] = value;
  }
  return [`${path.replace(/\/$/, '')}/search`, { ...options, method: 'POST', body: JSON.stringify(body) }];
}

/**
 * react-admin shows `body.errors` beside the inputs and notifies `message` otherwise; notifications
 * are translated, so a key in `message` gives a message in the user's language.
 */
function forDisplay(error: unknown, url: string): unknown {
  if (!(error instanceof HttpError)) return error;
  const body = error.body as Partial<ApiErrorBody> | undefined;
  const code = body?.code ?? (error.status === 409 ? 'VERSION_CONFLICT' : undefined);
  // Eligibility failures come as `failures`, which the forms show rule by rule, not as a field error.
  const key =
    code === 'NOT_ELIGIBLE' && Array.isArray(body?.failures) ? 'app.notification.not_eligible' : code ? NOTIFICATION_KEYS[code] : undefined;
  if (key) {
    // Without `errors`: react-admin would otherwise mark a field (`version`) the form does not show.
    return new HttpError(key, error.status, { ...body, errors: undefined });
  }
  if (body?.errors && Object.keys(body.errors).length > 0) {
    return new HttpError(error.message, error.status, { ...body, errors: toFormErrors(body.errors, resourceOfUrl(url)) });
  }
  return error;
}

/**
 * Wraps react-admin's fetchJson for ra-data-simple-rest: cookies, names out of URLs, displayable
 * errors. Bodies go as react-admin made them: an update carries the record as it was served, and the
 * API ignores its read-only fields (id, times, computed ones) when unchanged (issue 19).
 */
export function createHttpClient(fetchJson: HttpClient = fetchUtils.fetchJson): HttpClient {
  return async (requestedUrl, requestedOptions = {}) => {
    const [url, options] = withoutNameInUrl(requestedUrl, (requestedOptions.method ?? 'GET').toUpperCase(), requestedOptions);
    try {
      return await fetchJson(url, { ...options, credentials: 'same-origin' });
    } catch (error) {
      throw forDisplay(error, url);
    }
  };
}
