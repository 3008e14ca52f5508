import { Edit, SimpleForm } from 'react-admin';
import { CentreInputs } from './CentreInputs';

export const CentreEdit = () => (
  <Edit mutationMode="pessimistic">
    <SimpleForm>
      <CentreInputs />
    </SimpleForm>
  </Edit>
);
