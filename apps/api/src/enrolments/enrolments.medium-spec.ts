import { DEMO_IDS } from '@outcomes/seeds';
import { CaseRequestsService } from '../case-requests/case-requests.service';
import { CitizensService } from '../citizens/citizens.service';
import type { AppConfig } from '../config/config';
import { Factories } from '../testing/factories';
import { demoUser, mediumDatabase, refusal } from '../testing/medium';
import type { CreateEnrolmentDto, TransitionDto } from './dto/enrolment.dto';
import { EnrolmentsService } from './enrolments.service';
import { YouthConsentsService } from './youth-consents.service';

const medium = mediumDatabase();
const make = new Factories(() => medium.owner, medium.crypto);
const citizens = new CitizensService(medium.db, medium.crypto);
const youthConsents = new YouthConsentsService(medium.db, medium.crypto, citizens);
// The guarantee's setting at its default (14 calendar days); only linked enrolments consult it.
const caseRequests = new CaseRequestsService(medium.db, medium.crypto, citizens, { treatmentGuaranteeDays: 14 } as AppConfig);
const enrolments = new EnrolmentsService(medium.db, citizens, youthConsents, caseRequests);
const day = Factories.day;
const odenseStaff = demoUser('odense', 'staff');

const referral = (citizenId: string, input: Partial<CreateEnrolmentDto> = {}): Promise<unknown> =>
  medium.as(odenseStaff, () =>
    enrolments.create({ citizenId, programmeId: DEMO_IDS.programmes.hcs, centreId: DEMO_IDS.centres.odenseSyd, referralDate: day(-5), ...input } as CreateEnrolmentDto),
  );
const move = (id: string, input: Partial<TransitionDto> & Pick<TransitionDto, 'to' | 'date'>) =>
  medium.as(odenseStaff, () => enrolments.transition(id, { version: 1, ...input } as TransitionDto));

describe('EnrolmentsService: referral dates', () => {
  it('refuses a referral dated before the citizen was born, naming referralDate', async () => {
    const citizen = await make.citizen('odense', { birthDate: '1970-05-17' });
    const body = await refusal(referral(citizen.id, { referralDate: '1970-05-16' }));
    expect(body).toMatchObject({ statusCode: 400, errors: { referralDate: "referralDate must not be before the citizen's birth (1970-05-17)" } });
  });

  it('takes a referral up to 90 days ahead and refuses one 91 days ahead', async () => {
    const citizen = await make.citizen('odense');
    expect(await refusal(referral(citizen.id, { referralDate: day(91) }))).toMatchObject({ statusCode: 400, errors: { referralDate: expect.stringContaining('90 days') } });
    await expect(referral(citizen.id, { referralDate: day(90) })).resolves.toMatchObject({ state: 'referred', referralDate: day(90) });
  });
});

describe('EnrolmentsService: one open enrolment per programme', () => {
  it('refuses a second open enrolment of a citizen in the same programme (the partial unique index)', async () => {
    const open = await make.enrolment('odense', { state: 'active' });
    const citizen = await medium.as(odenseStaff, () => new CitizensService(medium.db, medium.crypto).entity(open.citizenId));
    const error = (await refusal(referral(citizen.id))) as { driverError?: { constraint?: string } };
    expect(error.driverError?.constraint).toBe('enrolment_one_open_per_programme');
  });

  it('takes a new enrolment in the programme once the earlier one has ended, and one in another programme meanwhile', async () => {
    const citizen = await make.citizen('odense');
    await make.enrolment('odense', { citizen, state: 'completed' });
    await expect(referral(citizen.id)).resolves.toMatchObject({ state: 'referred' });
    await expect(referral(citizen.id, { programmeId: DEMO_IDS.programmes.icm })).resolves.toMatchObject({ state: 'referred' });
  });
});

describe('EnrolmentsService: the state machine as the service enforces it', () => {
  it('refuses a start dated before the referral, naming the referral date', async () => {
    const e = await make.enrolment('odense', { state: 'referred', referralDate: day(-20) });
    expect(await refusal(move(e.id, { to: 'active', date: day(-21) }))).toMatchObject({ statusCode: 400, errors: { date: `date must not be before ${day(-20)}` } });
  });

  it('starts on the referral day itself and keeps the history referred, then active', async () => {
    const e = await make.enrolment('odense', { state: 'referred', referralDate: day(-20) });
    const started = await move(e.id, { to: 'active', date: day(-20) });
    expect(started).toMatchObject({ state: 'active', startDate: day(-20), version: 2 });
    expect(started.transitions.map((t) => [t.from, t.to, t.date])).toEqual([
      [null, 'referred', day(-20)],
      ['referred', 'active', day(-20)],
    ]);
  });

  it('refuses an end dated before the start, not only before the referral', async () => {
    const e = await make.enrolment('odense', { state: 'active', referralDate: day(-40), startDate: day(-30) });
    expect(await refusal(move(e.id, { to: 'completed', date: day(-35) }))).toMatchObject({ statusCode: 400, errors: { date: `date must not be before ${day(-30)}` } });
  });

  it('refuses to complete a referred enrolment (409 naming the moves it allows)', async () => {
    const e = await make.enrolment('odense', { state: 'referred' });
    expect(await refusal(move(e.id, { to: 'completed', date: day(0) }))).toMatchObject({ statusCode: 409, code: 'ILLEGAL_TRANSITION', allowed: ['active', 'cancelled'] });
  });

  it('allows no move out of an ended enrolment', async () => {
    const e = await make.enrolment('odense', { state: 'dropped_out' });
    expect(await refusal(move(e.id, { to: 'active', date: day(0) }))).toMatchObject({ statusCode: 409, code: 'ILLEGAL_TRANSITION', allowed: [] });
  });

  it('answers a stale version with 409 and changes nothing', async () => {
    const e = await make.enrolment('odense', { state: 'referred' });
    expect(await refusal(move(e.id, { to: 'active', date: day(0), version: 7 }))).toMatchObject({ statusCode: 409, code: 'VERSION_CONFLICT' });
    await expect(medium.as(odenseStaff, () => enrolments.get(e.id))).resolves.toMatchObject({ state: 'referred', version: 1 });
  });
});

describe('EnrolmentsService: eligibility', () => {
  it('refuses MOVE (15 to 25 years) for a citizen born in 1970 with 422, and takes it with a written override', async () => {
    const citizen = await make.citizen('odense', { birthDate: '1970-05-17' });
    const move = { programmeId: DEMO_IDS.programmes.move };
    expect(await refusal(referral(citizen.id, move))).toMatchObject({ statusCode: 422, code: 'NOT_ELIGIBLE' });
    await expect(referral(citizen.id, { ...move, eligibilityOverride: 'Koordinator har vurderet forløbet egnet' })).resolves.toMatchObject({ state: 'referred' });
  });

  it('takes MOVE for a citizen of 20', async () => {
    const citizen = await make.citizen('odense', { birthDate: day(-365 * 20 - 10) });
    await expect(referral(citizen.id, { programmeId: DEMO_IDS.programmes.move })).resolves.toMatchObject({ state: 'referred' });
  });
});

describe('EnrolmentsService: attendance toward the protocol', () => {
  it('counts attended sessions and group meetings where the citizen was present: 3 + 2 of HCS’s 16', async () => {
    const e = await make.enrolment('odense', { programme: 'hcs' });
    const other = await make.enrolment('odense', { programme: 'hcs' });
    for (const [attendance, daysAgo] of [['attended', 30], ['attended', 29], ['attended', 28], ['no-show', 27], ['cancelled', 26]] as const) {
      await make.session(e, attendance, daysAgo);
    }
    // Four meetings: e present, absent, excused, present; the other member present at all four.
    await make.courseWithMembers([e, other], 4, [['present', 'present'], ['absent', 'present'], ['excused', 'present'], ['present', 'present']]);
    await expect(medium.as(odenseStaff, () => enrolments.get(e.id))).resolves.toMatchObject({ sessionsAttended: 5, expectedSessions: 16 });
    await expect(medium.as(odenseStaff, () => enrolments.get(other.id))).resolves.toMatchObject({ sessionsAttended: 4, expectedSessions: 16 });
  });

  it('counts against no number where the programme has no protocol (SMART)', async () => {
    const e = await make.enrolment('odense', { programme: 'smart' });
    await make.session(e, 'attended');
    await expect(medium.as(odenseStaff, () => enrolments.get(e.id))).resolves.toMatchObject({ sessionsAttended: 1, expectedSessions: null });
  });

  it('gives the same counts in the list as for one enrolment', async () => {
    const e = await make.enrolment('odense', { programme: 'move', citizen: await make.citizen('odense', { birthDate: '2005-01-01' }) });
    await make.session(e, 'attended', 3);
    await make.session(e, 'no-show', 2);
    const page = await medium.as(odenseStaff, () => enrolments.list({ filter: JSON.stringify({ id: e.id }) }));
    expect(page.rows).toEqual([expect.objectContaining({ id: e.id, sessionsAttended: 1, expectedSessions: 12 })]);
  });
});

describe('EnrolmentsService: one municipality cannot reach another’s enrolments', () => {
  it('answers 404 for an Aarhus enrolment to Odense staff, and lists only Odense’s', async () => {
    const aarhus = await make.enrolment('aarhus');
    const odense = await make.enrolment('odense');
    expect(await refusal(medium.as(odenseStaff, () => enrolments.get(aarhus.id)))).toMatchObject({ statusCode: 404 });
    const page = await medium.as(odenseStaff, () => enrolments.list({}));
    expect(page.rows.map((r) => r.id)).toEqual([odense.id]);
  });

  it('refuses to enrol an Aarhus citizen or to use an Aarhus centre from Odense (400 naming the field)', async () => {
    const aarhusCitizen = await make.citizen('aarhus');
    const odenseCitizen = await make.citizen('odense');
    expect(await refusal(referral(aarhusCitizen.id))).toMatchObject({ statusCode: 400, errors: { citizenId: expect.any(String) } });
    expect(await refusal(referral(odenseCitizen.id, { centreId: DEMO_IDS.centres.aarhusVest }))).toMatchObject({ statusCode: 400, errors: { centreId: expect.any(String) } });
  });

  it('cannot move an Aarhus enrolment from Odense, and it stays as it was', async () => {
    const aarhus = await make.enrolment('aarhus', { state: 'referred' });
    expect(await refusal(move(aarhus.id, { to: 'cancelled', date: day(0) }))).toMatchObject({ statusCode: 404 });
    const [row] = (await medium.owner.query('SELECT state FROM enrolment WHERE id = $1', [aarhus.id])) as { state: string }[];
    expect(row?.state).toBe('referred');
  });
});

describe('EnrolmentsService: consent before a young person’s treatment starts', () => {
  // Birth dates chosen by hand around the start day (day(-2)): the age counts from the birthday itself.
  const startDay = day(-2);
  const [sy, sm, sd] = startDay.split('-').map(Number) as [number, number, number];
  const bornYearsBeforeStart = (years: number, daysLater = 0): string => new Date(Date.UTC(sy - years, sm - 1, sd + daysLater)).toISOString().slice(0, 10);
  const referredToMove = async (birthDate: string) => {
    const citizen = await make.citizen('odense', { birthDate });
    return (await referral(citizen.id, { programmeId: DEMO_IDS.programmes.move, referralDate: day(-5), eligibilityOverride: 'Aldersgrænsen vurderet af koordinator' })) as { id: string };
  };
  const consent = (enrolmentId: string, kind: 'custodial-parent' | 'young-person', givenOn = day(-3)) =>
    medium.as(odenseStaff, () => youthConsents.create({ enrolmentId, kind, givenBy: kind === 'custodial-parent' ? 'Forælder Test' : null, givenOn }));

  it('asks a parent’s and the own consent of someone who turns 15 on the start day', async () => {
    const e = await referredToMove(bornYearsBeforeStart(15));
    expect(await refusal(move(e.id, { to: 'active', date: startDay }))).toMatchObject({
      statusCode: 422,
      code: 'YOUTH_CONSENT_MISSING',
      failures: [{ rule: 'consent-missing:custodial-parent' }, { rule: 'consent-missing:young-person' }],
    });
  });

  it('asks only a parent’s consent of someone who turns 15 the day after the start, and starts with it', async () => {
    const e = await referredToMove(bornYearsBeforeStart(15, 1));
    expect(await refusal(move(e.id, { to: 'active', date: startDay }))).toMatchObject({ failures: [{ rule: 'consent-missing:custodial-parent' }] });
    await consent(e.id, 'custodial-parent');
    await expect(move(e.id, { to: 'active', date: startDay })).resolves.toMatchObject({ state: 'active' });
  });

  it('asks nothing of someone who turns 18 on the start day', async () => {
    const e = await referredToMove(bornYearsBeforeStart(18));
    await expect(move(e.id, { to: 'active', date: startDay })).resolves.toMatchObject({ state: 'active' });
  });

  it('refuses the own consent dated before the 15th birthday, naming givenOn', async () => {
    const e = await referredToMove(bornYearsBeforeStart(15, 1));
    expect(await refusal(consent(e.id, 'young-person', startDay))).toMatchObject({ statusCode: 400, errors: { givenOn: expect.stringContaining('15th birthday') } });
  });
});
