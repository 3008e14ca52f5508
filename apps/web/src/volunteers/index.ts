import VolunteerIcon from '@mui/icons-material/VolunteerActivism';
import type { Volunteer } from '@outcomes/contracts';
import { volunteerName } from './volunteer-name';
import { VolunteerCreate } from './VolunteerCreate';
import { VolunteerEdit } from './VolunteerEdit';
import { VolunteerList } from './VolunteerList';
import { VolunteerShow } from './VolunteerShow';

export const volunteers = {
  list: VolunteerList,
  create: VolunteerCreate,
  edit: VolunteerEdit,
  show: VolunteerShow,
  icon: VolunteerIcon,
  recordRepresentation: (record: Volunteer) => volunteerName(record),
};
