import GrantIcon from '@mui/icons-material/VpnKey';
import type { EvaluatorGrant } from '@outcomes/contracts';
import { GrantCreate } from './GrantCreate';
import { GrantList } from './GrantList';

export const evaluatorGrants = {
  list: GrantList,
  create: GrantCreate,
  icon: GrantIcon,
  recordRepresentation: (record: EvaluatorGrant) => record.evaluatorEmail,
};
