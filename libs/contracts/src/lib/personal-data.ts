import type { Action } from './permissions';
import type { AccessAction } from './access-log';
import type { ResourceName } from './resources';

/**
 * Resources holding personal data: every use of them, and every refused attempt, is written to the
 * access log (Datatilsynet: log every read, search, create, change, export and delete).
 */
export const PERSONAL_DATA_RESOURCES: readonly ResourceName[] = ['users', 'evaluator-grants', 'access-log', 'citizens', 'enrolments', 'youth-consents', 'sessions', 'groups', 'group-meetings', 'outreach-contacts', 'assessments', 'worklist', 'volunteers', 'trainings', 'coordinator-dashboard', 'case-requests', 'register', 'citizen-merges', 'referrals', 'retention', 'legal-holds', 'citizen-access-reports', 'emergency-accesses', 'handovers', 'imports'];

/**
 * Reference data, users, grants and settings: every change is logged with before and after, and every
 * refused attempt to change them too (issue #17: who changed the hourly rate, who granted what).
 */
export const GOVERNED_RESOURCES: readonly ResourceName[] = ['municipalities', 'centres', 'programmes', 'users', 'evaluator-grants', 'treatment-providers', 'api-tokens'];

export const ACCESS_ACTION_OF: Record<Action, AccessAction> = {
  list: 'search',
  read: 'read',
  create: 'create',
  update: 'update',
  delete: 'delete',
};
