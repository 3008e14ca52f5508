import type { Enrolment, TreatmentSession } from '@outcomes/contracts';
import { timelineOf } from './timeline';

const enrolment = (id: string, referralDate: string, createdAt = `${referralDate}T08:00:00.000Z`) =>
  ({ id, referralDate, createdAt }) as Enrolment;
const session = (id: string, startsAt: string) => ({ id, startsAt, createdAt: startsAt }) as TreatmentSession;

describe('timelineOf', () => {
  it('puts enrolments and sessions in one list, newest first', () => {
    const entries = timelineOf(
      [enrolment('e1', '2026-01-10'), enrolment('e2', '2026-06-01')],
      [session('s1', '2026-02-01T09:00:00.000Z'), session('s2', '2026-06-01T10:00:00.000Z'), session('s3', '2026-07-01T10:00:00.000Z')],
    );
    expect(entries.map((e) => (e.type === 'enrolment' ? e.enrolment.id : e.session.id))).toEqual(['s3', 's2', 'e2', 's1', 'e1']);
  });

  it('orders two referrals of the same day by when they were registered', () => {
    const entries = timelineOf([enrolment('a', '2026-01-10', '2026-01-10T08:00:00Z'), enrolment('b', '2026-01-10', '2026-01-10T09:00:00Z')], []);
    expect(entries.map((e) => e.type === 'enrolment' && e.enrolment.id)).toEqual(['b', 'a']);
  });
});
