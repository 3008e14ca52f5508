import { Chip } from '@mui/material';
import { approvedOn } from '@outcomes/contracts';
import type { TreatmentProvider } from '@outcomes/contracts';
import { DataTable, DateField, List, SearchInput, SelectField, SelectInput, useTranslate } from 'react-admin';
import { todayLocal } from '../common/dates';
import { RecordLink } from '../common/RecordLink';
import { TableRegion } from '../common/TableRegion';
import { kindChoices } from './ProviderInputs';

const filters = [<SearchInput key="q" source="q" alwaysOn />, <SelectInput key="kind" source="kind" choices={kindChoices} />];

/** Whether the approval holds today: approved, or not (lapsed or not yet begun). */
export const ApprovalChip = ({ record }: { record: TreatmentProvider }) => {
  const translate = useTranslate();
  const ok = approvedOn(record, todayLocal());
  return <Chip size="small" color={ok ? 'success' : 'warning'} label={translate(ok ? 'app.providers.approved' : 'app.providers.not_approved')} data-testid="provider-approval" />;
};

/** "Behandlingssteder" / "Providers": the national register; the operator edits it, staff and admins read it. */
export const ProviderList = () => (
  <List filters={filters} sort={{ field: 'name', order: 'ASC' }}>
    <TableRegion>
      <DataTable<TreatmentProvider> bulkActionButtons={false}>
        <DataTable.Col source="name" field={RecordLink} />
        <DataTable.Col source="cvr" />
        <DataTable.Col source="kind">
          <SelectField source="kind" choices={kindChoices} />
        </DataTable.Col>
        <DataTable.Col source="address" disableSort />
        <DataTable.Col source="approvedBy" />
        <DataTable.Col source="approvedFrom" field={DateField} />
        <DataTable.Col source="approvedUntil" field={DateField} />
        <DataTable.Col label="app.providers.approval" disableSort render={(record: TreatmentProvider) => <ApprovalChip record={record} />} />
      </DataTable>
    </TableRegion>
  </List>
);
