import type { Group } from '@outcomes/contracts';
import { DataTable, List, ReferenceField, useLocaleState, useTranslate } from 'react-admin';
import { formatDate } from '../common/dates';
import { weekdayName } from './week';
import { RecordLink } from '../common/RecordLink';
import { TableRegion } from '../common/TableRegion';

/** A course's first meeting day, or a standing group's weekday. */
const Schedule = ({ record }: { record: Group }) => {
  const [locale] = useLocaleState();
  const translate = useTranslate();
  if (record.kind === 'standing' && record.weekday) return <>{translate('app.groups.every_weekday', { weekday: weekdayName(record.weekday, locale), time: record.startTime })}</>;
  return <>{`${formatDate(record.startDate, locale)} ${record.startTime}`}</>;
};

const Kind = ({ record }: { record: Group }) => {
  const translate = useTranslate();
  return <>{translate(`resources.groups.kinds.${record.kind}`)}</>;
};

/** The municipality's group courses and standing groups, newest first. */
export const GroupList = () => (
  <List exporter={false} sort={{ field: 'startDate', order: 'DESC' }}>
    <TableRegion>
      <DataTable<Group> bulkActionButtons={false} rowClick="show">
        <DataTable.Col source="name" field={RecordLink} />
        <DataTable.Col source="kind" render={(record: Group) => <Kind record={record} />} />
        <DataTable.Col source="programmeId" disableSort>
          <ReferenceField source="programmeId" reference="programmes" link={false} />
        </DataTable.Col>
        <DataTable.Col source="centreId" disableSort>
          <ReferenceField source="centreId" reference="centres" link={false} />
        </DataTable.Col>
        <DataTable.Col source="startDate" label="app.groups.schedule" render={(record: Group) => <Schedule record={record} />} />
        <DataTable.Col source="place" disableSort />
        {/* A count, not names: a list of groups is no place to read citizens (names would each cost an access-log row). */}
        <DataTable.Col source="memberEnrolmentIds" align="right" render={(record: Group) => (record.kind === 'course' ? String(record.memberEnrolmentIds.length) : '')} disableSort />
      </DataTable>
    </TableRegion>
  </List>
);
