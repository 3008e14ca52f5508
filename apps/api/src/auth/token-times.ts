import { ABSOLUTE_SECONDS, IDLE_SECONDS } from './auth-user';
import type { TokenPayload } from './auth-user';

/** Seconds a token's iat may lie ahead of this server's clock (another replica's clock). */
const CLOCK_SKEW_SECONDS = 60;

/**
 * Whether a verified token's time claims are the ones sign() writes: exp, iat and auth all numbers,
 * signed in at most 12 h ago, issued not before sign-in nor in the future, living at most the idle 30 min.
 */
export function hasSaneTimes(payload: Partial<TokenPayload>, now: number): payload is TokenPayload & { iat: number; exp: number } {
  const { exp, iat, auth } = payload;
  if (![exp, iat, auth].every((t) => typeof t === 'number' && Number.isSafeInteger(t))) return false;
  const [e, i, a] = [exp, iat, auth] as [number, number, number];
  return now - a <= ABSOLUTE_SECONDS && a <= i && i <= now + CLOCK_SKEW_SECONDS && e > i && e - i <= IDLE_SECONDS;
}
