import { toUserBody } from './user-body';

describe('toUserBody', () => {
  it('leaves out an empty password, so the current one stays', () => {
    expect(toUserBody({ email: 'a@b.dk', role: 'staff', password: '' })).toEqual({
      email: 'a@b.dk',
      role: 'staff',
      grantedMunicipalityIds: [],
    });
    expect(toUserBody({ email: 'a@b.dk', role: 'staff', password: null })).not.toHaveProperty('password');
    expect(toUserBody({ email: 'a@b.dk', role: 'staff' })).not.toHaveProperty('password');
  });

  it('sends a new password', () => {
    expect(toUserBody({ role: 'staff', password: 'a long new passphrase' }).password).toBe('a long new passphrase');
  });

  it('keeps grants for an evaluator and clears them for every other role', () => {
    expect(toUserBody({ role: 'evaluator', grantedMunicipalityIds: ['m2'] }).grantedMunicipalityIds).toEqual(['m2']);
    expect(toUserBody({ role: 'evaluator' }).grantedMunicipalityIds).toEqual([]);
    expect(toUserBody({ role: 'coordinator', grantedMunicipalityIds: ['m2'] }).grantedMunicipalityIds).toEqual([]);
  });

  it('keeps the version and other fields as they are', () => {
    expect(toUserBody({ role: 'admin', version: 4, active: false })).toEqual({
      role: 'admin',
      version: 4,
      active: false,
      grantedMunicipalityIds: [],
    });
  });
});
