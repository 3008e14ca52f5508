import { useMemo } from 'react';
import { useNotify, useRedirect } from 'react-admin';
import { apiErrorOf } from '../common/http-errors';

/** Up to three tries for what may pass (no answer, a 5xx); an answer of 4xx is final. */
const retryUnlessAnswered = (failures: number, error: unknown): boolean => {
  const status = apiErrorOf(error).status;
  return failures < 3 && !(typeof status === 'number' && status >= 400 && status < 500);
};

/**
 * The citizen page's query options: a record merged into another (the API's 410 `GONE` with
 * `mergedIntoId`, decision 87) opens the record it went into, with a notice saying so; any other
 * failure is react-admin's own "not found" and the list. Neither waits for react-query's retries
 * (three, over 7 s): a 404 or 410 will not change on asking again.
 */
export function useMergedRedirect(): { onError: (error: unknown) => void; retry: (failures: number, error: unknown) => boolean } {
  const notify = useNotify();
  const redirect = useRedirect();
  return useMemo(
    () => ({
      onError: (error: unknown) => {
        const body = apiErrorOf(error);
        if (body.status === 410 && typeof body.mergedIntoId === 'string') {
          notify('app.citizen_merges.merged_redirect', { type: 'info' });
          redirect('show', 'citizens', body.mergedIntoId);
          return;
        }
        notify('ra.notification.item_doesnt_exist', { type: 'error' });
        redirect('list', 'citizens');
      },
      retry: retryUnlessAnswered,
    }),
    [notify, redirect],
  );
}
