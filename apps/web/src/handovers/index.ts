import HandoverIcon from '@mui/icons-material/MoveUp';
import { HandoverCreate } from './HandoverCreate';
import { HandoverShow } from './HandoverShow';
import { HandoversPage } from './HandoversPage';

/** Moves between municipalities: one page of incoming and outgoing hand-overs, the form, and one hand-over with the old record. */
export const handovers = {
  list: HandoversPage,
  create: HandoverCreate,
  show: HandoverShow,
  icon: HandoverIcon,
};
