import type { AuthUser } from '../auth/auth-user';

/**
 * The retention job's identity: the system, not a user (decision 98). Its access-log rows carry this
 * fixed user id (no account has it: app_user ids are random UUIDs) and the admin role, whose
 * row-level security holds each run to one municipality.
 */
export const RETENTION_SYSTEM_USER_ID = '00000000-0000-0000-0000-000000000000';

export function systemUser(municipalityId: string): AuthUser {
  return {
    id: RETENTION_SYSTEM_USER_ID,
    email: 'retention@system',
    displayName: 'Retention (system)',
    role: 'admin',
    municipalityId,
    municipalityName: '',
    grantedMunicipalityIds: [],
    tokenVersion: 0,
    authTime: 0,
    issuedAt: 0,
  };
}

interface NightlyLogger {
  log(message: unknown, context?: string): void;
  error(message: unknown, context?: string): void;
}

/**
 * One nightly run in each municipality, each as the system in a transaction of its own: a
 * municipality whose run fails is retried the next night and stops no other. Kept apart from the
 * Nest job so the loop is tested on its own (retention.medium-spec.ts). Answers the citizens erased.
 */
export async function runInEveryMunicipality(
  municipalityIds: string[],
  runAs: (user: AuthUser) => Promise<{ id: string; citizens: number } | null | undefined>,
  logger: NightlyLogger,
): Promise<number> {
  let erased = 0;
  for (const municipalityId of municipalityIds) {
    try {
      const run = await runAs(systemUser(municipalityId));
      if (run && run.citizens > 0) logger.log({ municipalityId, runId: run.id, citizens: run.citizens }, 'retention erased citizens past their retention');
      erased += run?.citizens ?? 0;
    } catch (error) {
      logger.error({ err: error, municipalityId }, 'retention run failed; retried at the next run');
    }
  }
  return erased;
}
