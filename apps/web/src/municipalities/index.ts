import MunicipalityIcon from '@mui/icons-material/AccountBalance';
import type { Municipality } from '@outcomes/contracts';
import { MunicipalityCreate } from './MunicipalityCreate';
import { MunicipalityEdit } from './MunicipalityEdit';
import { MunicipalityList } from './MunicipalityList';

export const municipalities = {
  list: MunicipalityList,
  create: MunicipalityCreate,
  edit: MunicipalityEdit,
  icon: MunicipalityIcon,
  recordRepresentation: (record: Municipality) => record.name,
};
