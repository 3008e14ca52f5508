import type { Enrolment } from '@outcomes/contracts';
import { AutocompleteInput, DataTable, List, ReferenceField, ReferenceInput, SelectInput, TextField } from 'react-admin';
import { DateOnlyField } from '../common/DateTimeField';
import { EnrolmentStateChip, ProgressText } from './EnrolmentStateChip';
import { progressOf, stateChoices } from './states';
import { RecordLink } from '../common/RecordLink';
import { TableRegion } from '../common/TableRegion';

const filters = [
  // Found by name through POST /api/citizens/search; only the chosen citizen's id is a filter.
  <ReferenceInput key="citizenId" source="citizenId" reference="citizens" sort={{ field: 'createdAt', order: 'DESC' }} alwaysOn>
    <AutocompleteInput sx={{ minWidth: 240 }} />
  </ReferenceInput>,
  <SelectInput key="state" source="state" choices={stateChoices} alwaysOn />,
  <ReferenceInput key="programmeId" source="programmeId" reference="programmes" sort={{ field: 'name', order: 'ASC' }}>
    <SelectInput optionText="code" />
  </ReferenceInput>,
];

export const EnrolmentList = () => (
  <List filters={filters} exporter={false} sort={{ field: 'referralDate', order: 'DESC' }}>
    <TableRegion>
      <DataTable<Enrolment> bulkActionButtons={false} rowClick="show">
        <DataTable.Col source="citizenId" disableSort>
          {/* The enrolment is named by its citizen, the row's first cell. */}
          <RecordLink>
            <ReferenceField source="citizenId" reference="citizens" link={false} />
          </RecordLink>
        </DataTable.Col>
        <DataTable.Col source="programmeId">
          <ReferenceField source="programmeId" reference="programmes" link={false}>
            <TextField source="code" />
          </ReferenceField>
        </DataTable.Col>
        <DataTable.Col source="centreId">
          <ReferenceField source="centreId" reference="centres" link={false} />
        </DataTable.Col>
        <DataTable.Col source="state" render={(record: Enrolment) => <EnrolmentStateChip state={record.state} />} />
        <DataTable.Col source="referralDate" field={DateOnlyField} />
        <DataTable.Col source="startDate" field={DateOnlyField} />
        <DataTable.Col source="endDate" field={DateOnlyField} />
        <DataTable.Col
          source="sessionsAttended"
          disableSort
          render={(record: Enrolment) => {
            const progress = progressOf(record);
            return progress ? <ProgressText {...progress} /> : record.sessionsAttended;
          }}
        />
      </DataTable>
    </TableRegion>
  </List>
);
