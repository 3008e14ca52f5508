import { Edit, SimpleForm } from 'react-admin';
import { toOrganisationUpdateBody } from './organisation-body';
import { OrganisationInputs } from './OrganisationInputs';

export const OrganisationEdit = () => (
  <Edit mutationMode="pessimistic" transform={toOrganisationUpdateBody}>
    <SimpleForm sx={{ maxWidth: 800 }}>
      <OrganisationInputs />
    </SimpleForm>
  </Edit>
);
