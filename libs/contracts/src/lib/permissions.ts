import type { ResourceName } from './resources';

export const ROLES = ['staff', 'coordinator', 'evaluator', 'admin', 'operator'] as const;
/** The roles of a municipality's own users; `operator` (the national operator) belongs to none and is created by the CLI. */
export const MUNICIPAL_ROLES = ['staff', 'coordinator', 'evaluator', 'admin'] as const satisfies readonly Role[];
export type Role = (typeof ROLES)[number];

export const ACTIONS = ['list', 'read', 'create', 'update', 'delete'] as const;
export type Action = (typeof ACTIONS)[number];

const READ = ['list', 'read'] as const satisfies readonly Action[];
const ALL = ACTIONS;
const TOKENS = ['list', 'create', 'delete'] as const satisfies readonly Action[];

/**
 * Who may do what: the one permissions table, enforced by the API's guard, used by the web app to
 * build its menus and by the access-matrix test. Row-level security in PostgreSQL then limits every
 * allowed action to the user's own municipality (or, for evaluators, the municipalities granted).
 * Reference data (municipalities, centres, programmes) is readable by every role: forms need it.
 * Who governs it: the national operator the municipalities and the national programme catalogue; a
 * municipality's admin only their own municipality's settings, centres and local programmes, and the
 * grants of their own data to evaluators (row-level security holds each to those rows).
 */
export const PERMISSIONS: Record<Role, Partial<Record<ResourceName, readonly Action[]>>> = {
  // The register (Stofmisbrugsdatabasen): staff see which courses are not ready (list) and download the
  // monthly extract with its CPR numbers (read). Not the admin: the admin reads no citizen (docs/register.md).
  // Merges of duplicate records: list = a citizen's merges, create = preview and merge, update = undo (never deleted).
  // Citizens and enrolments are never deleted here: an enrolment ends (cancelled, completed, ...).
  // Nor sessions: one logged in error is marked so, with a reason, and stays (docs/domain.md).
  staff: { municipalities: READ, centres: READ, programmes: READ, citizens: ['list', 'read', 'create', 'update'], enrolments: ['list', 'read', 'create', 'update'], 'youth-consents': ['list', 'read', 'create', 'update'], sessions: ['list', 'read', 'create', 'update'], groups: ['list', 'read', 'create', 'update'], 'group-meetings': ['list', 'read', 'create', 'update'], 'outreach-contacts': ['list', 'read', 'create', 'update'], assessments: ['list', 'read', 'create', 'update'], worklist: ['list'], outcomes: ['list'], 'case-requests': ['list', 'read', 'create', 'update'], register: READ, 'guarantee-figures': ['list'], 'citizen-merges': ['list', 'create', 'update'], referrals: ['list', 'read', 'create', 'update'],
    // A legal hold on a citizen (retention erases nothing of theirs while it holds): placed and lifted (update), never deleted.
    'legal-holds': ['list', 'read', 'create', 'update'],
    // Emergency access (break-the-glass): open another municipality's citizen's record, read-only, for a while.
    'emergency-accesses': ['list', 'read', 'create'],
    // The national register of approved private treatment providers: read to refer a citizen to one.
    'treatment-providers': READ,
    // Moves: hand over a citizen to another municipality; answer (update) and read the history of incoming ones. Never deleted.
    handovers: ['list', 'read', 'create', 'update'],
    // Import of a CSV/XLSX (issue 24): upload (create), dry run and run (update), their own imports only. Not the
    // admin: each row is a citizen's data, and the admin reads none (decision 74; decision 153).
    imports: ['list', 'read', 'create', 'update'],
    // Personal API tokens (issue 24): every role makes, lists and revokes (delete) its own; an admin also its users'.
    'api-tokens': TOKENS },
  coordinator: { municipalities: READ, centres: READ, programmes: READ, groups: ['list', 'read', 'create', 'update'], 'group-meetings': ['list', 'read', 'create', 'update'], organisations: ['list', 'read', 'create', 'update'], volunteers: ['list', 'read', 'create', 'update'], trainings: ALL, 'coordinator-dashboard': ['list'], 'api-tokens': TOKENS },
  // Export jobs are never changed by hand: they run, finish and expire.
  evaluator: { municipalities: READ, centres: READ, programmes: READ, outcomes: ['list'], 'export-projects': ['list', 'read', 'create', 'update'], 'export-jobs': ['list', 'read', 'create'], 'evaluator-grants': READ, 'api-tokens': TOKENS },
  admin: {
    // Their own municipality's settings (hourly rate) only; municipalities come and go with the operator.
    municipalities: ['list', 'read', 'update'],
    centres: ALL,
    // Their municipality's local programmes; the national catalogue is read-only to them.
    programmes: ALL,
    // Users are deactivated, never deleted: the access log names them.
    users: ['list', 'read', 'create', 'update'],
    // Grants of their own municipality's data to other municipalities' evaluators; delete = revoke.
    'evaluator-grants': ['list', 'read', 'create', 'delete'],
    'access-log': READ,
    // The treatment guarantee's figures (counts and a median for a period), never a request itself.
    'guarantee-figures': ['list'],
    // Retention: the dry run and the last runs (list), a run now or one due citizen's erasure (create).
    // Record ids, dates and counts only: the admin reads no citizen's data (decision 74).
    retention: ['list', 'create'],
    // The citizen's own access (GDPR art. 15): the one place the admin reads a citizen, on the citizen's
    // request, whole and logged as an export (decision 93). A look-up by CPR number in a POST body, as the
    // citizens' lookup is (`list`, which also puts the page in the menu); produced, never stored.
    'citizen-access-reports': ['list'],
    // Emergency access (break-the-glass): the owner's review queue (update = mark reviewed or raised) and
    // their own staff's openings elsewhere; never the citizen's record itself.
    'emergency-accesses': ['list', 'read', 'update'],
    'treatment-providers': READ,
    'api-tokens': TOKENS,
  },
  // The national operator: the shared catalogue, never a citizen (no municipality, so no tenant rows).
  // The register of approved private treatment providers is national too, and theirs (decision 105).
  operator: { municipalities: ALL, centres: READ, programmes: ALL, 'access-log': READ, 'treatment-providers': ALL, 'api-tokens': TOKENS },
};

export function can(role: Role, resource: ResourceName, action: Action): boolean {
  return PERMISSIONS[role][resource]?.includes(action) ?? false;
}
