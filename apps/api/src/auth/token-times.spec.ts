import { hasSaneTimes } from './token-times';

// A fixed clock: 2026-12-05 12:00:00 UTC.
const NOW = 1_796_472_000;
const good = { sub: 'u', role: 'staff' as const, mun: 'm', tv: 0, auth: NOW - 3600, iat: NOW - 60, exp: NOW - 60 + 1800 };

describe('hasSaneTimes', () => {
  it('accepts what sign() writes: signed in an hour ago, issued a minute ago, 30 minutes to live', () => {
    expect(hasSaneTimes(good, NOW)).toBe(true);
  });

  it.each([
    ['no exp', { ...good, exp: undefined }],
    ['no iat', { ...good, iat: undefined }],
    ['no auth', { ...good, auth: undefined }],
    ['exp as text', { ...good, exp: String(good.exp) as unknown as number }],
    ['a fractional iat', { ...good, iat: good.iat + 0.5 }],
    ['31 minutes to live', { ...good, exp: good.iat + 31 * 60 }],
    ['expiring when issued', { ...good, exp: good.iat }],
    ['issued two minutes ahead of the clock', { ...good, iat: NOW + 120, exp: NOW + 120 + 600 }],
    ['issued before the sign-in', { ...good, auth: good.iat + 1 }],
    ['signed in 12 h and 1 s ago', { ...good, auth: NOW - 12 * 3600 - 1, iat: NOW - 60 }],
  ])('refuses %s', (_label, payload) => {
    expect(hasSaneTimes(payload, NOW)).toBe(false);
  });

  it('allows a minute of clock skew between replicas', () => {
    expect(hasSaneTimes({ ...good, auth: NOW + 30, iat: NOW + 30, exp: NOW + 30 + 1800 }, NOW)).toBe(true);
  });
});
