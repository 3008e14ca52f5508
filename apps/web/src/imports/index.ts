import ImportIcon from '@mui/icons-material/UploadFile';
import { ImportCreate } from './ImportCreate';
import { ImportList } from './ImportList';

/** Staff: import citizens, enrolments, sessions or assessments from a CSV or XLSX, dry run first (issue 24). */
export const imports = {
  list: ImportList,
  create: ImportCreate,
  icon: ImportIcon,
};
