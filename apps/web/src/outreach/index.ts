import OutreachIcon from '@mui/icons-material/DirectionsWalk';
import { OutreachCreate } from './OutreachCreate';
import { OutreachList } from './OutreachList';

export const outreachContacts = {
  list: OutreachList,
  create: OutreachCreate,
  icon: OutreachIcon,
};
