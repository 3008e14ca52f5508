import { toOutreachBody } from './choices';

describe('toOutreachBody', () => {
  const base = {
    contactAt: '2026-11-25T10:30',
    placeType: 'street' as const,
    contactType: 'first-contact' as const,
    durationMinutes: 20,
    citizenId: ' c1 ',
    alias: ' Ravnen ',
    referredProgrammeId: 'p1',
  };

  it('sends the alias only for an anonymous person, and no programme without a referral', () => {
    const body = toOutreachBody({ ...base, who: 'alias' });
    expect(body).toMatchObject({ alias: 'Ravnen', placeType: 'street', durationMinutes: 20 });
    expect(body).not.toHaveProperty('citizenId');
    expect(body).not.toHaveProperty('referredProgrammeId');
  });

  it('sends the citizen and the referred programme for a referral', () => {
    const body = toOutreachBody({ ...base, who: 'citizen', contactType: 'referral' });
    expect(body).toMatchObject({ citizenId: 'c1', referredProgrammeId: 'p1' });
    expect(body).not.toHaveProperty('alias');
  });
});
