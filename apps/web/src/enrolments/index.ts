import EnrolmentIcon from '@mui/icons-material/Route';
import type { Enrolment } from '@outcomes/contracts';
import { EnrolmentCreate } from './EnrolmentCreate';
import { EnrolmentEdit } from './EnrolmentEdit';
import { EnrolmentList } from './EnrolmentList';
import { EnrolmentShow } from './EnrolmentShow';

export const enrolments = {
  list: EnrolmentList,
  create: EnrolmentCreate,
  edit: EnrolmentEdit,
  show: EnrolmentShow,
  icon: EnrolmentIcon,
  recordRepresentation: (record: Enrolment) => record.referralDate,
};
