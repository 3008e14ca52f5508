import type { Action } from './permissions';
import type { AccessAction } from './access-log';
import type { ResourceName } from './resources';

/**
 * Resources holding personal data: every use of them, and every refused attempt, is written to the
 * access log (Datatilsynet: log every read, search, create, change, export and delete).
 */
export const PERSONAL_DATA_RESOURCES: readonly ResourceName[] = ['users', 'access-log', 'citizens', 'enrolments', 'sessions', 'groups', 'group-meetings', 'outreach-contacts', 'assessments', 'worklist', 'volunteers', 'trainings', 'coordinator-dashboard'];

export const ACCESS_ACTION_OF: Record<Action, AccessAction> = {
  list: 'search',
  read: 'read',
  create: 'create',
  update: 'update',
  delete: 'delete',
};
