import TrainingIcon from '@mui/icons-material/School';
import type { Training } from '@outcomes/contracts';
import { TrainingCreate } from './TrainingCreate';
import { TrainingEdit } from './TrainingEdit';
import { TrainingList } from './TrainingList';

export const trainings = {
  list: TrainingList,
  create: TrainingCreate,
  edit: TrainingEdit,
  icon: TrainingIcon,
  recordRepresentation: (record: Training) => record.title,
};
