import type { Programme } from '@outcomes/contracts';
import { BooleanField, DataTable, List, SearchInput, SelectField } from 'react-admin';
import { formatChoices } from './ProgrammeInputs';

const filters = [<SearchInput key="q" source="q" alwaysOn />];

export const ProgrammeList = () => (
  <List filters={filters} sort={{ field: 'code', order: 'ASC' }}>
    <DataTable<Programme> bulkActionButtons={false}>
      <DataTable.Col source="code" />
      <DataTable.Col source="name" />
      <DataTable.Col source="format">
        <SelectField source="format" choices={formatChoices} />
      </DataTable.Col>
      <DataTable.NumberCol source="expectedSessions" />
      <DataTable.Col
        source="followUpMonths"
        disableSort
        render={(record: Programme) => record.followUpMonths.join(', ')}
      />
      <DataTable.Col source="active" field={BooleanField} />
    </DataTable>
  </List>
);
