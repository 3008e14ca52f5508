import type { Programme } from '@outcomes/contracts';
import { BooleanField, DataTable, List, ReferenceField, SearchInput, SelectField, useTranslate } from 'react-admin';
import { formatChoices } from './ProgrammeInputs';
import { RecordLink } from '../common/RecordLink';
import { TableRegion } from '../common/TableRegion';

const filters = [<SearchInput key="q" source="q" alwaysOn />];

/** National (the operator's catalogue) or local (a municipality's own, visible to it alone). */
const Catalogue = ({ record }: { record: Programme }) => {
  const translate = useTranslate();
  return record.municipalityId === null ? (
    <>{translate('app.programmes.national')}</>
  ) : (
    <ReferenceField source="municipalityId" reference="municipalities" link={false} record={record} render={({ referenceRecord }) => translate('app.programmes.local', { name: referenceRecord?.['name'] ?? '' })} />
  );
};

export const ProgrammeList = () => (
  <List filters={filters} sort={{ field: 'code', order: 'ASC' }}>
    <TableRegion>
      <DataTable<Programme> bulkActionButtons={false}>
        <DataTable.Col source="code" />
        <DataTable.Col source="name" field={RecordLink} />
        <DataTable.Col source="municipalityId" label="app.programmes.catalogue" render={(record: Programme) => <Catalogue record={record} />} />
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
    </TableRegion>
  </List>
);
