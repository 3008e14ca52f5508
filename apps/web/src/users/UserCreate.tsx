import { Create, SimpleForm } from 'react-admin';
import { toUserBody } from './user-body';
import { UserInputs } from './UserInputs';

export const UserCreate = () => (
  <Create redirect="list" transform={toUserBody}>
    <SimpleForm defaultValues={{ role: 'staff', active: true }} sx={{ maxWidth: 600 }}>
      <UserInputs mode="create" />
    </SimpleForm>
  </Create>
);
