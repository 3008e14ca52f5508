import type { ExportProject } from '@outcomes/contracts';
import { ChipField, DataTable, List, ReferenceArrayField, SingleFieldList } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { PeriodText } from './PeriodText';
import { RecordLink } from '../common/RecordLink';
import { TableRegion } from '../common/TableRegion';

/** The evaluator's own export projects, newest first. */
export const ExportProjectList = () => (
  <List exporter={false} sort={{ field: 'createdAt', order: 'DESC' }}>
    <TableRegion>
      <DataTable<ExportProject> bulkActionButtons={false} rowClick="show">
        <DataTable.Col source="name" field={RecordLink} />
        <DataTable.Col source="municipalityIds" disableSort>
          <ReferenceArrayField source="municipalityIds" reference="municipalities">
            <SingleFieldList linkType={false}>
              <ChipField source="name" size="small" />
            </SingleFieldList>
          </ReferenceArrayField>
        </DataTable.Col>
        <DataTable.Col source="programmeIds" disableSort>
          <ReferenceArrayField source="programmeIds" reference="programmes">
            <SingleFieldList linkType={false}>
              <ChipField source="code" size="small" />
            </SingleFieldList>
          </ReferenceArrayField>
        </DataTable.Col>
        <DataTable.Col source="periodFrom" label="app.exports.period" render={(record: ExportProject) => <PeriodText project={record} />} />
        <DataTable.Col source="createdAt" field={DateTimeField} />
      </DataTable>
    </TableRegion>
  </List>
);
