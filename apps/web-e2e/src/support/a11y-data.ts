import type { Assessment, CaseRequest, Citizen, Enrolment, ExportProject, TreatmentSession } from '@outcomes/contracts';
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
  /** The request the enrolment answers (linked after the enrolment was made), with a decision. */
  caseRequest: CaseRequest;
}

/**
 * The demo data holds no citizens (they are the staff's own work): one adult in an active HCS enrolment
 * at Odense, with a held session, an intake ASI, a treatment plan due for review in three days and the
 * request it answers (with a decision), so the citizen, enrolment, session, ASI and request pages and
 * the plan section have a record to show (a fresh CPR each time, so reruns against one database do not collide).
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
  await apiPost(
    `enrolments/${enrolment.id}/treatment-plan`,
    { goals: ['Stoppe med kokain', 'Komme i job'], actions: ['Ugentlig samtale'], expectedDurationWeeks: 16, otherActors: 'Jobcentret', madeWithCitizen: true, madeWithCitizenOn: daysFromToday(-50), reviewDate: daysFromToday(3) },
    ODENSE_STAFF,
  );
  const request = await apiPost<CaseRequest>('case-requests', { citizenId: citizen.id, requestedOn: daysFromToday(-62), channel: 'personal', assessment: { drugsAndAlcohol: 'Kokain i weekenderne' } }, ODENSE_STAFF);
  await apiPost(
    `case-requests/${request.id}/decisions`,
    { decidedOn: daysFromToday(-61), outcome: 'granted', programmeId: DEMO_IDS.programmes.hcs, centreId: DEMO_IDS.centres.odenseSyd, reasons: 'Afdækningen viser behov for behandling', legalBasis: 'Lov om social service (serviceloven) § 101.', complaintGuidance: 'Klage inden 4 uger' },
    ODENSE_STAFF,
  );
  // Started 7 days after the request: the guarantee kept, once the enrolment is linked to it.
  const linked = await apiPost<Enrolment>(`enrolments/${enrolment.id}/case-request`, { caseRequestId: request.id, version: enrolment.version }, ODENSE_STAFF);
  return { citizen, name: `${firstName} ${lastName}`, enrolment: linked, session, assessment, caseRequest: request };
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
