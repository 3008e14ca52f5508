import { Edit, SimpleForm } from 'react-admin';
import { toVolunteerUpdateBody } from './volunteer-body';
import { VolunteerInputs } from './VolunteerInputs';

export const VolunteerEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={toVolunteerUpdateBody}>
    <SimpleForm sx={{ maxWidth: 800 }}>
      <VolunteerInputs />
    </SimpleForm>
  </Edit>
);
