import type { Training } from '@outcomes/contracts';
import { DataTable, List, ReferenceField, SelectInput, useTranslate } from 'react-admin';
import { CalendarDate } from '../volunteers/CalendarDate';
import { trainingKindChoices } from './choices';
import { TrainingFlags } from './TrainingFlags';
import { RecordLink } from '../common/RecordLink';
import { TableRegion } from '../common/TableRegion';

const filters = [<SelectInput key="kind" source="kind" choices={trainingKindChoices} alwaysOn />];

const Kind = ({ training }: { training: Training }) => {
  const translate = useTranslate();
  return <>{translate(`app.trainings.kinds.${training.kind}`)}</>;
};

/** Every training of the municipality's volunteers, by renewal date (expired ones first), with its standing today. */
export const TrainingList = () => (
  <List filters={filters} exporter={false} sort={{ field: 'renewsOn', order: 'ASC' }} disableSyncWithLocation>
    <TableRegion>
      <DataTable<Training> bulkActionButtons={false} rowClick="edit">
        <DataTable.Col source="volunteerId" disableSort>
          <ReferenceField source="volunteerId" reference="volunteers" link="show" />
        </DataTable.Col>
        <DataTable.Col source="kind" render={(t: Training) => <Kind training={t} />} />
        <DataTable.Col source="title" disableSort field={RecordLink} />
        <DataTable.Col source="completedOn" render={(t: Training) => <CalendarDate date={t.completedOn} />} />
        <DataTable.Col source="renewsOn" render={(t: Training) => <CalendarDate date={t.renewsOn} />} />
        <DataTable.Col label="app.trainings.standing" render={(t: Training) => <TrainingFlags training={t} />} />
      </DataTable>
    </TableRegion>
  </List>
);
