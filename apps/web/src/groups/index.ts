import GroupIcon from '@mui/icons-material/Groups';
import type { Group } from '@outcomes/contracts';
import { GroupCreate } from './GroupCreate';
import { GroupList } from './GroupList';
import { GroupShow } from './GroupShow';

export const groups = {
  list: GroupList,
  create: GroupCreate,
  show: GroupShow,
  icon: GroupIcon,
  recordRepresentation: (record: Group) => record.name,
};
