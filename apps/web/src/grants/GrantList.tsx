import { Alert } from '@mui/material';
import type { EvaluatorGrant } from '@outcomes/contracts';
import { DataTable, List, ReferenceField, SearchInput, useTranslate } from 'react-admin';
import { DateOnlyField, DateTimeField } from '../common/DateTimeField';
import { GrantStatusChip } from './GrantStatusChip';
import { RevokeGrantButton } from './RevokeGrantButton';
import { TableRegion } from '../common/TableRegion';

const filters = [<SearchInput key="q" source="q" alwaysOn />];

const Intro = () => {
  const translate = useTranslate();
  return <Alert severity="info" sx={{ mb: 1 }}>{translate('app.grants.intro')}</Alert>;
};

/** Grants your municipality made, grants to your own evaluators, or (an evaluator) grants made to you. */
export const GrantList = () => (
  <>
    <Intro />
    <List filters={filters} exporter={false} sort={{ field: 'createdAt', order: 'DESC' }}>
      <TableRegion>
        <DataTable<EvaluatorGrant> bulkActionButtons={false} rowClick={false}>
          <DataTable.Col source="evaluatorEmail" />
          <DataTable.Col source="evaluatorMunicipalityId">
            <ReferenceField source="evaluatorMunicipalityId" reference="municipalities" link={false} />
          </DataTable.Col>
          <DataTable.Col source="municipalityId">
            <ReferenceField source="municipalityId" reference="municipalities" link={false} />
          </DataTable.Col>
          <DataTable.Col source="purpose" />
          <DataTable.Col source="validFrom" field={DateOnlyField} />
          <DataTable.Col source="validUntil" field={DateOnlyField} />
          <DataTable.Col source="status" disableSort>
            <GrantStatusChip />
          </DataTable.Col>
          <DataTable.Col source="createdAt" field={DateTimeField} />
          <DataTable.Col label="" disableSort>
            <RevokeGrantButton />
          </DataTable.Col>
        </DataTable>
      </TableRegion>
    </List>
  </>
);
