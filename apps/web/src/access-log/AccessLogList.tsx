import { RESOURCES } from '@outcomes/contracts';
import type { AccessLogEntry } from '@outcomes/contracts';
import { useState } from 'react';
import {
  AutocompleteInput,
  DataTable,
  DateInput,
  FilterButton,
  List,
  ReferenceInput,
  SelectInput,
  TextInput,
  TopToolbar,
} from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { actionChoices, ActionField, ChangeField, CitizensField, CriterionField, outcomeChoices, OutcomeField, ResourceNameField, UserNameField } from './AccessLogFields';
import type { Verdict } from './VerifyLog';
import { VerdictAlert, VerifyLogButton } from './VerifyLog';

const monospace = () => ({ fontFamily: 'monospace', fontSize: '0.8rem' });

const resourceChoices = RESOURCES.map((id) => ({ id, name: `resources.${id}.name` }));

const filters = [
  <ReferenceInput key="userId" source="userId" reference="users" sort={{ field: 'displayName', order: 'ASC' }} alwaysOn>
    <AutocompleteInput optionText="displayName" sx={{ minWidth: 240 }} />
  </ReferenceInput>,
  <DateInput key="at_gte" source="at_gte" alwaysOn />,
  <DateInput key="at_lte" source="at_lte" alwaysOn />,
  <SelectInput key="action" source="action" choices={actionChoices} />,
  <SelectInput key="outcome" source="outcome" choices={outcomeChoices} />,
  <SelectInput key="resource" source="resource" choices={resourceChoices} translateChoice />,
  <TextInput key="citizenId" source="citizenId" />,
  <TextInput key="recordId" source="recordId" />,
];

const Actions = ({ onVerdict }: { onVerdict: (verdict: Verdict) => void }) => (
  <TopToolbar>
    <FilterButton />
    <VerifyLogButton onVerdict={onVerdict} />
  </TopToolbar>
);

/** Who read, searched or changed what, and when: the municipality's access log, newest first. */
export const AccessLogList = () => {
  const [verdict, setVerdict] = useState<Verdict>();
  return (
    <List filters={filters} sort={{ field: 'seq', order: 'DESC' }} actions={<Actions onVerdict={setVerdict} />} perPage={25}>
      <VerdictAlert verdict={verdict} />
      <DataTable<AccessLogEntry> bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="at" field={DateTimeField} />
        <DataTable.Col source="userId" disableSort>
          <UserNameField />
        </DataTable.Col>
        <DataTable.Col source="action">
          <ActionField />
        </DataTable.Col>
        <DataTable.Col source="resource">
          <ResourceNameField />
        </DataTable.Col>
        <DataTable.Col source="recordId" disableSort cellSx={monospace} />
        <DataTable.Col source="outcome">
          <OutcomeField />
        </DataTable.Col>
        <DataTable.Col source="citizenIds" disableSort>
          <CitizensField />
        </DataTable.Col>
        <DataTable.Col source="address" disableSort />
        <DataTable.Col source="criterion" disableSort>
          <CriterionField />
        </DataTable.Col>
        <DataTable.Col source="change" disableSort>
          <ChangeField />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
