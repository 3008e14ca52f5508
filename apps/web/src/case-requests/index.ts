import RequestIcon from '@mui/icons-material/MarkEmailRead';
import type { CaseRequest } from '@outcomes/contracts';
import { formatDate } from '../common/dates';
import { CaseRequestCreate } from './CaseRequestCreate';
import { CaseRequestEdit } from './CaseRequestEdit';
import { CaseRequestList } from './CaseRequestList';

export const caseRequests = {
  list: CaseRequestList,
  create: CaseRequestCreate,
  edit: CaseRequestEdit,
  icon: RequestIcon,
  recordRepresentation: (record: CaseRequest) => formatDate(record.requestedOn),
};
