import { toUserBody } from './user-body';

describe('toUserBody', () => {
  it('leaves out an empty password, so the current one stays', () => {
    expect(toUserBody({ email: 'a@b.dk', role: 'staff', password: '' })).toEqual({ email: 'a@b.dk', role: 'staff' });
    expect(toUserBody({ email: 'a@b.dk', role: 'staff', password: null })).not.toHaveProperty('password');
    expect(toUserBody({ email: 'a@b.dk', role: 'staff' })).not.toHaveProperty('password');
  });

  it('sends a new password', () => {
    expect(toUserBody({ role: 'staff', password: 'a long new passphrase' }).password).toBe('a long new passphrase');
  });

  it('keeps the version and other fields as they are', () => {
    expect(toUserBody({ role: 'admin', version: 4, active: false })).toEqual({ role: 'admin', version: 4, active: false });
  });
});
