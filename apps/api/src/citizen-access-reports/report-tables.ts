import type { AccessReportLabel } from '@outcomes/contracts';
import type { CitizenDataTable } from '../database/citizen-data-tables';

/** How an encrypted column is read: its encryption context (the field name the value was sealed with), and whether the clear text is JSON. */
export interface EncryptedColumn {
  /** The column's name without `_encrypted` is what the report calls it. */
  context: string | ((row: Record<string, unknown>) => string);
  json?: boolean;
}

export interface ReportTable {
  label: AccessReportLabel;
  /** The order the citizen reads the rows in (columns of the table, from this list only, never input). */
  orderBy: string;
  encrypted?: Record<string, EncryptedColumn>;
  /** Columns naming a staff member who wrote or changed the record: shown by name (decision 95). */
  staff?: readonly string[];
}

/** A note's text is sealed with its record's own column context (notes/note-versions.service.ts: NoteRef.cryptoField). */
const NOTE_CONTEXT: Record<string, string> = { session: 'session_note' };

/**
 * Every table of database/citizen-data-tables.ts, as the report shows it. A `Record` over the list: a
 * table added there is a compile error here until it says how its rows are labelled and decrypted, so
 * the citizen's report can never silently leave a table out.
 */
export const REPORT_TABLES: Record<CitizenDataTable, ReportTable> = {
  citizen: {
    label: { da: 'Stamdata', en: 'Personal details' },
    orderBy: 'created_at',
    encrypted: {
      cpr_encrypted: { context: 'cpr' },
      first_name_encrypted: { context: 'first_name' },
      last_name_encrypted: { context: 'last_name' },
      phone_encrypted: { context: 'phone' },
      email_encrypted: { context: 'email' },
      address_encrypted: { context: 'address' },
    },
  },
  case_request: {
    label: { da: 'Henvendelser om behandling', en: 'Requests for treatment' },
    orderBy: 'requested_on, created_at',
    encrypted: { assessment_encrypted: { context: 'case_request_assessment', json: true }, missed_reason_encrypted: { context: 'case_request_missed_reason' } },
    staff: ['created_by_user_id'],
  },
  case_decision: {
    label: { da: 'Afgørelser', en: 'Decisions' },
    orderBy: 'decided_on, created_at',
    encrypted: { reasons_encrypted: { context: 'case_decision_reasons' } },
    staff: ['decided_by_user_id'],
  },
  enrolment: {
    label: { da: 'Behandlingsforløb', en: 'Treatment courses' },
    orderBy: 'referral_date, created_at',
    staff: ['staff_user_id'],
  },
  enrolment_transition: {
    label: { da: 'Forløbets skift', en: 'Course changes' },
    orderBy: 'at',
    staff: ['user_id'],
  },
  follow_up_attempt: {
    label: { da: 'Forsøg på opfølgning', en: 'Follow-up attempts' },
    orderBy: 'attempted_on, created_at',
    staff: ['user_id'],
  },
  group_member: {
    label: { da: 'Gruppemedlemskaber', en: 'Group memberships' },
    orderBy: 'group_id',
  },
  group_attendance: {
    label: { da: 'Fremmøde i grupper', en: 'Group attendance' },
    orderBy: 'meeting_id',
  },
  treatment_session: {
    label: { da: 'Samtaler og behandlinger', en: 'Sessions' },
    orderBy: 'starts_at',
    encrypted: { note_encrypted: { context: 'session_note' } },
    staff: ['staff_user_id', 'entered_in_error_by'],
  },
  treatment_plan_revision: {
    label: { da: 'Behandlingsplaner (hver udgave)', en: 'Treatment plans (every revision)' },
    orderBy: 'enrolment_id, revision',
    encrypted: { content_encrypted: { context: 'treatment_plan_content', json: true } },
    staff: ['revised_by'],
  },
  note_version: {
    label: { da: 'Notater (hver udgave)', en: 'Notes (every version)' },
    orderBy: 'record_id, written_at',
    encrypted: {
      text_encrypted: {
        context: (row) => {
          const context = NOTE_CONTEXT[String(row['record_kind'])];
          if (!context) throw new Error(`note_version of an unknown record kind: ${String(row['record_kind'])}`);
          return context;
        },
      },
    },
    staff: ['written_by'],
  },
  assessment: {
    label: { da: 'Udredninger (ASI)', en: 'Assessments (ASI)' },
    orderBy: 'assessed_on, created_at',
    staff: ['interviewer_user_id'],
  },
  assessment_revision: {
    label: { da: 'Udredningernes tidligere udgaver', en: 'Earlier versions of assessments' },
    orderBy: 'assessment_id, version',
    staff: ['revised_by'],
  },
  outreach_contact: {
    label: { da: 'Opsøgende kontakter', en: 'Outreach contacts' },
    orderBy: 'contact_at',
    encrypted: { alias_encrypted: { context: 'outreach_alias' } },
    staff: ['staff_user_id'],
  },
  youth_consent: {
    label: { da: 'Samtykker (under 18 år)', en: 'Consents (under 18)' },
    orderBy: 'given_on, created_at',
    encrypted: { given_by_encrypted: { context: 'consent_given_by' } },
    staff: ['recorded_by_user_id'],
  },
  citizen_consent: {
    label: { da: 'Samtykker efter formål', en: 'Consents by purpose' },
    orderBy: 'purpose, entry',
    staff: ['recorded_by_user_id'],
  },
  citizen_merge: {
    label: { da: 'Sammenlægninger af journaler', en: 'Merged records' },
    orderBy: 'merged_at',
    encrypted: { reason_encrypted: { context: 'merge_reason' }, undo_reason_encrypted: { context: 'merge_reason' } },
    staff: ['merged_by_user_id', 'undone_by_user_id'],
  },
  referral: {
    label: { da: 'Henvisninger (frit valg)', en: 'Referrals (free choice)' },
    orderBy: 'referred_on, created_at',
    encrypted: { identity_encrypted: { context: 'referral_identity', json: true }, message_encrypted: { context: 'referral_message' }, reason_encrypted: { context: 'referral_reason' } },
    staff: ['created_by_user_id'],
  },
  // Openings of the record by another municipality's staff (break-the-glass): when, from which
  // municipality and why, never who (decision 95: the look-ups are told without staff; LEFT_OUT_COLUMNS).
  emergency_access: {
    label: { da: 'Nødadgange fra andre kommuner', en: 'Emergency access from other municipalities' },
    orderBy: 'opened_at',
  },
  // Moves (issue 22): the hand-overs of the citizen to a new municipality (who answered is a user of that municipality, named by id as on a referral).
  handover: {
    label: { da: 'Overdragelser til anden kommune', en: 'Hand-overs to another municipality' },
    orderBy: 'created_at',
    encrypted: { identity_encrypted: { context: 'handover_identity', json: true }, message_encrypted: { context: 'handover_message' }, reason_encrypted: { context: 'handover_reason' } },
    staff: ['created_by_user_id'],
  },
  legal_hold: {
    label: { da: 'Retslige tilbageholdelser (sletning stoppet)', en: 'Legal holds (erasure stopped)' },
    orderBy: 'created_at',
    staff: ['placed_by_user_id', 'lifted_by_user_id'],
  },
};

/**
 * Columns never in the report: keyed hashes made for look-ups (`cpr_hash`, `name_tokens`, `alias_hash`)
 * say nothing the decrypted value beside them does not, and cannot be read by anyone without the key;
 * `municipality_id` is the report's own header. Who opened the record under emergency access, and who
 * reviewed that, are staff of a look-up: the report tells when and why, not who (decision 95).
 */
export const LEFT_OUT_COLUMNS: ReadonlySet<string> = new Set(['cpr_hash', 'name_tokens', 'alias_hash', 'municipality_id', 'accessor_user_id', 'accessor_name', 'reviewed_by_user_id']);

/** Danish and English words for the columns; a column not here is shown by its own name. */
export const COLUMN_LABELS: Record<string, AccessReportLabel> = {
  id: { da: 'Id', en: 'Id' },
  version: { da: 'Version', en: 'Version' },
  createdAt: { da: 'Oprettet', en: 'Created' },
  updatedAt: { da: 'Senest ændret', en: 'Last changed' },
  cpr: { da: 'CPR-nummer', en: 'CPR number' },
  cprReplacement: { da: 'Erstatnings-CPR', en: 'Replacement CPR' },
  firstName: { da: 'Fornavn', en: 'First name' },
  lastName: { da: 'Efternavn', en: 'Last name' },
  birthYear: { da: 'Fødselsår', en: 'Birth year' },
  sex: { da: 'Køn', en: 'Sex' },
  phone: { da: 'Telefon', en: 'Phone' },
  email: { da: 'E-mail', en: 'E-mail' },
  address: { da: 'Adresse', en: 'Address' },
  preferredLanguage: { da: 'Foretrukket sprog', en: 'Preferred language' },
  evaluationConsent: { da: 'Samtykke til evaluering', en: 'Evaluation consent' },
  evaluationConsentDate: { da: 'Samtykkets dato', en: 'Consent date' },
  citizenId: { da: 'Borger-id', en: 'Citizen id' },
  enrolmentId: { da: 'Forløbs-id', en: 'Course id' },
  caseRequestId: { da: 'Henvendelses-id', en: 'Request id' },
  requestedOn: { da: 'Henvendt', en: 'Requested on' },
  channel: { da: 'Kanal', en: 'Channel' },
  receivedByCentreId: { da: 'Modtaget af behandlingssted', en: 'Received by centre' },
  assessment: { da: 'Afdækning', en: 'Assessment' },
  status: { da: 'Status', en: 'Status' },
  closedOn: { da: 'Lukket', en: 'Closed on' },
  waiverOn: { da: 'Fravalg af garanti', en: 'Guarantee waived on' },
  missedReason: { da: 'Grund til overskredet frist', en: 'Reason the deadline was missed' },
  doctorConversationOn: { da: 'Lægesamtale', en: "Doctor's conversation" },
  joinedRequests: { da: 'Sammenlagte henvendelser', en: 'Joined requests' },
  createdByUserId: { da: 'Oprettet af', en: 'Created by' },
  courseKind: { da: 'Forløbstype', en: 'Course kind' },
  decidedOn: { da: 'Afgjort', en: 'Decided on' },
  outcome: { da: 'Resultat', en: 'Outcome' },
  programmeId: { da: 'Tilbud', en: 'Programme' },
  centreId: { da: 'Behandlingssted', en: 'Centre' },
  reasons: { da: 'Begrundelse', en: 'Reasons' },
  legalBasis: { da: 'Lovgrundlag', en: 'Legal basis' },
  complaintGuidance: { da: 'Klagevejledning', en: 'Complaint guidance' },
  supersedesId: { da: 'Erstatter afgørelse', en: 'Supersedes decision' },
  decidedByUserId: { da: 'Truffet af', en: 'Decided by' },
  staffUserId: { da: 'Behandler', en: 'Staff member' },
  referralDate: { da: 'Henvist', en: 'Referred on' },
  referralSource: { da: 'Henvist af', en: 'Referral source' },
  startDate: { da: 'Startdato', en: 'Start date' },
  endDate: { da: 'Slutdato', en: 'End date' },
  endReason: { da: 'Grund til afslutning', en: 'End reason' },
  endStatus: { da: 'Status ved afslutning', en: 'Status at end' },
  state: { da: 'Tilstand', en: 'State' },
  attestations: { da: 'Bekræftelser', en: 'Attestations' },
  eligibilityOverride: { da: 'Undtagelse fra optagelseskrav', en: 'Eligibility override' },
  recordKey: { da: 'Registreringsnøgle', en: 'Record key' },
  fromState: { da: 'Fra', en: 'From' },
  toState: { da: 'Til', en: 'To' },
  onDate: { da: 'Dato', en: 'Date' },
  reason: { da: 'Begrundelse', en: 'Reason' },
  userId: { da: 'Udført af', en: 'Done by' },
  at: { da: 'Tidspunkt', en: 'Time' },
  timepoint: { da: 'Tidspunkt i forløbet', en: 'Timepoint' },
  attemptedOn: { da: 'Forsøgt', en: 'Attempted on' },
  reached: { da: 'Fik kontakt', en: 'Reached' },
  groupId: { da: 'Gruppe', en: 'Group' },
  meetingId: { da: 'Gruppemøde', en: 'Group meeting' },
  startsAt: { da: 'Tidspunkt', en: 'Starts at' },
  durationMinutes: { da: 'Varighed (minutter)', en: 'Duration (minutes)' },
  kind: { da: 'Art', en: 'Kind' },
  sessionNumber: { da: 'Nummer', en: 'Number' },
  attendance: { da: 'Fremmøde', en: 'Attendance' },
  note: { da: 'Notat', en: 'Note' },
  enteredInErrorAt: { da: 'Markeret som fejlregistreret', en: 'Marked entered in error' },
  enteredInErrorBy: { da: 'Markeret af', en: 'Marked by' },
  enteredInErrorReason: { da: 'Grund til fejlmarkering', en: 'Reason for the error mark' },
  revision: { da: 'Udgave', en: 'Revision' },
  content: { da: 'Indhold', en: 'Content' },
  reviewDate: { da: 'Opfølgningsdato', en: 'Review date' },
  madeWithCitizen: { da: 'Lavet sammen med borgeren', en: 'Made with the citizen' },
  madeWithCitizenOn: { da: 'Lavet med borgeren den', en: 'Made with the citizen on' },
  revisedBy: { da: 'Ændret af', en: 'Revised by' },
  revisedAt: { da: 'Ændret', en: 'Revised at' },
  recordKind: { da: 'Hører til', en: 'Belongs to' },
  recordId: { da: 'Hører til id', en: 'Belongs to id' },
  field: { da: 'Felt', en: 'Field' },
  text: { da: 'Tekst', en: 'Text' },
  writtenBy: { da: 'Skrevet af', en: 'Written by' },
  writtenAt: { da: 'Skrevet', en: 'Written at' },
  instrument: { da: 'Redskab', en: 'Instrument' },
  instrumentVersion: { da: 'Redskabets version', en: 'Instrument version' },
  assessedOn: { da: 'Udredt', en: 'Assessed on' },
  interviewerUserId: { da: 'Interviewer', en: 'Interviewer' },
  items: { da: 'Svar', en: 'Answers' },
  composites: { da: 'Sammenfattende scorer', en: 'Composite scores' },
  medical: { da: 'Helbred (score)', en: 'Medical (score)' },
  employment: { da: 'Beskæftigelse (score)', en: 'Employment (score)' },
  alcohol: { da: 'Alkohol (score)', en: 'Alcohol (score)' },
  drug: { da: 'Stoffer (score)', en: 'Drugs (score)' },
  legal: { da: 'Kriminalitet (score)', en: 'Legal (score)' },
  family: { da: 'Familie (score)', en: 'Family (score)' },
  psychiatric: { da: 'Psykisk helbred (score)', en: 'Psychiatric (score)' },
  missing: { da: 'Manglende svar', en: 'Missing answers' },
  drugFree: { da: 'Stoffri', en: 'Drug-free' },
  assessmentId: { da: 'Udrednings-id', en: 'Assessment id' },
  contactAt: { da: 'Tidspunkt', en: 'Time' },
  placeType: { da: 'Sted', en: 'Place' },
  contactType: { da: 'Kontaktform', en: 'Contact type' },
  alias: { da: 'Kaldenavn', en: 'Alias' },
  referredProgrammeId: { da: 'Henvist til tilbud', en: 'Referred to programme' },
  referralStarted: { da: 'Henvisning påbegyndt', en: 'Referral started' },
  referralStartedDate: { da: 'Henvisning påbegyndt den', en: 'Referral started on' },
  givenBy: { da: 'Givet af', en: 'Given by' },
  givenOn: { da: 'Givet', en: 'Given on' },
  recordedByUserId: { da: 'Registreret af', en: 'Recorded by' },
  withdrawnOn: { da: 'Trukket tilbage', en: 'Withdrawn on' },
  // Free choice of an approved private provider (decision 105): the provider and the outcome it reported.
  providerId: { da: 'Privat behandlingssted', en: 'Private provider' },
  outcomeEndDate: { da: 'Afsluttet hos stedet', en: 'Ended at the provider' },
  outcomeEndStatus: { da: 'Status ved afslutning hos stedet', en: 'Status at the end at the provider' },
};
