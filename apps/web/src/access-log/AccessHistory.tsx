import { Typography } from '@mui/material';
import type { CitizenAccess } from '@outcomes/contracts';
import { useEffect, useState } from 'react';
import { CanAccess, DataTable, ListBase, Pagination, useLoading, useTranslate } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { ActionField, OutcomeField, RequestsField } from './AccessLogFields';

/** However busy the page stays, the panel asks at the latest after this long. */
const SETTLE_TIMEOUT_MS = 3000;
const QUIET_MS = 200;

/**
 * True once the page's other requests have answered (or after SETTLE_TIMEOUT_MS): the panel then
 * reads the log after them, so the view it shows counts all of this view's requests.
 */
function usePageSettled(): boolean {
  const loading = useLoading();
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    // Quiet for a moment, not just at this instant: the page's other panels start their requests in
    // the same commit as this one, after its first render.
    if (loading) return undefined;
    const timer = setTimeout(() => setSettled(true), QUIET_MS);
    return () => clearTimeout(timer);
  }, [loading]);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(true), SETTLE_TIMEOUT_MS);
    return () => clearTimeout(timer);
  }, []);
  return settled;
}

const Empty = () => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" sx={{ p: 2 }}>
      {translate('app.access_log.history_empty')}
    </Typography>
  );
};

/**
 * "Who has seen this": the logged accesses to one citizen, newest first, with who made them, from
 * GET /api/citizens/:id/access-history, for the staff who may read the citizen (a citizen may ask
 * them). One view of a citizen's page is one entry, with the number of requests it was (the API
 * collapses them). Asked for once the page's own requests have answered, so the current view is whole.
 * Kept out of the URL and the store, as it belongs to the page it sits on.
 */
export const AccessHistory = ({ citizenId }: { citizenId: string }) => {
  const translate = useTranslate();
  const settled = usePageSettled();
  if (!settled) return null;
  return (
    <CanAccess resource="citizens" action="show">
      <ListBase
        resource={`citizens/${citizenId}/access-history`}
        // Not a resource of the permissions table: CanAccess above checks the citizen instead, and the
        // list's own access check would otherwise send the user to "access denied".
        disableAuthentication
        sort={{ field: 'seq', order: 'DESC' }}
        perPage={10}
        disableSyncWithLocation
        storeKey={false}
      >
        <Typography variant="subtitle1" component="h2" sx={{ mt: 2, mb: 1 }}>
          {translate('app.access_log.history_title')}
        </Typography>
        <Typography variant="caption" component="p" color="text.secondary" sx={{ mb: 1 }}>
          {translate('app.access_log.view_hint')}
        </Typography>
        <DataTable<CitizenAccess> bulkActionButtons={false} rowClick={false} empty={<Empty />}>
          <DataTable.Col source="at" label="resources.access-log.fields.at" field={DateTimeField} />
          <DataTable.Col source="userDisplayName" label="resources.access-log.fields.userId" disableSort />
          <DataTable.Col source="action" label="resources.access-log.fields.action">
            <ActionField />
          </DataTable.Col>
          <DataTable.Col source="requests" label="resources.access-log.fields.requests" disableSort>
            <RequestsField />
          </DataTable.Col>
          <DataTable.Col source="outcome" label="resources.access-log.fields.outcome">
            <OutcomeField />
          </DataTable.Col>
        </DataTable>
        <Pagination rowsPerPageOptions={[10, 25, 50]} />
      </ListBase>
    </CanAccess>
  );
};
