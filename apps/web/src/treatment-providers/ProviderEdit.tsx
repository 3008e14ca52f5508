import { Edit, SimpleForm } from 'react-admin';
import { ProviderInputs } from './ProviderInputs';

/** Pessimistic: the version read goes back with the change, and a stale one is refused (409). */
export const ProviderEdit = () => (
  <Edit mutationMode="pessimistic">
    <SimpleForm sx={{ maxWidth: 900 }}>
      <ProviderInputs />
    </SimpleForm>
  </Edit>
);
