import type { ApiErrorBody } from '@outcomes/contracts';
import { useCallback } from 'react';
import { useNotify } from 'react-admin';

/** The API's error body of a failed call, when it has one. */
export function apiErrorOf(error: unknown): Partial<ApiErrorBody> & { status?: number } {
  if (typeof error !== 'object' || error === null) return {};
  const { body, status } = error as { body?: unknown; status?: number };
  return { ...(typeof body === 'object' && body !== null ? (body as Partial<ApiErrorBody>) : {}), status };
}

const hasFieldErrors = (error: unknown): boolean => Object.keys(apiErrorOf(error).errors ?? {}).length > 0;

/**
 * react-admin's own notification for a failed save, for forms that handle some errors themselves:
 * nothing when the fields show the errors, else the (translated) message.
 */
export function useNotifyError(): (error: unknown) => void {
  const notify = useNotify();
  return useCallback(
    (error: unknown) => {
      if (hasFieldErrors(error)) return;
      const message = error instanceof Error && error.message ? error.message : 'ra.notification.http_error';
      notify(message, { type: 'error', messageArgs: { _: message } });
    },
    [notify],
  );
}
