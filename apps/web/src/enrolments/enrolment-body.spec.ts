import { toEnrolmentCreateBody, toEnrolmentUpdateBody } from './enrolment-body';

describe('enrolment bodies', () => {
  const form = {
    id: 'e1',
    version: 3,
    citizenId: 'c1',
    programmeId: 'p1',
    centreId: 'k1',
    referralDate: '2026-11-25',
    referralSource: '  ',
    attestations: ['finished-treatment', 'nonsense'],
    eligibilityOverride: '',
    state: 'referred',
    transitions: [],
  };

  it('refers with the known attestations, no empty source and no empty override', () => {
    expect(toEnrolmentCreateBody(form)).toEqual({
      citizenId: 'c1',
      programmeId: 'p1',
      centreId: 'k1',
      referralDate: '2026-11-25',
      referralSource: null,
      attestations: ['finished-treatment'],
    });
    expect(toEnrolmentCreateBody({ ...form, eligibilityOverride: ' Lægen vurderer, at forløbet passer ' })).toMatchObject({
      eligibilityOverride: 'Lægen vurderer, at forløbet passer',
    });
  });

  it('updates only centre, source and attestations, with the version', () => {
    expect(toEnrolmentUpdateBody({ ...form, referralSource: 'Jobcenter' })).toEqual({
      centreId: 'k1',
      referralSource: 'Jobcenter',
      attestations: ['finished-treatment'],
      version: 3,
    });
  });
});
