import { useMemo } from 'react';
import { useNotify, useRedirect } from 'react-admin';
import { apiErrorOf } from '../common/http-errors';

/**
 * The citizen page's query options: a record merged into another (the API's 410 `GONE` with
 * `mergedIntoId`, decision 87) opens the record it went into, with a notice saying so; any other
 * failure is react-admin's own "not found" and the list.
 */
export function useMergedRedirect(): { onError: (error: unknown) => void } {
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
    }),
    [notify, redirect],
  );
}
