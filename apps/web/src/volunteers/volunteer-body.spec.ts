import { toVolunteerCreateBody, toVolunteerUpdateBody } from './volunteer-body';

describe('volunteer bodies', () => {
  const record = {
    id: 'v1',
    version: 2,
    municipalityId: 'm1',
    organisationId: 'o1',
    firstName: 'Frida',
    lastName: 'Frivillig',
    phone: '',
    email: null,
    status: 'paused',
    criminalRecordCheckedOn: '2026-01-15',
    notes: '  ',
    trained: true,
  };

  it('sends only what the API takes, empty texts as null', () => {
    expect(toVolunteerCreateBody(record)).toEqual({
      organisationId: 'o1',
      firstName: 'Frida',
      lastName: 'Frivillig',
      phone: null,
      email: null,
      status: 'paused',
      criminalRecordCheckedOn: '2026-01-15',
      notes: null,
    });
  });

  it('keeps the version on an update', () => {
    expect(toVolunteerUpdateBody(record)).toMatchObject({ version: 2, status: 'paused' });
    expect(toVolunteerUpdateBody(record)).not.toHaveProperty('trained');
  });
});
