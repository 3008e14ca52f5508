import AccessLogIcon from '@mui/icons-material/ManageSearch';
import type { AccessLogEntry } from '@outcomes/contracts';
import { AccessLogList } from './AccessLogList';

export const accessLog = {
  list: AccessLogList,
  icon: AccessLogIcon,
  recordRepresentation: (record: AccessLogEntry) => `#${record.seq}`,
};
