import type { Assessment, Citizen, Enrolment, ExportProject, TreatmentSession } from '@outcomes/contracts';
import { DEMO_IDS, demoEmail, sampleAsiItems } from '@outcomes/seeds';
import { apiPost } from './api';
import { danishDaysFromToday, danishMonthDay } from './dates';

export const ODENSE_STAFF = demoEmail('staff', 'odense');
export const ODENSE_EVALUATOR = demoEmail('evaluator', 'odense');

const letters = (n: number): string => Array.from({ length: n }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');

/** Today (the Danish date, as the API counts) moved by whole days. */
const daysFromToday = (days: number): string => danishDaysFromToday(days);

/** The first day of the (Danish) month `months` from this one (day 1), or the last day of the month before it (day 0). */
const monthDay = (months: number, day: 0 | 1): string => danishMonthDay(months, day);

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
const random = (below: number): number => Math.floor(Math.random() * below);

/**
 * A CPR number unlikely to be taken, even in a database the suite has run against before: an adult born
 * 1960-1989 (HCS's age range, and a 7th digit of 0-3 means the 1900s) with a random day and serial, so
 * about 40 million possibilities rather than a fixed birthday's thousand.
 */
export const freshCpr = (): string => `${pad(1 + random(28))}${pad(1 + random(12))}${pad(60 + random(30))}${random(4)}${pad(random(1000), 3)}`;

export interface CaseRecords {
  citizen: Citizen;
  name: string;
  enrolment: Enrolment;
  session: TreatmentSession;
  assessment: Assessment;
}

/**
 * The demo data holds no citizens (they are the staff's own work): one adult in an active HCS enrolment
 * at Odense, with a held session and an intake ASI, so the citizen, enrolment, session and ASI pages
 * have a record to show (a fresh CPR each time, so reruns against one database do not collide).
 */
export async function odenseCase(): Promise<CaseRecords> {
  const firstName = `Tg${letters(6)}`;
  const lastName = `Adgang${letters(5)}`;
  const citizen = await apiPost<Citizen>('citizens', { cpr: freshCpr(), firstName, lastName }, ODENSE_STAFF);
  const referralDate = daysFromToday(-60);
  const referred = await apiPost<Enrolment>(
    'enrolments',
    { citizenId: citizen.id, programmeId: DEMO_IDS.programmes.hcs, centreId: DEMO_IDS.centres.odenseSyd, referralDate },
    ODENSE_STAFF,
  );
  const enrolment = await apiPost<Enrolment>(`enrolments/${referred.id}/transitions`, { to: 'active', date: daysFromToday(-55), version: referred.version }, ODENSE_STAFF);
  const session = await apiPost<TreatmentSession>(
    'sessions',
    { enrolmentId: enrolment.id, startsAt: new Date(Date.now() - 3 * 86_400_000).toISOString(), durationMinutes: 45, kind: 'case-management-meeting', attendance: 'attended' },
    ODENSE_STAFF,
  );
  const assessment = await apiPost<Assessment>(
    'assessments',
    { enrolmentId: enrolment.id, timepoint: 'intake', date: daysFromToday(-55), items: sampleAsiItems(12, 2) },
    ODENSE_STAFF,
  );
  return { citizen, name: `${firstName} ${lastName}`, enrolment, session, assessment };
}

/** An export project of the Odense evaluator's (none is seeded). */
export async function odenseExportProject(): Promise<ExportProject> {
  return apiPost<ExportProject>(
    'export-projects',
    {
      name: `Tilgængelighed ${letters(5)}`,
      purpose: 'Evaluering af HCS-forløb',
      municipalityIds: [DEMO_IDS.municipalities.odense],
      programmeIds: [DEMO_IDS.programmes.hcs],
      periodFrom: monthDay(-12, 1),
      // Periods are whole calendar months: to the last day of last month.
      periodTo: monthDay(0, 0),
      k: 5,
    },
    ODENSE_EVALUATOR,
  );
}
