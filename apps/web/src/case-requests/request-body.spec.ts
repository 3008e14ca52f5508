import { toRequestCreateBody, toRequestUpdateBody } from './request-body';

describe('request bodies', () => {
  it('sends the six areas, blank ones as null, and the municipality itself as no centre', () => {
    expect(toRequestCreateBody({ citizenId: 'c', requestedOn: '2026-03-01', channel: 'phone', receivedByCentreId: '', assessment: { housing: ' Lejebolig ', health: '' } })).toEqual({
      citizenId: 'c', courseKind: 'sel-101', requestedOn: '2026-03-01', channel: 'phone', receivedByCentreId: null,
      assessment: { drugsAndAlcohol: null, socialSituation: null, health: null, workOrEducation: null, housing: 'Lejebolig', otherHelp: null },
    });
  });

  it('sends anonymous treatment (§ 101 a) when chosen, § 101 otherwise', () => {
    expect(toRequestCreateBody({ citizenId: 'c', courseKind: 'sel-101a', requestedOn: '2026-03-01', channel: 'phone' })).toMatchObject({ courseKind: 'sel-101a' });
    expect(toRequestCreateBody({ citizenId: 'c', courseKind: 'x', requestedOn: '2026-03-01', channel: 'phone' })).toMatchObject({ courseKind: 'sel-101' });
  });

  it('sends a closing date only when closing, and what the guarantee needs', () => {
    const body = toRequestUpdateBody({ status: 'open', closedOn: '2026-03-09', waiverOn: '', doctorConversationOn: '2026-03-05', missedReason: '  ', version: 2, guarantee: {} });
    expect(body).toEqual({ assessment: expect.any(Object), status: 'open', closedOn: null, waiverOn: null, doctorConversationOn: '2026-03-05', missedReason: null, version: 2 });
  });
});
