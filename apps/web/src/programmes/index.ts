import ProgrammeIcon from '@mui/icons-material/Assignment';
import type { Programme } from '@outcomes/contracts';
import { ProgrammeCreate } from './ProgrammeCreate';
import { ProgrammeEdit } from './ProgrammeEdit';
import { ProgrammeList } from './ProgrammeList';

export const programmes = {
  list: ProgrammeList,
  create: ProgrammeCreate,
  edit: ProgrammeEdit,
  icon: ProgrammeIcon,
  recordRepresentation: (record: Programme) => record.name,
};
