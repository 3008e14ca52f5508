import { Create, SimpleForm, useGetIdentity } from 'react-admin';
import type { Identity } from '../auth/auth-provider';
import { CentreInputs } from './CentreInputs';

/** A new centre belongs to the admin's own municipality (the only one the API accepts), so that is the default. */
export const CentreCreate = () => {
  const identity = useGetIdentity().identity as Identity | undefined;
  if (!identity) return null;
  return (
    <Create redirect="list">
      <SimpleForm
        defaultValues={{ municipalityId: identity.municipalityId, address: null, phone: null, email: null, active: true, kind: null }}
      >
        <CentreInputs />
      </SimpleForm>
    </Create>
  );
};
