import { Chip } from '@mui/material';
import type { ImportJob } from '@outcomes/contracts';
import { CreateButton, DataTable, List, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { TableRegion } from '../common/TableRegion';

const Kind = () => {
  const job = useRecordContext<ImportJob>();
  const translate = useTranslate();
  return job ? <>{translate(`app.imports.kinds.${job.kind}`)}</> : null;
};

const Status = () => {
  const job = useRecordContext<ImportJob>();
  const translate = useTranslate();
  if (!job) return null;
  const label = job.rolledBack ? translate('app.imports.status.rolled_back') : translate(`app.imports.status.${job.status}`);
  return <Chip size="small" color={job.status === 'done' && !job.rolledBack ? 'success' : job.status === 'failed' ? 'error' : 'default'} label={label} />;
};

const Actions = () => (
  <TopToolbar>
    <CreateButton label="app.imports.new" />
  </TopToolbar>
);

/** The user's own imports (nobody else's: another user's results would tell whose CPR numbers are registered); the "new import" button also before the first (empty={false}). */
export const ImportList = () => (
  <List exporter={false} actions={<Actions />} empty={false} sort={{ field: 'createdAt', order: 'DESC' }}>
    <TableRegion>
      <DataTable<ImportJob> bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="createdAt" field={DateTimeField} />
        <DataTable.Col source="kind" disableSort>
          <Kind />
        </DataTable.Col>
        <DataTable.Col source="rowCount" disableSort />
        <DataTable.Col source="created" disableSort />
        <DataTable.Col source="updated" disableSort />
        <DataTable.Col source="failed" disableSort />
        <DataTable.Col source="status" disableSort>
          <Status />
        </DataTable.Col>
      </DataTable>
    </TableRegion>
  </List>
);
