import AccessReportIcon from '@mui/icons-material/PersonSearch';
import { CitizenAccessReportPage } from './CitizenAccessReportPage';

/** The citizen's own access (GDPR art. 15): one page, the admin's; the report is produced, never stored. */
export const citizenAccessReports = {
  list: CitizenAccessReportPage,
  icon: AccessReportIcon,
};
