import { DEFAULT_COMPLAINT_GUIDANCE, DEFAULT_LEGAL_BASIS } from '@outcomes/contracts';
import type { TreatmentPlanContent } from '@outcomes/contracts';
import { addDays, danishToday, nameTokens, parseCpr } from '@outcomes/domain';
import type { IdentifierEncryptor } from '../synthetic/copy-encoder';
import { DEMO_IDS } from './demo-ids';

type Municipality = 'odense' | 'aarhus';
type Runner = (sql: string, params: unknown[]) => Promise<unknown>;

/** A fixed demo id of the case records: `00000000-0000-4000-80<kind>-<municipality code><n>` (kinds 20-26, apart from demo-work's). */
const demoId = (kind: string, code: string, n: number) => `00000000-0000-4000-80${kind}-${code}${String(n).padStart(9, '0')}`;

const CODE: Record<Municipality, string> = { odense: '461', aarhus: '751' };
const CENTRE: Record<Municipality, string> = { odense: DEMO_IDS.centres.odenseSyd, aarhus: DEMO_IDS.centres.aarhusCentrum };

/**
 * One demo citizen's legal case record, in days from the seeding day. The CPR numbers are fictitious:
 * born on the 30th or 31st in the 1950s (no test's random CPR falls on those days) and failing the
 * modulus-11 check (a warning only), which every synthetic number born before October 2007 passes, so
 * none collides with the synthetic demo cases; the last digit gives the sex (odd: a man).
 */
interface CaseRecord {
  key: 'within' | 'overdue' | 'decided' | 'planReview';
  cpr: string;
  firstName: string;
  lastName: string;
  /** The request: days from today, channel, the afdækning's words on drugs and alcohol. */
  requestedDays: number;
  channel: string;
  drugs: string;
  /** An ICM enrolment answering the request: referred and (if given) started, in days from today. */
  enrolment?: { referredDays: number; startedDays: number | null };
  decision?: { decidedDays: number; reasons: string };
  /** A treatment plan on the (started) enrolment, its review in days from today. */
  plan?: { reviewDays: number; madeDays: number };
}

const RECORDS: Record<Municipality, CaseRecord[]> = {
  odense: [
    // Requested 4 days ago, not started: the guarantee runs (10 days left).
    { key: 'within', cpr: '3001551231', firstName: 'Anders', lastName: 'Demodal', requestedDays: -4, channel: 'phone', drugs: 'Daglig brug af hash' },
    // Requested 20 days ago, never started: 6 days overdue, reason missing.
    { key: 'overdue', cpr: '3103552342', firstName: 'Birthe', lastName: 'Demoholm', requestedDays: -20, channel: 'personal', drugs: 'Kokain i weekenderne' },
    // Requested 30 days ago, granted 28 days ago, started 24 days ago (6 days after: kept), plan review in 3 days.
    {
      key: 'decided', cpr: '3005553453', firstName: 'Carsten', lastName: 'Demobæk', requestedDays: -30, channel: 'written', drugs: 'Amfetamin og alkohol',
      enrolment: { referredDays: -27, startedDays: -24 }, decision: { decidedDays: -28, reasons: 'Afdækningen viser behov for intensiv støtte; borgeren ønsker ICM.' },
      plan: { reviewDays: 3, madeDays: -24 },
    },
  ],
  aarhus: [
    { key: 'within', cpr: '3107561561', firstName: 'Daniel', lastName: 'Demolund', requestedDays: -2, channel: 'digital', drugs: 'Opioider efter en operation' },
    { key: 'overdue', cpr: '3008561672', firstName: 'Ellen', lastName: 'Demoskov', requestedDays: -17, channel: 'via-treatment-place', drugs: 'Hash og alkohol' },
    {
      key: 'decided', cpr: '3010562783', firstName: 'Frederik', lastName: 'Demovang', requestedDays: -40, channel: 'personal', drugs: 'Kokain dagligt',
      enrolment: { referredDays: -38, startedDays: -35 }, decision: { decidedDays: -39, reasons: 'Borgeren har behov for behandling; ICM bevilges.' },
      // The review is 2 days overdue: red on the worklist.
      plan: { reviewDays: -2, madeDays: -35 },
    },
  ],
};

/**
 * The legal case record in the demo (issue 21), dated from the seeding day so it never goes stale:
 * per demo municipality a request within the guarantee, one overdue without a start, and one with a
 * written decision, a started ICM enrolment and a treatment plan whose review is due (Odense in 3 days,
 * Aarhus 2 days overdue). Identifiers and words encrypted as the API does; fixed ids and ON CONFLICT
 * DO NOTHING, so a second run adds nothing. For `npm start`'s demo cases only (the test stacks seed
 * no citizens). Returns the number of rows offered.
 */
export async function seedDemoCaseRecords(run: Runner, crypto: IdentifierEncryptor, today: string = danishToday()): Promise<number> {
  let rows = 0;
  for (const municipality of ['odense', 'aarhus'] as const) {
    const municipalityId = DEMO_IDS.municipalities[municipality];
    const staff = DEMO_IDS.users[municipality].staff;
    const code = CODE[municipality];
    for (const [i, record] of RECORDS[municipality].entries()) {
      const parsed = parseCpr(record.cpr, today);
      if (!parsed.valid) throw new Error(`demo case ${municipality} ${record.key}: ${parsed.rule}`);
      const citizenId = demoId('20', code, i + 1);
      await run(
        `INSERT INTO citizen (id, municipality_id, cpr_encrypted, cpr_hash, cpr_replacement, first_name_encrypted, last_name_encrypted, name_tokens, birth_year, sex)
         VALUES ($1, $2, $3, $4, false, $5, $6, $7::text[], $8, $9) ON CONFLICT DO NOTHING`,
        [citizenId, municipalityId, crypto.encrypt('cpr', parsed.info.digits), crypto.blindIndex('cpr', parsed.info.digits), crypto.encrypt('first_name', record.firstName),
          crypto.encrypt('last_name', record.lastName), nameTokens(record.firstName, record.lastName).map((t) => crypto.blindIndex('name', t)), parsed.info.birthYear, parsed.info.sex],
      );
      const requestId = demoId('21', code, i + 1);
      const requestedOn = addDays(today, record.requestedDays);
      const assessment = { drugsAndAlcohol: record.drugs, socialSituation: null, health: null, workOrEducation: null, housing: null, otherHelp: null };
      await run(
        `INSERT INTO case_request (id, municipality_id, citizen_id, requested_on, channel, received_by_centre_id, assessment_encrypted, status, joined_requests, created_by_user_id)
         VALUES ($1, $2, $3, $4, $5, NULL, $6, 'open', '[]'::jsonb, $7) ON CONFLICT DO NOTHING`,
        [requestId, municipalityId, citizenId, requestedOn, record.channel, crypto.encrypt('case_request_assessment', JSON.stringify(assessment)), staff],
      );
      rows += 2;
      if (record.decision) {
        await run(
          `INSERT INTO case_decision (id, municipality_id, case_request_id, citizen_id, decided_on, outcome, programme_id, centre_id, reasons_encrypted, legal_basis, complaint_guidance, supersedes_id, decided_by_user_id)
           VALUES ($1, $2, $3, $4, $5, 'granted', $6, $7, $8, $9, $10, NULL, $11) ON CONFLICT DO NOTHING`,
          [demoId('22', code, i + 1), municipalityId, requestId, citizenId, addDays(today, record.decision.decidedDays), DEMO_IDS.programmes.icm, CENTRE[municipality],
            crypto.encrypt('case_decision_reasons', record.decision.reasons), DEFAULT_LEGAL_BASIS, DEFAULT_COMPLAINT_GUIDANCE, staff],
        );
        rows++;
      }
      if (!record.enrolment) continue;
      const enrolmentId = demoId('23', code, i + 1);
      const referralDate = addDays(today, record.enrolment.referredDays);
      const startDate = record.enrolment.startedDays === null ? null : addDays(today, record.enrolment.startedDays);
      await run(
        `INSERT INTO enrolment (id, municipality_id, citizen_id, programme_id, centre_id, staff_user_id, referral_date, start_date, state, attestations, case_request_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, '{}'::text[], $10) ON CONFLICT DO NOTHING`,
        [enrolmentId, municipalityId, citizenId, DEMO_IDS.programmes.icm, CENTRE[municipality], staff, referralDate, startDate, startDate ? 'active' : 'referred', requestId],
      );
      await run(
        `INSERT INTO enrolment_transition (id, municipality_id, enrolment_id, from_state, to_state, on_date, reason, user_id) VALUES ($1, $2, $3, NULL, 'referred', $4, NULL, $5) ON CONFLICT DO NOTHING`,
        [demoId('24', code, i * 2 + 1), municipalityId, enrolmentId, referralDate, staff],
      );
      rows += 2;
      if (startDate) {
        await run(
          `INSERT INTO enrolment_transition (id, municipality_id, enrolment_id, from_state, to_state, on_date, reason, user_id) VALUES ($1, $2, $3, 'referred', 'active', $4, NULL, $5) ON CONFLICT DO NOTHING`,
          [demoId('24', code, i * 2 + 2), municipalityId, enrolmentId, startDate, staff],
        );
        rows++;
      }
      if (!record.plan || !startDate) continue;
      const madeOn = addDays(today, record.plan.madeDays);
      const content: TreatmentPlanContent = {
        goals: ['Stoppe forbruget', 'Komme i arbejde eller uddannelse'],
        actions: ['Ugentlig samtale', 'Kontakt til jobcentret'],
        expectedDurationWeeks: 16,
        citizenResources: 'Støttende familie',
        otherActors: 'Jobcentret: afklaring af praktik',
        responsible: 'Behandleren holder samtalerne; borgeren møder op',
        madeWithCitizen: true,
        madeWithCitizenOn: madeOn,
        reviewDate: addDays(today, record.plan.reviewDays),
        revisionReason: null,
      };
      await run(
        `INSERT INTO treatment_plan_revision (id, municipality_id, enrolment_id, citizen_id, revision, content_encrypted, review_date, made_with_citizen, made_with_citizen_on, revised_by, revised_at)
         VALUES ($1, $2, $3, $4, 1, $5, $6, true, $7, $8, ($7::date + '10:00'::time) AT TIME ZONE 'Europe/Copenhagen') ON CONFLICT DO NOTHING`,
        [demoId('25', code, i + 1), municipalityId, enrolmentId, citizenId, crypto.encrypt('treatment_plan_content', JSON.stringify(content)), content.reviewDate, madeOn, staff],
      );
      rows++;
    }
  }
  return rows;
}
