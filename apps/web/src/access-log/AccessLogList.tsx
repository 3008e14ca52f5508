import { Alert } from '@mui/material';
import { RESOURCES } from '@outcomes/contracts';
import type { AccessHistoryCitizen, AccessLogEntry } from '@outcomes/contracts';
import { createContext, useContext, useState } from 'react';
import {
  AutocompleteInput,
  DataTable,
  FilterButton,
  List,
  Pagination,
  ReferenceInput,
  SelectInput,
  TopToolbar,
  useListContext,
  useNotify,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DanishDateInput } from '../common/DanishDateInput';
import { DateTimeField } from '../common/DateTimeField';
import { actionChoices, ActionField, ChangeField, CitizensField, CriterionField, outcomeChoices, OutcomeField, ResourceNameField, UserNameField } from './AccessLogFields';
import { citizenName, CitizenLookup } from './CitizenLookup';
import { RecordIdInput } from './RecordIdInput';
import type { Verdict } from './VerifyLog';
import { VerdictAlert, VerifyLogButton } from './VerifyLog';
import { resourceLabelKey } from './access-log-format';
import { TableRegion } from '../common/TableRegion';

const monospace = () => ({ fontFamily: 'monospace', fontSize: '0.8rem' });

const resourceChoices = RESOURCES.map((id) => ({ id, name: resourceLabelKey(id) ?? id }));

const filters = [
  <ReferenceInput key="userId" source="userId" reference="users" sort={{ field: 'displayName', order: 'ASC' }} alwaysOn>
    <AutocompleteInput optionText="displayName" sx={{ minWidth: 240 }} />
  </ReferenceInput>,
  <DanishDateInput key="at_gte" source="at_gte" alwaysOn />,
  <DanishDateInput key="at_lte" source="at_lte" alwaysOn />,
  <SelectInput key="action" source="action" choices={actionChoices} />,
  <SelectInput key="outcome" source="outcome" choices={outcomeChoices} />,
  <SelectInput key="resource" source="resource" choices={resourceChoices} translateChoice />,
  <RecordIdInput key="recordId" source="recordId" />,
];

const Actions = ({ onVerdict }: { onVerdict: (verdict: Verdict) => void }) => (
  <TopToolbar>
    <FilterButton />
    <VerifyLogButton onVerdict={onVerdict} />
  </TopToolbar>
);

/** The citizen the admin looked up, to show by name where the log names them by id. */
const ChosenCitizen = createContext<AccessHistoryCitizen | undefined>(undefined);

/** The record: the looked-up citizen by name, any other by its id (it names no one). */
const RecordField = () => {
  const record = useRecordContext<AccessLogEntry>();
  const chosen = useContext(ChosenCitizen);
  if (!record?.recordId) return null;
  if (chosen && record.recordId === chosen.id) return <strong data-testid="access-record-citizen">{citizenName(chosen)}</strong>;
  return <span style={monospace()}>{record.recordId}</span>;
};

/** A list that could not be read says so in words, and shows neither old rows nor a pager that counts them. */
const ListProblem = () => {
  const { error } = useListContext();
  const translate = useTranslate();
  return error ? <Alert severity="warning" sx={{ m: 2 }}>{translate('app.access_log.bad_filter')}</Alert> : null;
};

const LogPagination = () => {
  const { error } = useListContext();
  return error ? null : <Pagination />;
};

/** Who read, searched or changed what, and when: the municipality's access log, newest first. */
export const AccessLogList = () => {
  const [verdict, setVerdict] = useState<Verdict>();
  const [chosen, setChosen] = useState<AccessHistoryCitizen>();
  const notify = useNotify();
  return (
    <ChosenCitizen.Provider value={chosen}>
      <List
        filters={filters}
        sort={{ field: 'seq', order: 'DESC' }}
        actions={<Actions onVerdict={setVerdict} />}
        perPage={25}
        pagination={<LogPagination />}
        // The API's English sentence never reaches the user: the filters refuse bad values on the field; anything else is said in Danish.
        queryOptions={{ onError: () => notify('app.access_log.bad_filter', { type: 'warning' }) }}
      >
        <CitizenLookup chosen={chosen} onChoose={setChosen} />
        <VerdictAlert verdict={verdict} />
        <ListProblem />
        <TableRegion>
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
            <DataTable.Col source="recordId" disableSort>
              <RecordField />
            </DataTable.Col>
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
        </TableRegion>
      </List>
    </ChosenCitizen.Provider>
  );
};
