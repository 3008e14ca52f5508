import CalendarIcon from '@mui/icons-material/CalendarMonth';
import GroupIcon from '@mui/icons-material/Groups';
import type { Group } from '@outcomes/contracts';
import { GroupCreate } from './GroupCreate';
import { GroupList } from './GroupList';
import { GroupShow } from './GroupShow';
import { MeetingCalendar } from './MeetingCalendar';
import { MeetingLogCreate } from './MeetingLogCreate';

export const groups = {
  list: GroupList,
  create: GroupCreate,
  show: GroupShow,
  icon: GroupIcon,
  recordRepresentation: (record: Group) => record.name,
};

/** The meetings' list is the weekly calendar; creating one logs a held SMART Recovery meeting. */
export const groupMeetings = {
  list: MeetingCalendar,
  create: MeetingLogCreate,
  icon: CalendarIcon,
};
