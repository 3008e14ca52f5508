import { planBody, planForm } from './plan-body';

describe('the plan form', () => {
  it('sends one goal and one action per non-empty line, and no revision fields for a first plan', () => {
    const form = { ...planForm(undefined, '2026-12-06'), goals: ' Stoppe med hash \n\nKomme i praktik', actions: 'Ugentlig samtale', expectedDurationWeeks: '26', reviewDate: '2027-01-05' };
    expect(planBody(form, null)).toEqual({
      goals: ['Stoppe med hash', 'Komme i praktik'],
      actions: ['Ugentlig samtale'],
      expectedDurationWeeks: 26,
      citizenResources: null,
      otherActors: null,
      responsible: null,
      madeWithCitizen: true,
      madeWithCitizenOn: '2026-12-06',
      reviewDate: '2027-01-05',
    });
  });

  it('sends a revision with the revision it is based on and its reason; no day when not made with the citizen', () => {
    const form = { ...planForm(undefined, '2026-12-06'), goals: 'Mål', expectedDurationWeeks: '4', reviewDate: '2027-01-05', madeWithCitizen: false, revisionReason: ' Ny bolig ' };
    expect(planBody(form, 2)).toMatchObject({ madeWithCitizen: false, madeWithCitizenOn: null, basedOnRevision: 2, revisionReason: 'Ny bolig' });
  });
});
