import type { Role } from '@outcomes/contracts';
import { can } from '@outcomes/contracts';
import { Navigate, usePermissions, useResourceDefinitions } from 'react-admin';
import { Worklist } from './Worklist';

/**
 * The home page: the worklist for those who may read it (treatment staff); everyone else lands on
 * their first list, as before there was a home page.
 */
export const HomePage = () => {
  const { permissions: role, isPending } = usePermissions<Role | undefined>();
  const resources = useResourceDefinitions();
  if (isPending || !role) return null;
  if (can(role, 'worklist', 'list')) return <Worklist />;
  const first = Object.values(resources).find((r) => r.hasList);
  return first ? <Navigate to={`/${first.name}`} replace /> : null;
};
