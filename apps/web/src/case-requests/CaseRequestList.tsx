import type { CaseRequest } from '@outcomes/contracts';
import { DataTable, FunctionField, List, ReferenceField, SelectInput, useLocaleState, useTranslate } from 'react-admin';
import { formatDate } from '../common/dates';
import { RecordLink } from '../common/RecordLink';
import { TableRegion } from '../common/TableRegion';
import { GuaranteeFiguresPanel } from './GuaranteeFiguresPanel';
import { GuaranteeStatus } from './GuaranteeStatus';

const filters = [<SelectInput key="status" source="status" choices={[{ id: 'open', name: 'app.caseRequests.statuses.open' }, { id: 'closed', name: 'app.caseRequests.statuses.closed' }]} alwaysOn />];

const RequestedOn = ({ record }: { record: CaseRequest }) => {
  const [locale] = useLocaleState();
  return <>{formatDate(record.requestedOn, locale)}</>;
};

const Status = ({ record }: { record: CaseRequest }) => {
  const translate = useTranslate();
  return <>{translate(`app.caseRequests.statuses.${record.status}`)}</>;
};

/** Requests of the municipality with their guarantee, and the guarantee's figures for a period above them. */
export const CaseRequestList = () => (
  <>
    <GuaranteeFiguresPanel />
    <List filters={filters} exporter={false} sort={{ field: 'requestedOn', order: 'DESC' }} disableSyncWithLocation>
      {/* At 320 px the table scrolls inside its own region, never the page (reflow.spec.ts). */}
      <TableRegion>
        <DataTable rowClick="edit" bulkActionButtons={false}>
          <DataTable.Col source="requestedOn">
            <RecordLink render={(record: CaseRequest) => <RequestedOn record={record} />} />
          </DataTable.Col>
          <DataTable.Col source="citizenId">
            <ReferenceField source="citizenId" reference="citizens" link={false} />
          </DataTable.Col>
          <DataTable.Col source="status">
            <FunctionField<CaseRequest> render={(r) => <Status record={r} />} />
          </DataTable.Col>
          <DataTable.Col source="guarantee" disableSort>
            <FunctionField<CaseRequest> render={(r) => <GuaranteeStatus guarantee={r.guarantee} />} />
          </DataTable.Col>
        </DataTable>
      </TableRegion>
    </List>
  </>
);
