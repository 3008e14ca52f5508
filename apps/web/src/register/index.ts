import RegisterIcon from '@mui/icons-material/FactCheck';
import { RegisterReadinessPage } from './RegisterReadinessPage';

/** The national register: one page (readiness and the monthly file), no records of its own. */
export const register = {
  list: RegisterReadinessPage,
  icon: RegisterIcon,
};
