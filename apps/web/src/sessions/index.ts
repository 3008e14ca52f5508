import SessionIcon from '@mui/icons-material/EventNote';
import type { TreatmentSession } from '@outcomes/contracts';
import { formatDateTime } from '../common/dates';
import { SessionCreate } from './SessionCreate';
import { SessionEdit } from './SessionEdit';
import { SessionList } from './SessionList';

export const sessions = {
  list: SessionList,
  create: SessionCreate,
  edit: SessionEdit,
  icon: SessionIcon,
  recordRepresentation: (record: TreatmentSession) => formatDateTime(record.startsAt),
};
