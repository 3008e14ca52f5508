import UserIcon from '@mui/icons-material/People';
import type { User } from '@outcomes/contracts';
import { UserCreate } from './UserCreate';
import { UserEdit } from './UserEdit';
import { UserList } from './UserList';

export const users = {
  list: UserList,
  create: UserCreate,
  edit: UserEdit,
  icon: UserIcon,
  recordRepresentation: (record: User) => record.displayName,
};
