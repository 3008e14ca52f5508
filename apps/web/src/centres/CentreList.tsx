import {
  AutocompleteInput,
  BooleanField,
  DataTable,
  EmailField,
  List,
  ReferenceField,
  ReferenceInput,
  SearchInput,
} from 'react-admin';
import { RecordLink } from '../common/RecordLink';
import { TableRegion } from '../common/TableRegion';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="municipalityId" source="municipalityId" reference="municipalities" alwaysOn>
    <AutocompleteInput sx={{ minWidth: 240 }} />
  </ReferenceInput>,
];

export const CentreList = () => (
  <List filters={filters} sort={{ field: 'name', order: 'ASC' }}>
    <TableRegion>
      <DataTable bulkActionButtons={false}>
        <DataTable.Col source="name" field={RecordLink} />
        <DataTable.Col source="municipalityId" disableSort>
          <ReferenceField source="municipalityId" reference="municipalities" link={false} />
        </DataTable.Col>
        <DataTable.Col source="address" />
        <DataTable.Col source="phone" disableSort />
        <DataTable.Col source="email" disableSort>
          <EmailField source="email" onClick={(event) => event.stopPropagation()} />
        </DataTable.Col>
        <DataTable.Col source="active" field={BooleanField} />
      </DataTable>
    </TableRegion>
  </List>
);
