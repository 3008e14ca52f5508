import { randomBytes } from 'node:crypto';
import { IdentifierCrypto } from './identifier-crypto';

const sut = new IdentifierCrypto(randomBytes(32).toString('base64'), randomBytes(32).toString('base64'));

describe('IdentifierCrypto', () => {
  it('round-trips and never stores the clear text', () => {
    const stored = sut.encrypt('cpr', '0707614285');
    expect(stored).not.toContain('0707614285');
    expect(sut.decrypt('cpr', stored)).toBe('0707614285');
  });

  it('uses a fresh IV: the same value encrypts differently each time', () => {
    expect(sut.encrypt('cpr', 'x')).not.toBe(sut.encrypt('cpr', 'x'));
  });

  it('never hands out an IV twice, across refills of its pool of random bytes', () => {
    const ivs = new Set<string>();
    const values = 2_000; // several refills of the 341-IV pool
    for (let i = 0; i < values; i++) {
      const stored = sut.encrypt('cpr', 'x');
      expect(sut.decrypt('cpr', stored)).toBe('x');
      ivs.add(Buffer.from(stored.slice(3), 'base64').subarray(0, 12).toString('hex'));
    }
    expect(ivs.size).toBe(values);
  });

  it('refuses a value moved to another field or tampered with', () => {
    const stored = sut.encrypt('first_name', 'Søren');
    expect(() => sut.decrypt('last_name', stored)).toThrow();
    const raw = Buffer.from(stored.slice(3), 'base64');
    raw[14] = (raw[14] ?? 0) ^ 1;
    expect(() => sut.decrypt('first_name', `v1:${raw.toString('base64')}`)).toThrow();
  });

  it('gives stable, kind-separated blind indexes', () => {
    expect(sut.blindIndex('cpr', '0707614285')).toBe(sut.blindIndex('cpr', '0707614285'));
    expect(sut.blindIndex('cpr', '0707614285')).not.toBe(sut.blindIndex('name', '0707614285'));
    expect(sut.blindIndex('cpr', '0707614285')).toMatch(/^[0-9a-f]{64}$/);
  });
});
