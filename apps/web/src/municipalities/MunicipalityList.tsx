import { DataTable, List, SearchInput } from 'react-admin';
import { RecordLink } from '../common/RecordLink';
import { TableRegion } from '../common/TableRegion';

const filters = [<SearchInput key="q" source="q" alwaysOn />];

export const MunicipalityList = () => (
  <List filters={filters} sort={{ field: 'code', order: 'ASC' }}>
    <TableRegion>
      <DataTable bulkActionButtons={false}>
        <DataTable.Col source="code" />
        <DataTable.Col source="name" field={RecordLink} />
        <DataTable.NumberCol source="hourlyRate" options={{ style: 'currency', currency: 'DKK' }} />
      </DataTable>
    </TableRegion>
  </List>
);
