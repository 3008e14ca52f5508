import OrganisationIcon from '@mui/icons-material/Diversity3';
import type { Organisation } from '@outcomes/contracts';
import { OrganisationCreate } from './OrganisationCreate';
import { OrganisationEdit } from './OrganisationEdit';
import { OrganisationList } from './OrganisationList';

export const organisations = {
  list: OrganisationList,
  create: OrganisationCreate,
  edit: OrganisationEdit,
  icon: OrganisationIcon,
  recordRepresentation: (record: Organisation) => record.name,
};
