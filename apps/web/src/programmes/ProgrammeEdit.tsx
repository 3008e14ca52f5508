import { Edit, SimpleForm } from 'react-admin';
import { ProgrammeInputs } from './ProgrammeInputs';
import { validateProgramme } from './programme-validation';

export const ProgrammeEdit = () => (
  <Edit mutationMode="pessimistic">
    <SimpleForm validate={validateProgramme}>
      <ProgrammeInputs />
    </SimpleForm>
  </Edit>
);
