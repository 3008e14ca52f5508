import { Typography } from '@mui/material';
import type { AccessLogEntry } from '@outcomes/contracts';
import { CanAccess, DataTable, ListBase, Pagination, useTranslate } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { ActionField, OutcomeField } from './AccessLogFields';

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
 * them). Kept out of the URL and the store, as it belongs to the page it sits on.
 */
export const AccessHistory = ({ citizenId }: { citizenId: string }) => {
  const translate = useTranslate();
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
        <DataTable<AccessLogEntry> bulkActionButtons={false} rowClick={false} empty={<Empty />}>
          <DataTable.Col source="at" label="resources.access-log.fields.at" field={DateTimeField} />
          <DataTable.Col source="userDisplayName" label="resources.access-log.fields.userId" disableSort />
          <DataTable.Col source="action" label="resources.access-log.fields.action">
            <ActionField />
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
