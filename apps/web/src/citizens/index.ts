import CitizenIcon from '@mui/icons-material/PersonOutlined';
import type { Citizen } from '@outcomes/contracts';
import { citizenName } from './citizen-body';
import { CitizenCreate } from './CitizenCreate';
import { CitizenEdit } from './CitizenEdit';
import { CitizenList } from './CitizenList';
import { CitizenShow } from './CitizenShow';

export const citizens = {
  list: CitizenList,
  create: CitizenCreate,
  edit: CitizenEdit,
  show: CitizenShow,
  icon: CitizenIcon,
  recordRepresentation: (record: Citizen) => citizenName(record),
};
