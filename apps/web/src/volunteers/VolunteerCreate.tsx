import { Create, SimpleForm } from 'react-admin';
import { toVolunteerCreateBody } from './volunteer-body';
import { VolunteerInputs } from './VolunteerInputs';

/** A new volunteer opens on their page, where the first training is recorded. */
export const VolunteerCreate = () => (
  <Create redirect="show" transform={toVolunteerCreateBody}>
    <SimpleForm defaultValues={{ status: 'active' }} sx={{ maxWidth: 800 }}>
      <VolunteerInputs />
    </SimpleForm>
  </Create>
);
