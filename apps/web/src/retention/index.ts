import RetentionIcon from '@mui/icons-material/AutoDelete';
import { RetentionPage } from './RetentionPage';

/** Retention: one page for the municipality's admin (the dry run, the settings' effect, the runs), no records of its own. */
export const retention = {
  list: RetentionPage,
  icon: RetentionIcon,
};
