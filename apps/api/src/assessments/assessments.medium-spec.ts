import { sampleAsiItems } from '@outcomes/seeds';
import { Factories } from '../testing/factories';
import { demoUser, mediumDatabase, refusal } from '../testing/medium';
import { AssessmentsService } from './assessments.service';
import type { CreateAssessmentDto, UpdateAssessmentDto } from './dto/assessment.dto';

const medium = mediumDatabase();
const make = new Factories(() => medium.owner, medium.crypto);
const assessments = new AssessmentsService(medium.db);
const day = Factories.day;
const odenseStaff = demoUser('odense', 'staff');

const interview = (enrolmentId: string, input: Partial<CreateAssessmentDto> = {}) =>
  medium.as(odenseStaff, () => assessments.create({ enrolmentId, timepoint: 'intake', date: day(-1), items: sampleAsiItems(12, 2), ...input } as CreateAssessmentDto));

describe('AssessmentsService: the interview’s date', () => {
  it('refuses a date before the referral and takes the referral day itself', async () => {
    const e = await make.enrolment('odense', { referralDate: day(-30) });
    expect(await refusal(interview(e.id, { date: day(-31) }))).toMatchObject({ statusCode: 400, errors: { date: `date must not be before the referral (${day(-30)})` } });
    await expect(interview(e.id, { date: day(-30) })).resolves.toMatchObject({ date: day(-30), timepoint: 'intake' });
  });

  it('refuses tomorrow and takes today (the Danish date)', async () => {
    const e = await make.enrolment('odense');
    expect(await refusal(interview(e.id, { date: day(1) }))).toMatchObject({ statusCode: 400, errors: { date: 'date must not be in the future' } });
    await expect(interview(e.id, { date: day(0) })).resolves.toMatchObject({ date: day(0) });
  });
});

describe('AssessmentsService: scoring and history', () => {
  it('marks the seeds’ sample with no drug days as drug-free and the one with 12 as not', async () => {
    const clean = await make.enrolment('odense');
    const using = await make.enrolment('odense');
    await expect(interview(clean.id, { items: sampleAsiItems(0, 0) })).resolves.toMatchObject({ drugFree: true });
    await expect(interview(using.id, { items: sampleAsiItems(12, 2) })).resolves.toMatchObject({ drugFree: false });
  });

  it('refuses an item out of range, naming it as items.<code>, and stores nothing', async () => {
    const e = await make.enrolment('odense');
    const body = await refusal(interview(e.id, { items: { ...sampleAsiItems(12, 2), D10: 31 } }));
    expect(body).toMatchObject({ statusCode: 400, errors: { 'items.D10': expect.any(String) } });
    const [row] = (await medium.owner.query('SELECT count(*)::int AS n FROM assessment WHERE enrolment_id = $1', [e.id])) as { n: number }[];
    expect(row?.n).toBe(0);
  });

  it('keeps the version before an edit as a revision', async () => {
    const e = await make.enrolment('odense');
    const first = await make.assessment(e, 'intake', day(-5), { drugDays: 12, distress: 2 });
    const edited = await medium.as(odenseStaff, () => assessments.update(first.id, { version: 1, date: day(-4), items: sampleAsiItems(0, 0) } as UpdateAssessmentDto));
    expect(edited).toMatchObject({ version: 2, date: day(-4), drugFree: true });
    const revisions = (await medium.owner.query('SELECT version, assessed_on::text AS date, items->>\'D10\' AS d10 FROM assessment_revision WHERE assessment_id = $1', [first.id])) as unknown[];
    expect(revisions).toEqual([{ version: 1, date: day(-5), d10: '12' }]);
  });
});

describe('AssessmentsService: the follow-up schedule and the worklist', () => {
  it('shows a completed HCS course ended 100 days ago: intake done, end overdue, 3 months in its window, 6 months upcoming', async () => {
    const e = await make.enrolment('odense', { programme: 'hcs', state: 'completed', referralDate: day(-250), startDate: day(-240), endDate: day(-100) });
    await make.assessment(e, 'intake', day(-240));
    const { due } = await medium.as(odenseStaff, () => assessments.schedule(e.id));
    expect(due.map((d) => [d.timepoint, d.status])).toEqual([
      ['intake', 'done'],
      ['end', 'overdue'],
      ['follow-up-3', 'in-window'],
      ['follow-up-6', 'upcoming'],
    ]);
    expect(due[1]).toMatchObject({ dueDate: day(-100), windowEnd: day(-70) });
  });

  it('owes only the intake while the enrolment is active, and nothing once it is done', async () => {
    const e = await make.enrolment('odense', { programme: 'hcs', startDate: day(-10) });
    const before = await medium.as(odenseStaff, () => assessments.schedule(e.id));
    expect(before.due.map((d) => [d.timepoint, d.status])).toEqual([['intake', 'in-window'], ['end', 'not-applicable'], ['follow-up-3', 'not-applicable'], ['follow-up-6', 'not-applicable']]);
    await interview(e.id, { date: day(-9) });
    const worklist = await medium.as(odenseStaff, () => assessments.worklist({}));
    expect(worklist.rows.filter((r) => r.enrolmentId === e.id)).toEqual([]);
  });

  it('puts the municipality’s own due assessments on its worklist and never another municipality’s', async () => {
    const odense = await make.enrolment('odense', { startDate: day(-5) });
    await make.enrolment('aarhus', { startDate: day(-5) });
    const worklist = await medium.as(odenseStaff, () => assessments.worklist({}));
    expect(worklist.rows.map((r) => [r.enrolmentId, r.timepoint])).toEqual([[odense.id, 'intake']]);
  });

  it('refuses a follow-up attempt dated before the referral', async () => {
    const e = await make.enrolment('odense', { referralDate: day(-30) });
    const attempt = (date: string) => medium.as(odenseStaff, () => assessments.addAttempt(e.id, { timepoint: 'intake', date, channel: 'phone', reached: false }));
    expect(await refusal(attempt(day(-31)))).toMatchObject({ statusCode: 400, errors: { date: `date must not be before the referral (${day(-30)})` } });
    await expect(attempt(day(-30))).resolves.toMatchObject({ date: day(-30), reached: false });
  });
});
