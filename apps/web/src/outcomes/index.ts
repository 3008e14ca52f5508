import OutcomesIcon from '@mui/icons-material/Insights';
import { OutcomesDashboard } from './OutcomesDashboard';

/** Not a list of records: the resource's list page is the dashboard, in the menu of roles that may list outcomes. */
export const outcomes = {
  list: OutcomesDashboard,
  icon: OutcomesIcon,
};
