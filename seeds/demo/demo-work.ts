import { addDays, danishToday, isoWeekday } from '@outcomes/domain';
import type { IdentifierEncryptor } from '../synthetic/copy-encoder';
import { DEMO_IDS } from './demo-ids';

type Municipality = 'odense' | 'aarhus';
type Runner = (sql: string, params: unknown[]) => Promise<unknown>;
type VolunteerKey = keyof (typeof DEMO_IDS.volunteers)['odense'];

/** The latest day before `today` that falls on `weekday`: the group's last meeting day that has surely passed. */
export function lastWeekdayBefore(today: string, weekday: number): string {
  const back = ((isoWeekday(today) - weekday + 6) % 7) + 1;
  return addDays(today, -back);
}

/** A fixed demo id: `00000000-0000-4000-80<kind>-<municipality code><n>`. */
const demoId = (kind: string, code: string, n: number) => `00000000-0000-4000-80${kind}-${code}${String(n).padStart(9, '0')}`;

const CODE: Record<Municipality, string> = { odense: '461', aarhus: '751' };
const CENTRE: Record<Municipality, string> = { odense: DEMO_IDS.centres.odenseSyd, aarhus: DEMO_IDS.centres.aarhusCentrum };

const NAMES: Record<Municipality, Record<VolunteerKey, [string, string]>> = {
  odense: { dueSoon: ['Anne', 'Holm'], dueLater: ['Bo', 'Kjær'], lapsed: ['Camilla', 'Lund'], trained: ['Dennis', 'Friis'], untrained: ['Eva', 'Mortensen'], paused: ['Frank', 'Bach'] },
  aarhus: { dueSoon: ['Gitte', 'Dahl'], dueLater: ['Henrik', 'Juul'], lapsed: ['Ida', 'Skov'], trained: ['Jonas', 'Berg'], untrained: ['Karen', 'Vinther'], paused: ['Lars', 'Brandt'] },
};

/** SMART facilitator training: completed and renewal, in days from the seeding day. */
const SMART_TRAINING: Partial<Record<VolunteerKey, { completed: number; renews: number }>> = {
  dueSoon: { completed: -700, renews: 20 },
  dueLater: { completed: -680, renews: 45 },
  lapsed: { completed: -740, renews: -10 },
  trained: { completed: -120, renews: 610 },
  paused: { completed: -500, renews: 230 },
};

const ORGANISATIONS = [
  { id: DEMO_IDS.organisations.odense, name: 'Frivilligcenter Odense', contactName: 'Kontaktperson Odense', phone: '+45 00 00 00 11', email: 'odense@frivillig.demo.invalid', municipalityIds: [DEMO_IDS.municipalities.odense] },
  { id: DEMO_IDS.organisations.aarhus, name: 'Frivillignet Aarhus', contactName: 'Kontaktperson Aarhus', phone: '+45 00 00 00 12', email: 'aarhus@frivillig.demo.invalid', municipalityIds: [DEMO_IDS.municipalities.aarhus] },
  { id: DEMO_IDS.organisations.shared, name: 'SMART Recovery Danmark (demo)', contactName: null, phone: null, email: 'smart@frivillig.demo.invalid', municipalityIds: [DEMO_IDS.municipalities.odense, DEMO_IDS.municipalities.aarhus] },
];

interface StandingGroup {
  key: 'smartTuesday' | 'smartThursday';
  name: string;
  weekday: number;
  startTime: string;
  place: string;
  /** Weeks back from the latest passed slot that have a logged meeting (0 = the latest). */
  loggedWeeks: number[];
  facilitators: { volunteer: VolunteerKey; role: 'facilitator' | 'co-facilitator' }[];
}

const STANDING: StandingGroup[] = [
  // The latest Tuesday is left unlogged: the meeting form suggests it.
  { key: 'smartTuesday', name: 'SMART Recovery, tirsdag', weekday: 2, startTime: '17:00', place: 'Mødelokale 1', loggedWeeks: [1, 2, 3, 4, 5, 6, 7, 8], facilitators: [{ volunteer: 'dueSoon', role: 'facilitator' }, { volunteer: 'trained', role: 'co-facilitator' }] },
  { key: 'smartThursday', name: 'SMART Recovery, torsdag', weekday: 4, startTime: '18:30', place: 'Caféen', loggedWeeks: [0, 1, 2, 3], facilitators: [{ volunteer: 'lapsed', role: 'facilitator' }] },
];

const HEADCOUNTS = [7, 5, 8, 6, 9, 4, 7, 6, 5];
const SMART_MINUTES = 90;
const HCS_MINUTES = 150;
const HCS_WEEKS = 16;
/** The course started this many weeks before the seeding day: its first meetings have passed, the rest are planned. */
const HCS_WEEKS_AGO = 5;
const UNTRAINED_REASON = 'Facilitatorens SMART-uddannelse er udløbet; fornyelse er aftalt med foreningen.';

/**
 * The coordinator's demo day, dated from the day it is seeded (Danish calendar) so it never goes
 * stale: organisations, volunteers with trainings (two due for renewal within the warning period,
 * one lapsed), SMART groups with facilitators and logged weekly meetings (anonymous headcounts,
 * facilitator minutes), and an HCS course with its sixteen weekly meetings. Names are encrypted
 * as the API does. Returns the number of rows offered.
 */
export async function seedDemoWork(run: Runner, crypto: IdentifierEncryptor, today: string = danishToday()): Promise<number> {
  let rows = 0;
  for (const o of ORGANISATIONS) {
    await run(
      `INSERT INTO organisation (id, name, contact_name, phone, email, municipality_ids) VALUES ($1, $2, $3, $4, $5, $6::uuid[]) ON CONFLICT DO NOTHING`,
      [o.id, o.name, o.contactName, o.phone, o.email, o.municipalityIds],
    );
    rows++;
  }
  for (const municipality of ['odense', 'aarhus'] as const) rows += await seedMunicipality(run, crypto, today, municipality);
  return rows;
}

async function seedMunicipality(run: Runner, crypto: IdentifierEncryptor, today: string, municipality: Municipality): Promise<number> {
  const municipalityId = DEMO_IDS.municipalities[municipality];
  const code = CODE[municipality];
  const volunteers = DEMO_IDS.volunteers[municipality];
  let rows = 0;
  const keys = Object.keys(volunteers) as VolunteerKey[];
  for (const [i, key] of keys.entries()) {
    const [first, last] = NAMES[municipality][key];
    const organisationId = i % 2 === 0 ? DEMO_IDS.organisations[municipality] : DEMO_IDS.organisations.shared;
    await run(
      `INSERT INTO volunteer (id, municipality_id, organisation_id, first_name_encrypted, last_name_encrypted, phone_encrypted, email_encrypted, status, criminal_record_checked_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
      [volunteers[key], municipalityId, organisationId, crypto.encrypt('volunteer_first_name', first), crypto.encrypt('volunteer_last_name', last),
        crypto.encrypt('volunteer_phone', `+45 00 00 1${i} ${code.slice(0, 2)}`), crypto.encrypt('volunteer_email', `${first.toLowerCase()}@frivillig.demo.invalid`),
        key === 'paused' ? 'paused' : 'active', key === 'untrained' ? null : addDays(today, -800 + i * 30)],
    );
    rows++;
    const smart = SMART_TRAINING[key];
    if (smart) {
      await run(
        `INSERT INTO training (id, municipality_id, volunteer_id, kind, title, completed_on, trainer, certificate_ref, renews_on)
         VALUES ($1, $2, $3, 'smart-facilitator', 'SMART Recovery facilitatoruddannelse', $4, 'SMART Recovery Danmark', $5, $6) ON CONFLICT DO NOTHING`,
        [demoId('05', code, i * 2 + 1), municipalityId, volunteers[key], addDays(today, smart.completed), `SMART-${code}-${i + 1}`, addDays(today, smart.renews)],
      );
      rows++;
    }
    if (key === 'trained' || key === 'untrained') {
      await run(
        `INSERT INTO training (id, municipality_id, volunteer_id, kind, title, completed_on, trainer, certificate_ref, renews_on)
         VALUES ($1, $2, $3, 'other', 'Førstehjælp og samtaleteknik', $4, 'Frivilligcentret', NULL, NULL) ON CONFLICT DO NOTHING`,
        [demoId('05', code, i * 2 + 2), municipalityId, volunteers[key], addDays(today, -200 + i)],
      );
      rows++;
    }
  }

  const groups = DEMO_IDS.groups[municipality];
  for (const [g, group] of STANDING.entries()) {
    const groupId = groups[group.key];
    await run(
      `INSERT INTO treatment_group (id, municipality_id, programme_id, centre_id, kind, name, start_date, start_time, place, weekday)
       VALUES ($1, $2, $3, $4, 'standing', $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
      [groupId, municipalityId, DEMO_IDS.programmes.smart, CENTRE[municipality], group.name, addDays(today, -400), group.startTime, group.place, group.weekday],
    );
    rows++;
    for (const [f, facilitator] of group.facilitators.entries()) {
      await run(
        `INSERT INTO facilitation (id, municipality_id, group_id, volunteer_id, role, from_date, to_date) VALUES ($1, $2, $3, $4, $5, $6, NULL) ON CONFLICT DO NOTHING`,
        [demoId('06', code, g * 10 + f), municipalityId, groupId, volunteers[facilitator.volunteer], facilitator.role, addDays(today, -400)],
      );
      rows++;
    }
    const latest = lastWeekdayBefore(today, group.weekday);
    for (const week of group.loggedWeeks) {
      const day = addDays(latest, -7 * week);
      const meetingId = demoId('04', code, g * 100 + week);
      const trained = group.facilitators.some((f) => {
        const t = SMART_TRAINING[f.volunteer];
        return t !== undefined && addDays(today, t.completed) <= day && addDays(today, t.renews) >= day;
      });
      await run(
        `INSERT INTO group_meeting (id, municipality_id, group_id, number, starts_at, duration_minutes, status, anonymous_headcount, untrained_reason)
         VALUES ($1, $2, $3, NULL, ($4::date + $5::time) AT TIME ZONE 'Europe/Copenhagen', $6, 'held', $7, $8) ON CONFLICT DO NOTHING`,
        [meetingId, municipalityId, groupId, day, group.startTime, SMART_MINUTES, HEADCOUNTS[week % HEADCOUNTS.length], trained ? null : UNTRAINED_REASON],
      );
      rows++;
      for (const facilitator of group.facilitators) {
        await run(
          `INSERT INTO meeting_facilitator (meeting_id, volunteer_id, municipality_id, minutes) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
          [meetingId, volunteers[facilitator.volunteer], municipalityId, SMART_MINUTES],
        );
        rows++;
      }
    }
  }

  // The HCS course: sixteen weekly meetings from its start day, the first ones held.
  const start = addDays(lastWeekdayBefore(today, 3), -7 * (HCS_WEEKS_AGO - 1));
  await run(
    `INSERT INTO treatment_group (id, municipality_id, programme_id, centre_id, kind, name, start_date, start_time, place, weekday)
     VALUES ($1, $2, $3, $4, 'course', $5, $6, '13:00', 'Undervisningslokalet', NULL) ON CONFLICT DO NOTHING`,
    [groups.hcsCourse, municipalityId, DEMO_IDS.programmes.hcs, CENTRE[municipality], 'HCS-forløb (demo)', start],
  );
  rows++;
  for (let number = 1; number <= HCS_WEEKS; number++) {
    const day = addDays(start, 7 * (number - 1));
    await run(
      `INSERT INTO group_meeting (id, municipality_id, group_id, number, starts_at, duration_minutes, status, anonymous_headcount)
       VALUES ($1, $2, $3, $4, ($5::date + '13:00'::time) AT TIME ZONE 'Europe/Copenhagen', $6, 'planned', NULL) ON CONFLICT DO NOTHING`,
      [demoId('04', code, 900 + number), municipalityId, groups.hcsCourse, number, day, HCS_MINUTES],
    );
    rows++;
  }
  return rows;
}
