import { Factories } from '../testing/factories';
import { demoUser, mediumDatabase, refusal } from '../testing/medium';
import type { CreateSessionDto } from './dto/session.dto';
import type { AppConfig } from '../config/config';
import { NoteVersions } from '../notes/note-versions.service';
import { SessionsService } from './sessions.service';

const medium = mediumDatabase();
const make = new Factories(() => medium.owner, medium.crypto);
// Only the typo window of the configuration is read by the note versions (NOTE_TYPO_WINDOW_MINUTES's default).
const notes = new NoteVersions(medium.db, medium.crypto, { noteTypoWindowMinutes: 15 } as AppConfig);
const sessions = new SessionsService(medium.db, medium.crypto, notes);
const odenseStaff = demoUser('odense', 'staff');

/** 10:00 UTC on the Danish date `days` from today: 11:00 or 12:00 in Denmark, the same Danish day. */
const at = (days: number): string => `${Factories.day(days)}T10:00:00.000Z`;
const log = (enrolmentId: string, input: Partial<CreateSessionDto> = {}) =>
  medium.as(odenseStaff, () => sessions.create({ enrolmentId, startsAt: at(-1), durationMinutes: 60, kind: 'individual', attendance: 'attended', ...input } as CreateSessionDto));

describe('SessionsService: when a session may be logged', () => {
  it('refuses a session on a referred enrolment (422): sessions belong to active ones', async () => {
    const e = await make.enrolment('odense', { state: 'referred' });
    expect(await refusal(log(e.id))).toMatchObject({ statusCode: 422, errors: { enrolmentId: 'the enrolment is referred, not active' } });
  });

  it('refuses a session before the enrolment started and takes one on its first day', async () => {
    const e = await make.enrolment('odense', { referralDate: Factories.day(-30), startDate: Factories.day(-20) });
    expect(await refusal(log(e.id, { startsAt: at(-21) }))).toMatchObject({ statusCode: 400, errors: { startsAt: `startsAt must not be before the enrolment started (${Factories.day(-20)})` } });
    await expect(log(e.id, { startsAt: at(-20) })).resolves.toMatchObject({ attendance: 'attended' });
  });

  it('refuses an attended session in the future but takes a cancelled one', async () => {
    const e = await make.enrolment('odense');
    expect(await refusal(log(e.id, { startsAt: at(2) }))).toMatchObject({ statusCode: 400, errors: { startsAt: expect.stringContaining('future') } });
    await expect(log(e.id, { startsAt: at(2), attendance: 'cancelled' })).resolves.toMatchObject({ attendance: 'cancelled' });
  });

  it('takes session number 16 of HCS and refuses 17', async () => {
    const e = await make.enrolment('odense', { programme: 'hcs' });
    expect(await refusal(log(e.id, { sessionNumber: 17 }))).toMatchObject({ statusCode: 400, errors: { sessionNumber: 'sessionNumber must be between 1 and 16 for HCS' } });
    await expect(log(e.id, { sessionNumber: 16 })).resolves.toMatchObject({ sessionNumber: 16 });
  });
});

describe('SessionsService: one session a Danish day', () => {
  it('asks before a second session on the same day (409) and logs it when confirmed', async () => {
    const e = await make.enrolment('odense');
    await make.session(e, 'attended', 1);
    expect(await refusal(log(e.id, { startsAt: `${Factories.day(-1)}T14:00:00.000Z` }))).toMatchObject({ statusCode: 409, code: 'DUPLICATE_DATE' });
    await expect(log(e.id, { startsAt: `${Factories.day(-1)}T14:00:00.000Z`, confirmDuplicate: true })).resolves.toMatchObject({ attendance: 'attended' });
  });

  it('does not count a cancelled session as the day’s session', async () => {
    const e = await make.enrolment('odense');
    await make.session(e, 'cancelled', 1);
    await expect(log(e.id)).resolves.toMatchObject({ attendance: 'attended' });
  });

  it('takes the Danish day, not the UTC day: 23:30 UTC in winter is the next Danish day', async () => {
    const e = await make.enrolment('odense', { startDate: '2025-12-01', referralDate: '2025-11-20' });
    // 2025-12-10 23:30 UTC is 2025-12-11 00:30 in Copenhagen (UTC+1): a different day from 2025-12-10 10:00 UTC.
    await log(e.id, { startsAt: '2025-12-10T10:00:00.000Z' });
    await expect(log(e.id, { startsAt: '2025-12-10T23:30:00.000Z' })).resolves.toMatchObject({ attendance: 'attended' });
    expect(await refusal(log(e.id, { startsAt: '2025-12-10T22:30:00.000Z' }))).toMatchObject({ statusCode: 409, code: 'DUPLICATE_DATE' });
  });
});

describe('SessionsService: another municipality’s records', () => {
  it('refuses to log a session on an Aarhus enrolment from Odense, naming enrolmentId, and writes nothing', async () => {
    const aarhus = await make.enrolment('aarhus');
    expect(await refusal(log(aarhus.id))).toMatchObject({ statusCode: 400, errors: { enrolmentId: expect.any(String) } });
    const [row] = (await medium.owner.query('SELECT count(*)::int AS n FROM treatment_session WHERE enrolment_id = $1', [aarhus.id])) as { n: number }[];
    expect(row?.n).toBe(0);
  });

  it('reads the note it encrypted, and the row holds no clear text', async () => {
    const e = await make.enrolment('odense');
    const saved = await log(e.id, { note: 'Talte om søvn og arbejde' });
    expect(saved.note).toBe('Talte om søvn og arbejde');
    const [row] = (await medium.owner.query('SELECT note_encrypted FROM treatment_session WHERE id = $1', [saved.id])) as { note_encrypted: string }[];
    expect(row?.note_encrypted).toMatch(/^v1:/);
    expect(row?.note_encrypted).not.toContain('søvn');
  });
});
