import DashboardIcon from '@mui/icons-material/Insights';
import { CoordinatorDashboard } from './CoordinatorDashboard';

export const coordinatorDashboard = {
  list: CoordinatorDashboard,
  icon: DashboardIcon,
};
