import SessionIcon from '@mui/icons-material/EventNote';
import type { TreatmentSession } from '@outcomes/contracts';
import { SessionCreate } from './SessionCreate';
import { SessionEdit } from './SessionEdit';
import { SessionList } from './SessionList';

export const sessions = {
  list: SessionList,
  create: SessionCreate,
  edit: SessionEdit,
  icon: SessionIcon,
  recordRepresentation: (record: TreatmentSession) => new Date(record.startsAt).toLocaleString('da-DK', { dateStyle: 'short', timeStyle: 'short' }),
};
