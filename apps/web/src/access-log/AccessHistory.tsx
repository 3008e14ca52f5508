import { Typography } from '@mui/material';
import type { AccessLogEntry } from '@outcomes/contracts';
import { CanAccess, DataTable, ListBase, Pagination, useTranslate } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { accessHistoryFilter } from './access-log-filter';
import { ActionField, OutcomeField, UserNameField } from './AccessLogFields';

const Empty = () => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" sx={{ p: 2 }}>
      {translate('app.access_log.history_empty')}
    </Typography>
  );
};

/**
 * "Who has seen this": the access-log rows about one citizen, newest first. Shown only to roles that
 * may read the access log; kept out of the URL and the store, as it belongs to the page it sits on.
 */
export const AccessHistory = ({ citizenId }: { citizenId: string }) => {
  const translate = useTranslate();
  return (
    <CanAccess resource="access-log" action="list">
      <ListBase
        resource="access-log"
        filter={accessHistoryFilter(citizenId)}
        sort={{ field: 'seq', order: 'DESC' }}
        perPage={10}
        disableSyncWithLocation
        storeKey={false}
      >
        <Typography variant="subtitle1" component="h2" sx={{ mt: 2, mb: 1 }}>
          {translate('app.access_log.history_title')}
        </Typography>
        <DataTable<AccessLogEntry> bulkActionButtons={false} rowClick={false} empty={<Empty />}>
          <DataTable.Col source="at" field={DateTimeField} />
          <DataTable.Col source="userId" disableSort>
            <UserNameField />
          </DataTable.Col>
          <DataTable.Col source="action">
            <ActionField />
          </DataTable.Col>
          <DataTable.Col source="outcome">
            <OutcomeField />
          </DataTable.Col>
        </DataTable>
        <Pagination rowsPerPageOptions={[10, 25, 50]} />
      </ListBase>
    </CanAccess>
  );
};
