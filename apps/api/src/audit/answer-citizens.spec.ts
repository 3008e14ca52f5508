import { answerPeople } from './answer-citizens';

const C1 = '00000000-0000-4000-8000-00000000c001';
const C2 = '00000000-0000-4000-8000-00000000c002';
const E1 = '00000000-0000-4000-8000-00000000e001';
const E2 = '00000000-0000-4000-8000-00000000e002';

describe('the citizens a personal-data answer carries', () => {
  it('a list of citizens: each row’s id; a lookup: the citizen found (none when none)', () => {
    expect(answerPeople('citizens', 'list', [{ id: C1, firstName: 'A' }, { id: C2.toUpperCase() }])).toEqual({ citizenIds: [C1, C2], enrolmentIds: [] });
    expect(answerPeople('citizens', 'list', { citizen: { id: C2 } })).toEqual({ citizenIds: [C2], enrolmentIds: [] });
    expect(answerPeople('citizens', 'list', { citizen: null })).toEqual({ citizenIds: [], enrolmentIds: [] });
  });

  it('records of other resources: their citizenId, and the enrolments they name', () => {
    expect(answerPeople('enrolments', 'list', [{ id: E1, citizenId: C1 }, { id: E2, citizenId: C2 }]).citizenIds).toEqual([C1, C2]);
    expect(answerPeople('groups', 'read', { id: 'g', memberEnrolmentIds: [E1, E2] })).toEqual({ citizenIds: [], enrolmentIds: [E1, E2] });
    expect(answerPeople('group-meetings', 'list', [{ attendance: [{ enrolmentId: E1, status: 'present' }] }])).toEqual({ citizenIds: [], enrolmentIds: [E1] });
    expect(answerPeople('enrolments', 'read', { due: [], attempts: [{ enrolmentId: E2 }] })).toEqual({ citizenIds: [], enrolmentIds: [E2] });
    expect(answerPeople('outreach-contacts', 'update', { citizenId: C1, moved: 3 }).citizenIds).toEqual([C1]);
  });

  it('a citizen’s own timeline (a read of citizens): event ids are not citizens', () => {
    expect(answerPeople('citizens', 'read', [{ kind: 'session', id: E1, enrolmentId: E2 }])).toEqual({ citizenIds: [], enrolmentIds: [E2] });
  });

  it('users, volunteers and the access log name no citizens of their own', () => {
    expect(answerPeople('users', 'list', [{ id: C1, citizenId: C2 }])).toEqual({ citizenIds: [], enrolmentIds: [] });
    expect(answerPeople('access-log', 'list', [{ citizenId: C1 }])).toEqual({ citizenIds: [], enrolmentIds: [] });
  });
});
