import type { Organisation } from '@outcomes/contracts';
import { DataTable, EmailField, List, ReferenceArrayField, SearchInput } from 'react-admin';
import { RecordLink } from '../common/RecordLink';
import { TableRegion } from '../common/TableRegion';

const filters = [<SearchInput key="q" source="q" alwaysOn />];

/** The voluntary organisations working with the municipality. */
export const OrganisationList = () => (
  <List filters={filters} exporter={false} sort={{ field: 'name', order: 'ASC' }}>
    <TableRegion>
      <DataTable<Organisation> bulkActionButtons={false} rowClick="edit">
        <DataTable.Col source="name" field={RecordLink} />
        <DataTable.Col source="contactName" disableSort />
        <DataTable.Col source="phone" disableSort />
        <DataTable.Col source="email" disableSort>
          <EmailField source="email" onClick={(event) => event.stopPropagation()} />
        </DataTable.Col>
        <DataTable.Col source="municipalityIds" disableSort>
          <ReferenceArrayField source="municipalityIds" reference="municipalities" />
        </DataTable.Col>
      </DataTable>
    </TableRegion>
  </List>
);
