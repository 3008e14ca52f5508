import type { AuthUser } from '../auth/auth-user';
import { ApiException } from '../common/errors/api.exception';
import { mayRead, withMunicipality } from './tenant-session';
import type { SqlRunner } from './tenant-session';

/** 403 unless the municipality is the user's own or one granted to them (evaluators). */
function assertMayRead(user: AuthUser, municipalityId: string): void {
  if (!mayRead(user, municipalityId)) {
    throw new ApiException(403, 'FORBIDDEN', 'That municipality has not been granted to you', { municipalityId: 'is not your municipality nor one granted to you' });
  }
}

/**
 * Runs work as another municipality the user may read (tenant-session.ts moves the setting), or
 * answers 403 for one they may not.
 */
export async function asMunicipality<T>(manager: SqlRunner, user: AuthUser, municipalityId: string, work: () => Promise<T>): Promise<T> {
  assertMayRead(user, municipalityId);
  return withMunicipality(manager, user, municipalityId, work);
}
