import { Create, SimpleForm } from 'react-admin';
import { CentreInputs } from './CentreInputs';

export const CentreCreate = () => (
  <Create redirect="list">
    <SimpleForm defaultValues={{ address: null, phone: null, email: null, active: true }}>
      <CentreInputs />
    </SimpleForm>
  </Create>
);
