import { DataTable, List, SearchInput } from 'react-admin';

const filters = [<SearchInput key="q" source="q" alwaysOn />];

export const MunicipalityList = () => (
  <List filters={filters} sort={{ field: 'code', order: 'ASC' }}>
    <DataTable bulkActionButtons={false}>
      <DataTable.Col source="code" />
      <DataTable.Col source="name" />
      <DataTable.NumberCol source="hourlyRate" options={{ style: 'currency', currency: 'DKK' }} />
    </DataTable>
  </List>
);
