import { courseMeetings } from './course-schedule';

describe('courseMeetings', () => {
  it('plans one meeting a week for the protocol’s weeks, numbered from 1', () => {
    const sut = courseMeetings('2026-01-05', '17:00', 16);
    expect(sut).toHaveLength(16);
    expect(sut[0]).toEqual({ number: 1, date: '2026-01-05', time: '17:00' });
    expect(sut[15]).toEqual({ number: 16, date: '2026-04-20', time: '17:00' });
  });

  it('keeps the weekday across month ends and the spring clock change', () => {
    const days = courseMeetings('2026-03-16', '18:30', 4).map((m) => new Date(`${m.date}T12:00:00Z`).getUTCDay());
    expect(new Set(days)).toEqual(new Set([1]));
  });
});
