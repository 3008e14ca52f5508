import { Create, SimpleForm } from 'react-admin';
import { MunicipalityInputs } from './MunicipalityInputs';

export const MunicipalityCreate = () => (
  <Create redirect="list">
    <SimpleForm>
      <MunicipalityInputs />
    </SimpleForm>
  </Create>
);
