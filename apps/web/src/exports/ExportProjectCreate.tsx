import { EXPORT_MIN_K } from '@outcomes/contracts';
import type { Identity } from '../auth/auth-provider';
import { Create, useGetIdentity } from 'react-admin';
import { todayLocal } from '../common/dates';
import { lastDayOf, previousMonth } from '../common/months';
import { ExportProjectForm } from './ExportProjectForm';

/**
 * A new export project: the own municipality, from January last year to the last month that is
 * over (periods are whole months), and the smallest k.
 */
export const ExportProjectCreate = () => {
  const identity = useGetIdentity().identity as Identity | undefined;
  if (!identity) return null;
  const today = todayLocal();
  return (
    <Create redirect="show">
      <ExportProjectForm
        defaultValues={{
          municipalityIds: [identity.municipalityId],
          programmeIds: [],
          periodFrom: `${Number(today.slice(0, 4)) - 1}-01-01`,
          periodTo: lastDayOf(previousMonth(today)),
          k: EXPORT_MIN_K,
        }}
      />
    </Create>
  );
};
