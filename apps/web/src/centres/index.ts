import CentreIcon from '@mui/icons-material/LocalHospital';
import type { Centre } from '@outcomes/contracts';
import { CentreCreate } from './CentreCreate';
import { CentreEdit } from './CentreEdit';
import { CentreList } from './CentreList';

export const centres = {
  list: CentreList,
  create: CentreCreate,
  edit: CentreEdit,
  icon: CentreIcon,
  recordRepresentation: (record: Centre) => record.name,
};
