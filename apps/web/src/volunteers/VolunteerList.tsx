import type { Volunteer } from '@outcomes/contracts';
import { DataTable, List, ReferenceField, ReferenceInput, SelectInput } from 'react-admin';
import { CalendarDate } from './CalendarDate';
import { statusChoices } from './choices';
import { TrainedChip, VolunteerStatusChip } from './VolunteerChips';
import { volunteerName } from './volunteer-name';
import { RecordLink } from '../common/RecordLink';
import { TableRegion } from '../common/TableRegion';

const filters = [
  <SelectInput key="status" source="status" choices={statusChoices} alwaysOn />,
  <ReferenceInput key="organisationId" source="organisationId" reference="organisations" sort={{ field: 'name', order: 'ASC' }} alwaysOn>
    <SelectInput optionText="name" sx={{ minWidth: 240 }} />
  </ReferenceInput>,
];

/** The municipality's volunteers (personal data: the filters stay out of the URL). */
export const VolunteerList = () => (
  <List filters={filters} exporter={false} sort={{ field: 'createdAt', order: 'DESC' }} disableSyncWithLocation>
    <TableRegion>
      <DataTable<Volunteer> bulkActionButtons={false} rowClick="show">
        <DataTable.Col source="lastName" label="resources.volunteers.fields.name" disableSort>
          <RecordLink<Volunteer> render={volunteerName} />
        </DataTable.Col>
        <DataTable.Col source="organisationId">
          <ReferenceField source="organisationId" reference="organisations" link={false} />
        </DataTable.Col>
        <DataTable.Col source="status" render={(record: Volunteer) => <VolunteerStatusChip status={record.status} />} />
        <DataTable.Col source="trained" disableSort render={(record: Volunteer) => <TrainedChip trained={record.trained} />} />
        <DataTable.Col source="criminalRecordCheckedOn" render={(record: Volunteer) => <CalendarDate date={record.criminalRecordCheckedOn} />} />
      </DataTable>
    </TableRegion>
  </List>
);
