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
      courseKind: 'sel-101',
    });
    expect(toEnrolmentCreateBody({ ...form, eligibilityOverride: ' Lægen vurderer, at forløbet passer ' })).toMatchObject({
      eligibilityOverride: 'Lægen vurderer, at forløbet passer',
    });
  });

  it('sends the chosen kind of course, or none when it answers a request (it then has the request’s)', () => {
    expect(toEnrolmentCreateBody({ ...form, courseKind: 'sel-101a' })).toMatchObject({ courseKind: 'sel-101a' });
    expect(toEnrolmentCreateBody({ ...form, courseKind: 'nonsense' })).toMatchObject({ courseKind: 'sel-101' });
    const fromRequest = toEnrolmentCreateBody({ ...form, courseKind: 'sel-101a', caseRequestId: 'r1' });
    expect(fromRequest).toMatchObject({ caseRequestId: 'r1' });
    expect(fromRequest).not.toHaveProperty('courseKind');
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
