import RequestIcon from '@mui/icons-material/MarkEmailRead';
import GuaranteeIcon from '@mui/icons-material/Timer';
import type { CaseRequest } from '@outcomes/contracts';
import { formatDate } from '../common/dates';
import { CaseRequestCreate } from './CaseRequestCreate';
import { CaseRequestEdit } from './CaseRequestEdit';
import { CaseRequestList } from './CaseRequestList';
import { GuaranteeFiguresPage } from './GuaranteeFiguresPage';

export const caseRequests = {
  list: CaseRequestList,
  create: CaseRequestCreate,
  edit: CaseRequestEdit,
  icon: RequestIcon,
  recordRepresentation: (record: CaseRequest) => formatDate(record.requestedOn),
};

/** Not a list of records: the guarantee's figures for a period, in the menu of roles that may list them (the admin's management page). */
export const guaranteeFiguresScreen = {
  list: GuaranteeFiguresPage,
  icon: GuaranteeIcon,
};
