import { Create, SimpleForm, useGetIdentity } from 'react-admin';
import type { Identity } from '../auth/auth-provider';
import { toOrganisationCreateBody } from './organisation-body';
import { OrganisationInputs } from './OrganisationInputs';

/** A new organisation starts out working with the coordinator's own municipality. */
export const OrganisationCreate = () => {
  const identity = useGetIdentity().identity as Identity | undefined;
  if (!identity) return null;
  return (
    <Create redirect="list" transform={toOrganisationCreateBody}>
      <SimpleForm defaultValues={{ municipalityIds: [identity.municipalityId] }} sx={{ maxWidth: 800 }}>
        <OrganisationInputs />
      </SimpleForm>
    </Create>
  );
};
