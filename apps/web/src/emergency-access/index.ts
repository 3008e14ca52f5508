import EmergencyIcon from '@mui/icons-material/HealthAndSafety';
import type { EmergencyAccess } from '@outcomes/contracts';
import { formatDateTime } from '../common/dates';
import { EmergencyAccessCreate } from './EmergencyAccessCreate';
import { EmergencyAccessList } from './EmergencyAccessList';
import { EmergencyAccessShow } from './EmergencyAccessShow';

/** Staff: their openings and a new one; admin: the review queue of their citizens' openings. */
export const emergencyAccesses = {
  list: EmergencyAccessList,
  create: EmergencyAccessCreate,
  show: EmergencyAccessShow,
  icon: EmergencyIcon,
  recordRepresentation: (record: EmergencyAccess) => formatDateTime(record.openedAt),
};
