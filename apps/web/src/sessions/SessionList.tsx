import type { TreatmentSession } from '@outcomes/contracts';
import {
  AutocompleteInput,
  DataTable,
  List,
  ReferenceField,
  ReferenceInput,
  SelectField,
  SelectInput,
  useLocaleState,
  useTranslate,
} from 'react-admin';
import { DanishDateInput } from '../common/DanishDateInput';
import { formatDateTime } from '../common/dates';
import { EnrolmentOption } from './EnrolmentOption';
import { attendanceChoices, kindChoices } from './session-kinds';
import { RecordLink } from '../common/RecordLink';
import { TableRegion } from '../common/TableRegion';

const filters = [
  // Found by name through POST /api/citizens/search; only the chosen citizen's id is a filter.
  <ReferenceInput key="citizenId" source="citizenId" reference="citizens" sort={{ field: 'createdAt', order: 'DESC' }} alwaysOn>
    <AutocompleteInput sx={{ minWidth: 240 }} />
  </ReferenceInput>,
  <ReferenceInput key="enrolmentId" source="enrolmentId" reference="enrolments" sort={{ field: 'referralDate', order: 'DESC' }}>
    <SelectInput optionText={<EnrolmentOption />} />
  </ReferenceInput>,
  <SelectInput key="attendance" source="attendance" choices={attendanceChoices} />,
  <SelectInput key="kind" source="kind" choices={kindChoices} />,
  <DanishDateInput key="startsAt_gte" source="startsAt_gte" />,
  <DanishDateInput key="startsAt_lte" source="startsAt_lte" />,
];

const StartsAt = ({ record }: { record: TreatmentSession }) => {
  const [locale] = useLocaleState();
  return <>{formatDateTime(record.startsAt, locale)}</>;
};

const Kind = ({ record }: { record: TreatmentSession }) => {
  const translate = useTranslate();
  return <>{translate(`resources.sessions.kinds.${record.kind}`, { _: record.kind })}</>;
};

export const SessionList = () => (
  <List filters={filters} exporter={false} sort={{ field: 'startsAt', order: 'DESC' }}>
    <TableRegion>
      <DataTable<TreatmentSession> bulkActionButtons={false} rowClick="edit">
        <DataTable.Col source="startsAt">
          <RecordLink render={(record: TreatmentSession) => <StartsAt record={record} />} />
        </DataTable.Col>
        <DataTable.Col source="citizenId" disableSort>
          <ReferenceField source="citizenId" reference="citizens" link={false} />
        </DataTable.Col>
        <DataTable.Col source="kind" render={(record: TreatmentSession) => <Kind record={record} />} />
        <DataTable.NumberCol source="sessionNumber" />
        <DataTable.NumberCol source="durationMinutes" />
        <DataTable.Col source="attendance">
          <SelectField source="attendance" choices={attendanceChoices} />
        </DataTable.Col>
      </DataTable>
    </TableRegion>
  </List>
);
