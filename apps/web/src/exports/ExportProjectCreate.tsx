import type { Identity } from '../auth/auth-provider';
import { Create, useGetIdentity } from 'react-admin';
import { todayLocal } from '../common/dates';
import { ExportProjectForm } from './ExportProjectForm';

/** A new export project; the own municipality is chosen to begin with. */
export const ExportProjectCreate = () => {
  const identity = useGetIdentity().identity as Identity | undefined;
  if (!identity) return null;
  return (
    <Create redirect="show">
      <ExportProjectForm defaultValues={{ municipalityIds: [identity.municipalityId], programmeIds: [], periodFrom: `${Number(todayLocal().slice(0, 4)) - 1}-01-01`, periodTo: todayLocal() }} />
    </Create>
  );
};
