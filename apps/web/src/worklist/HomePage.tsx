import type { Role } from '@outcomes/contracts';
import { can } from '@outcomes/contracts';
import { Navigate, usePermissions, useResourceDefinitions } from 'react-admin';
import { ROLE_HOME } from '../layout/role-home';
import { Worklist } from './Worklist';

/**
 * The home page ("Oversigt"): each role's own work. Treatment staff's worklist is shown here; the
 * other roles are sent on to theirs (the coordinator's dashboard, the evaluator's outcomes, the
 * admin's users, the operator's programme catalogue), or else to their first list.
 */
export const HomePage = () => {
  const { permissions: role, isPending } = usePermissions<Role | undefined>();
  const resources = useResourceDefinitions();
  if (isPending || !role) return null;
  if (can(role, 'worklist', 'list')) return <Worklist />;
  const home = ROLE_HOME[role];
  const target = home !== null && resources[home]?.hasList ? resources[home] : Object.values(resources).find((r) => r.hasList);
  return target ? <Navigate to={`/${target.name}`} replace /> : null;
};
