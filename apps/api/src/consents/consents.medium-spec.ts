import { CitizensService } from '../citizens/citizens.service';
import { Factories } from '../testing/factories';
import { demoUser, mediumDatabase, refusal } from '../testing/medium';
import type { CreateConsentEntryDto } from './dto/consent.dto';
import { ConsentsService } from './consents.service';

const medium = mediumDatabase();
const make = new Factories(() => medium.owner, medium.crypto);
const consents = new ConsentsService(medium.db, new CitizensService(medium.db, medium.crypto));
const day = Factories.day;
const aarhusStaff = demoUser('aarhus', 'staff');
const odenseStaff = demoUser('odense', 'staff');

const record = (citizenId: string, input: Partial<CreateConsentEntryDto>, user = aarhusStaff) =>
  medium.as(user, () => consents.record(citizenId, { purpose: 'evaluation', event: 'given', onDate: day(0), basedOnEntry: 0, ...input } as CreateConsentEntryDto));

describe("ConsentsService: the parents' purpose and the age on the entry's date", () => {
  // Born 10 January 2008: 17 on 9 January 2026, 18 on 10 January 2026 (both in the past from here on).
  it('takes it the day before the 18th birthday and refuses it on the birthday, naming purpose', async () => {
    const citizen = await make.citizen('aarhus', { birthDate: '2008-01-10' });
    await expect(record(citizen.id, { purpose: 'parents', onDate: '2026-01-09' })).resolves.toMatchObject({ purposes: expect.arrayContaining([expect.objectContaining({ purpose: 'parents', state: 'given', applies: false })]) });
    const other = await make.citizen('aarhus', { birthDate: '2008-01-10' });
    expect(await refusal(record(other.id, { purpose: 'parents', onDate: '2026-01-10' }))).toMatchObject({
      statusCode: 400,
      errors: { purpose: 'purpose parents is only for a citizen under 18 on onDate (2026-01-10)' },
    });
  });

  it('refuses it for a citizen with no CPR number, whose age is unknown', async () => {
    const citizen = await make.citizen('aarhus', { anonymous: true });
    expect((await refusal(record(citizen.id, { purpose: 'parents' }))).errors?.['purpose']).toMatch(/birth date is unknown/);
  });
});

describe('ConsentsService: dates and states', () => {
  it('refuses a date before the citizen was born, and a withdrawal dated before the consent was given', async () => {
    const citizen = await make.citizen('aarhus', { birthDate: '1970-05-17' });
    expect((await refusal(record(citizen.id, { onDate: '1970-05-16' }))).errors).toEqual({ onDate: "onDate must not be before the citizen's birth (1970-05-17)" });
    await record(citizen.id, { onDate: day(-5) });
    expect((await refusal(record(citizen.id, { event: 'withdrawn', onDate: day(-6), basedOnEntry: 1 }))).errors).toEqual({ onDate: `onDate must not be before the latest entry's date (${day(-5)})` });
    await expect(record(citizen.id, { event: 'withdrawn', onDate: day(-5), basedOnEntry: 1 })).resolves.toMatchObject({ historyTotal: 2 });
  });

  it('lets a refused or withdrawn consent be given later, as a new entry, and keeps the earlier ones', async () => {
    const citizen = await make.citizen('aarhus');
    await record(citizen.id, { purpose: 'relatives', event: 'refused', onDate: day(-3) });
    const answer = await record(citizen.id, { purpose: 'relatives', event: 'given', onDate: day(-1), basedOnEntry: 1 });
    expect(answer.history.map((h) => [h.entry, h.event])).toEqual([[2, 'given'], [1, 'refused']]);
  });

  it("answers 404 for another municipality's citizen, through row-level security", async () => {
    const citizen = await make.citizen('aarhus');
    expect(await refusal(record(citizen.id, {}, odenseStaff))).toMatchObject({ statusCode: 404 });
    expect(await refusal(medium.as(odenseStaff, () => consents.consents(citizen.id)))).toMatchObject({ statusCode: 404 });
  });

  it("shows the municipality's rule for not asked", async () => {
    const citizen = await make.citizen('aarhus');
    await medium.owner.query(`UPDATE municipality SET consent_not_asked = 'excluded' WHERE id = $1`, [citizen.municipalityId]);
    await expect(medium.as(aarhusStaff, () => consents.consents(citizen.id))).resolves.toMatchObject({ notAskedRule: 'excluded', purposes: expect.arrayContaining([expect.objectContaining({ purpose: 'evaluation', state: 'not-asked' })]) });
  });
});
