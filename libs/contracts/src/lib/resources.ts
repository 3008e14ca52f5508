/** The public resource paths under /api, as react-admin names them. */
export const RESOURCES = [
  'municipalities',
  'centres',
  'programmes',
  'users',
  'evaluator-grants',
  'access-log',
  'citizens',
  'enrolments',
  'youth-consents',
  'sessions',
  'groups',
  'group-meetings',
  'outreach-contacts',
  'assessments',
  'worklist',
  'organisations',
  'volunteers',
  'trainings',
  'coordinator-dashboard',
  'outcomes',
  'export-projects',
  'export-jobs',
  'case-requests',
  'register',
  'guarantee-figures',
  'citizen-merges',
  'referrals',
  // Retention (issue 22): the admin's dry run, runs and erasures; staff's legal holds on a citizen.
  'retention',
  'legal-holds',
  'citizen-access-reports',
  'emergency-accesses',
] as const;

export type ResourceName = (typeof RESOURCES)[number];

/** Fields every stored record carries. `version` drives optimistic concurrency: send it back on PUT. */
export interface RecordMeta {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}
