import type { Group } from '@outcomes/contracts';
import { DataTable, List, ReferenceField, useLocaleState } from 'react-admin';
import { formatDate } from '../common/dates';

const StartDate = ({ record }: { record: Group }) => {
  const [locale] = useLocaleState();
  return <>{formatDate(record.startDate, locale)}</>;
};

/** The municipality's group courses, newest first. */
export const GroupList = () => (
  <List exporter={false} sort={{ field: 'startDate', order: 'DESC' }}>
    <DataTable<Group> bulkActionButtons={false} rowClick="show">
      <DataTable.Col source="name" />
      <DataTable.Col source="programmeId" disableSort>
        <ReferenceField source="programmeId" reference="programmes" link={false} />
      </DataTable.Col>
      <DataTable.Col source="centreId" disableSort>
        <ReferenceField source="centreId" reference="centres" link={false} />
      </DataTable.Col>
      <DataTable.Col source="startDate" render={(record: Group) => <StartDate record={record} />} />
      <DataTable.Col source="startTime" disableSort />
      <DataTable.Col source="place" disableSort />
      <DataTable.NumberCol source="memberEnrolmentIds" render={(record: Group) => record.memberEnrolmentIds.length} disableSort />
    </DataTable>
  </List>
);
