import type { TreatmentProviderInput } from '@outcomes/contracts';
import { Create, SimpleForm } from 'react-admin';
import { todayLocal } from '../common/dates';
import { ProviderInputs } from './ProviderInputs';

const defaults = (): TreatmentProviderInput => ({
  name: '',
  cvr: '',
  address: '',
  municipalityCode: '',
  kind: 'outpatient',
  approvedBy: '',
  approvalReference: null,
  approvedFrom: todayLocal(),
  approvedUntil: null,
});

export const ProviderCreate = () => (
  <Create redirect="list">
    <SimpleForm defaultValues={defaults()} sx={{ maxWidth: 900 }}>
      <ProviderInputs />
    </SimpleForm>
  </Create>
);
