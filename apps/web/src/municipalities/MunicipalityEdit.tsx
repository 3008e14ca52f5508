import { Edit, SimpleForm } from 'react-admin';
import { MunicipalityInputs } from './MunicipalityInputs';

// Pessimistic: the API's field errors and version conflicts must reach the form before leaving it.
export const MunicipalityEdit = () => (
  <Edit mutationMode="pessimistic">
    <SimpleForm>
      <MunicipalityInputs />
    </SimpleForm>
  </Edit>
);
