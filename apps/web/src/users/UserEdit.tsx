import { Edit, SimpleForm } from 'react-admin';
import { toUserBody } from './user-body';
import { UserInputs } from './UserInputs';

export const UserEdit = () => (
  <Edit mutationMode="pessimistic" transform={toUserBody}>
    <SimpleForm sx={{ maxWidth: 600 }}>
      <UserInputs mode="edit" />
    </SimpleForm>
  </Edit>
);
