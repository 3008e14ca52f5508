import type { Response } from 'express';
import { SESSION_COOKIE } from './auth-user';

/** httpOnly (no script reads it), SameSite=Strict (no cross-site request carries it), Secure over https. */
export function setSessionCookie(res: Response, token: string, maxAgeMs: number, secure: boolean): void {
  res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure, path: '/api', maxAge: maxAgeMs });
}

export function clearSessionCookie(res: Response, secure: boolean): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure, path: '/api' });
}
