import { Box } from '@mui/material';
import type { Citizen } from '@outcomes/contracts';
import type { SearchInputProps } from 'react-admin';
import {
  CreateButton,
  DataTable,
  FilterButton,
  List,
  NumberInput,
  SearchInput,
  SelectField,
  SelectInput,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { citizenName } from './citizen-body';
import { sexChoices } from './choices';
import { FindByCprButton } from './FindByCprButton';
import { RecordLink } from '../common/RecordLink';
import { TableRegion } from '../common/TableRegion';

const NameSearchInput = (props: SearchInputProps) => {
  const translate = useTranslate();
  return <SearchInput {...props} placeholder={translate('resources.citizens.fields.q')} autoComplete="off" />;
};

const MaskedCpr = ({ record }: { record: Citizen }) => {
  const translate = useTranslate();
  return record.cprMasked ? (
    <Box component="span" sx={{ fontFamily: 'monospace' }}>
      {record.cprMasked}
    </Box>
  ) : (
    <Box component="span" sx={{ color: 'text.secondary', fontStyle: 'italic' }}>
      {translate('app.citizens.anonymous_short')}
    </Box>
  );
};

// `q` searches whole name words through POST /api/citizens/search (see data/http-client.ts).
const filters = [
  <NameSearchInput key="q" source="q" alwaysOn />,
  <NumberInput key="birthYear" source="birthYear" step={1} />,
  <SelectInput key="sex" source="sex" choices={sexChoices} />,
];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <FindByCprButton />
    <CreateButton />
  </TopToolbar>
);

/**
 * Citizens of the municipality. The list keeps its filters out of the URL (a name must never be in
 * one) and in react-admin's memory store only.
 */
export const CitizenList = () => (
  <List filters={filters} actions={<Actions />} exporter={false} sort={{ field: 'createdAt', order: 'DESC' }} disableSyncWithLocation empty={false}>
    <TableRegion>
      <DataTable<Citizen> bulkActionButtons={false} rowClick="show">
        <DataTable.Col source="lastName" label="resources.citizens.fields.name" disableSort>
          <RecordLink<Citizen> render={citizenName} />
        </DataTable.Col>
        <DataTable.Col
          source="cprMasked"
          disableSort
          render={(record: Citizen) => <MaskedCpr record={record} />}
        />
        <DataTable.NumberCol source="birthYear" options={{ useGrouping: false }} />
        <DataTable.Col source="sex">
          <SelectField source="sex" choices={sexChoices} />
        </DataTable.Col>
      </DataTable>
    </TableRegion>
  </List>
);
