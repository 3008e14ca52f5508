import type { ResourceName, Role } from '@outcomes/contracts';

/**
 * Where each role lands after signing in, and where "Oversigt" (the dashboard) takes it: its own work.
 * Staff's is the worklist, which is the dashboard itself (null: no redirect).
 */
export const ROLE_HOME: Record<Role, ResourceName | null> = {
  staff: null,
  coordinator: 'coordinator-dashboard',
  evaluator: 'outcomes',
  admin: 'users',
  operator: 'programmes',
};

/**
 * The menu's order per role: what the role does most comes first. Only the order is set here; which
 * entries a role sees stays with the permissions table (a resource not listed keeps its place after these).
 */
export const MENU_ORDER: Record<Role, readonly ResourceName[]> = {
  staff: ['citizens', 'case-requests', 'referrals', 'handovers', 'sessions', 'outreach-contacts', 'enrolments', 'assessments', 'groups', 'group-meetings', 'outcomes', 'register', 'guarantee-figures', 'emergency-accesses', 'treatment-providers', 'imports'],
  coordinator: ['coordinator-dashboard', 'groups', 'group-meetings', 'volunteers', 'trainings', 'organisations'],
  evaluator: ['outcomes', 'export-projects', 'evaluator-grants'],
  admin: ['users', 'guarantee-figures', 'emergency-accesses', 'access-log', 'citizen-access-reports', 'evaluator-grants', 'centres', 'programmes', 'municipalities', 'treatment-providers', 'retention'],
  operator: ['programmes', 'treatment-providers', 'municipalities', 'centres', 'access-log'],
};

/** `visible` in the role's menu order: its listed entries first, in that order, then the rest as they came. */
export function inMenuOrder(role: Role, visible: readonly ResourceName[]): ResourceName[] {
  const order = MENU_ORDER[role];
  const rank = (name: ResourceName) => {
    const index = order.indexOf(name);
    return index === -1 ? order.length : index;
  };
  return visible
    .map((name, index) => ({ name, index }))
    .sort((a, b) => rank(a.name) - rank(b.name) || a.index - b.index)
    .map(({ name }) => name);
}
