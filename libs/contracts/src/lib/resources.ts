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
  // Free choice (issue 22): the national register of approved private treatment providers.
  'treatment-providers',
  // Moves between municipalities (issue 22): the old municipality's hand-over, answered by the new one.
  'handovers',
  // Personal API tokens (issue 24): every user's own, for scripts; an admin sees and revokes their users'.
  'api-tokens',
  // Import (issue 24): staff's CSV/XLSX of citizens, enrolments, sessions or assessments, dry run first.
  'imports',
] as const;

export type ResourceName = (typeof RESOURCES)[number];

/** Fields every stored record carries. `version` drives optimistic concurrency: send it back on PUT. */
export interface RecordMeta {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}
