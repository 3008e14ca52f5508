import TokenIcon from '@mui/icons-material/Key';
import type { ApiToken } from '@outcomes/contracts';
import { ApiTokenCreate } from './ApiTokenCreate';
import { ApiTokenList } from './ApiTokenList';

/** Every role: its own personal API tokens (issue 24); an admin also their users'. */
export const apiTokens = {
  list: ApiTokenList,
  create: ApiTokenCreate,
  icon: TokenIcon,
  recordRepresentation: (record: ApiToken) => record.purpose,
};
