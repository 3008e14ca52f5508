import type { ResourceName } from './resources';

export const ROLES = ['staff', 'coordinator', 'evaluator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = ['list', 'read', 'create', 'update', 'delete'] as const;
export type Action = (typeof ACTIONS)[number];

const READ = ['list', 'read'] as const satisfies readonly Action[];
const ALL = ACTIONS;

/**
 * Who may do what: the one permissions table, enforced by the API's guard, used by the web app to
 * build its menus and by the access-matrix test. Row-level security in PostgreSQL then limits every
 * allowed action to the user's own municipality (or, for evaluators, the municipalities granted).
 * Reference data (municipalities, centres, programmes) is readable by every role: forms need it.
 */
export const PERMISSIONS: Record<Role, Partial<Record<ResourceName, readonly Action[]>>> = {
  // Citizens and enrolments are never deleted here: an enrolment ends (cancelled, completed, ...).
  staff: { municipalities: READ, centres: READ, programmes: READ, citizens: ['list', 'read', 'create', 'update'], enrolments: ['list', 'read', 'create', 'update'], sessions: ALL, groups: ['list', 'read', 'create', 'update'], 'group-meetings': ['list', 'read', 'create', 'update'], 'outreach-contacts': ['list', 'read', 'create', 'update'], assessments: ['list', 'read', 'create', 'update'], worklist: ['list'], outcomes: ['list'] },
  coordinator: { municipalities: READ, centres: READ, programmes: READ, groups: ['list', 'read', 'create', 'update'], 'group-meetings': ['list', 'read', 'create', 'update'], organisations: ['list', 'read', 'create', 'update'], volunteers: ['list', 'read', 'create', 'update'], trainings: ALL, 'coordinator-dashboard': ['list'] },
  // Export jobs are never changed by hand: they run, finish and expire.
  evaluator: { municipalities: READ, centres: READ, programmes: READ, outcomes: ['list'], 'export-projects': ['list', 'read', 'create', 'update'], 'export-jobs': ['list', 'read', 'create'] },
  admin: {
    municipalities: ALL,
    centres: ALL,
    programmes: ALL,
    // Users are deactivated, never deleted: the access log names them.
    users: ['list', 'read', 'create', 'update'],
    'access-log': READ,
  },
};

export function can(role: Role, resource: ResourceName, action: Action): boolean {
  return PERMISSIONS[role][resource]?.includes(action) ?? false;
}
