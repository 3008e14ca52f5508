import type { User } from '@outcomes/contracts';
import { BooleanField, DataTable, EmailField, List, NullableBooleanInput, NumberField, SearchInput, SelectField, SelectInput } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { roleChoices } from './UserInputs';
import { RecordLink } from '../common/RecordLink';
import { TableRegion } from '../common/TableRegion';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={roleChoices} alwaysOn />,
  <NullableBooleanInput key="active" source="active" />,
];

export const UserList = () => (
  <List filters={filters} sort={{ field: 'displayName', order: 'ASC' }}>
    <TableRegion>
      <DataTable<User> bulkActionButtons={false}>
        <DataTable.Col source="email">
          <EmailField source="email" onClick={(event) => event.stopPropagation()} />
        </DataTable.Col>
        <DataTable.Col source="displayName" field={RecordLink} />
        <DataTable.Col source="role">
          <SelectField source="role" choices={roleChoices} />
        </DataTable.Col>
        <DataTable.Col source="active" field={BooleanField} />
        <DataTable.Col source="lastLoginAt" field={DateTimeField} />
        <DataTable.Col source="failedLogins" field={NumberField} />
        <DataTable.Col source="lastFailedLoginAt" field={DateTimeField} />
      </DataTable>
    </TableRegion>
  </List>
);
