import AssessmentIcon from '@mui/icons-material/Assessment';
import type { Assessment } from '@outcomes/contracts';
import { AssessmentCreate } from './AssessmentCreate';
import { AssessmentEdit } from './AssessmentEdit';

export const assessments = {
  create: AssessmentCreate,
  edit: AssessmentEdit,
  icon: AssessmentIcon,
  recordRepresentation: (record: Assessment) => `ASI ${record.date}`,
};
