import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@outcomes/contracts';
import { dictionary } from '@zxcvbn-ts/language-common';
import argon2 from 'argon2';

/** OWASP's argon2id parameters: t=2, m=19 MiB, p=1. */
const ARGON2_OPTIONS = { type: argon2.argon2id, timeCost: 2, memoryCost: 19 * 1024, parallelism: 1 } as const;

// The common-password list bundled with zxcvbn-ts (about 30,000 entries), loaded once.
const COMMON = new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** A hash of nothing anyone knows: verified against when the e-mail is unknown, so timing tells nothing. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(`decoy-${Math.random()}-${Date.now()}`);
  return decoy;
}

/** The password rules; undefined when the password is acceptable. */
export function passwordProblem(password: string, email?: string): string | undefined {
  if (password.length < PASSWORD_MIN_LENGTH) return `password must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (password.length > PASSWORD_MAX_LENGTH) return `password must be at most ${PASSWORD_MAX_LENGTH} characters`;
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || /^(.)\1+$/.test(password)) return 'password is too common; choose a longer, less predictable one';
  if (email && lower.includes(email.toLowerCase().split('@')[0] ?? '\u0000')) return 'password must not contain the e-mail name';
  return undefined;
}
