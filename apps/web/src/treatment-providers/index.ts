import ProviderIcon from '@mui/icons-material/Business';
import type { TreatmentProvider } from '@outcomes/contracts';
import { ProviderCreate } from './ProviderCreate';
import { ProviderEdit } from './ProviderEdit';
import { ProviderList } from './ProviderList';

/** The national register of approved private treatment providers (free choice; the operator's). */
export const treatmentProviders = {
  list: ProviderList,
  create: ProviderCreate,
  edit: ProviderEdit,
  icon: ProviderIcon,
  recordRepresentation: (record: TreatmentProvider) => record.name,
};
