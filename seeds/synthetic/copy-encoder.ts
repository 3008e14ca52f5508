import { COMPOSITE_DOMAINS } from '@outcomes/contracts';
import { nameTokens, scoreAsi } from '@outcomes/domain';
import type { SyntheticRows, SyntheticTable } from './rows';

/**
 * What the API encrypts identifiers with. The loader is handed the API's own IdentifierCrypto
 * (apps/api/src/common/crypto), built from the API's configuration, so ciphertexts and keyed
 * hashes are exactly what the API writes and reads.
 */
export interface IdentifierEncryptor {
  encrypt(field: string, plain: string): string;
  encryptNullable(field: string, plain: string | null | undefined): string | null;
  blindIndex(kind: string, value: string): string;
}

type Field = string | number | boolean | null;

/** COPY's text format: backslash, tab, newline and carriage return escaped; \N is NULL. */
function field(value: Field): string {
  if (value === null) return '\\N';
  if (typeof value !== 'string') return String(value);
  return value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/** A PostgreSQL array literal of text, every element quoted. */
function textArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

/** What JSON can hold (no functions, symbols or toJSON()). */
type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/**
 * An object as JSON with its keys in the order `jsonb` keeps them: shorter keys first, then by their
 * bytes (here by UTF-16 code units, the same for ASCII keys such as the ASI's item codes;
 * a key outside ASCII may come out of order, which costs only the sort). PostgreSQL sorts
 * an object's keys as it parses it into `jsonb`, and its sort first checks whether they are in order
 * already: then it costs one comparison a key instead of a sort. COPYing 300,000 answer objects of
 * 65 keys took 4.0 s of PostgreSQL's CPU in this order against 5.5 s in the generator's (an
 * estimated 5 s of the national load's 104-121 s). Keys in any other order are stored the same, only sorted by
 * PostgreSQL.
 */
export function jsonbOrdered(value: Readonly<Record<string, JsonValue | undefined>>): string {
  // As JSON.stringify does, a key whose value is undefined is left out.
  const keys = Object.keys(value).filter((key) => value[key] !== undefined).sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  return `{${keys.map((key) => `${JSON.stringify(key)}:${JSON.stringify(value[key])}`).join(',')}}`;
}

interface TableCodec<T extends SyntheticTable> {
  columns: readonly string[];
  encode(row: SyntheticRows[T], crypto: IdentifierEncryptor): Field[];
}

/** Each table's COPY columns and how a generated row becomes them, identifiers encrypted as the API does. */
export const CODECS: { [T in SyntheticTable]: TableCodec<T> } = {
  citizen: {
    columns: ['id', 'created_at', 'updated_at', 'municipality_id', 'cpr_encrypted', 'cpr_hash', 'cpr_replacement', 'first_name_encrypted',
      'last_name_encrypted', 'name_tokens', 'birth_year', 'sex', 'phone_encrypted', 'address_encrypted'],
    encode: (r, c) => [r.id, r.createdAt, r.createdAt, r.municipalityId, c.encryptNullable('cpr', r.cpr), r.cpr ? c.blindIndex('cpr', r.cpr) : null,
      r.cprReplacement, c.encrypt('first_name', r.firstName), c.encrypt('last_name', r.lastName),
      textArray(nameTokens(r.firstName, r.lastName).map((t) => c.blindIndex('name', t))), r.birthYear, r.sex,
      c.encryptNullable('phone', r.phone), c.encryptNullable('address', r.address)],
  },
  citizen_consent: {
    columns: ['id', 'municipality_id', 'citizen_id', 'purpose', 'entry', 'event', 'on_date', 'recorded_by_user_id', 'recorded_at'],
    encode: (r) => [r.id, r.municipalityId, r.citizenId, r.purpose, r.entry, r.event, r.onDate, r.recordedByUserId, `${r.onDate} 09:30`],
  },
  enrolment: {
    columns: ['id', 'created_at', 'updated_at', 'municipality_id', 'citizen_id', 'programme_id', 'centre_id', 'staff_user_id', 'referral_date',
      'referral_source', 'start_date', 'end_date', 'end_reason', 'end_status', 'state', 'attestations'],
    encode: (r) => [r.id, `${r.referralDate} 10:00`, `${r.endDate ?? r.startDate ?? r.referralDate} 10:00`, r.municipalityId, r.citizenId, r.programmeId,
      r.centreId, r.staffUserId, r.referralDate, r.referralSource, r.startDate, r.endDate, r.endReason, r.endStatus, r.state, textArray(r.attestations)],
  },
  enrolment_transition: {
    columns: ['id', 'municipality_id', 'enrolment_id', 'from_state', 'to_state', 'on_date', 'reason', 'user_id', 'at'],
    encode: (r) => [r.id, r.municipalityId, r.enrolmentId, r.fromState, r.toState, r.onDate, r.reason, r.userId, `${r.onDate} 10:00`],
  },
  treatment_group: {
    columns: ['id', 'municipality_id', 'programme_id', 'centre_id', 'kind', 'name', 'start_date', 'start_time', 'place', 'weekday'],
    encode: (r) => [r.id, r.municipalityId, r.programmeId, r.centreId, r.kind, r.name, r.startDate, r.startTime, r.place, r.weekday],
  },
  group_member: {
    columns: ['group_id', 'enrolment_id', 'municipality_id'],
    encode: (r) => [r.groupId, r.enrolmentId, r.municipalityId],
  },
  group_meeting: {
    columns: ['id', 'municipality_id', 'group_id', 'number', 'starts_at', 'duration_minutes', 'status', 'anonymous_headcount'],
    encode: (r) => [r.id, r.municipalityId, r.groupId, r.number, r.startsAt, r.durationMinutes, r.status, r.anonymousHeadcount],
  },
  group_attendance: {
    columns: ['meeting_id', 'enrolment_id', 'municipality_id', 'status'],
    encode: (r) => [r.meetingId, r.enrolmentId, r.municipalityId, r.status],
  },
  treatment_session: {
    columns: ['id', 'municipality_id', 'enrolment_id', 'citizen_id', 'starts_at', 'duration_minutes', 'staff_user_id', 'kind', 'session_number',
      'attendance', 'note_encrypted'],
    encode: (r, c) => [r.id, r.municipalityId, r.enrolmentId, r.citizenId, r.startsAt, r.durationMinutes, r.staffUserId, r.kind, r.sessionNumber,
      r.attendance, c.encryptNullable('session_note', r.note)],
  },
  outreach_contact: {
    columns: ['id', 'municipality_id', 'contact_at', 'staff_user_id', 'place_type', 'duration_minutes', 'contact_type', 'citizen_id',
      'alias_encrypted', 'alias_hash', 'referred_programme_id', 'referral_started', 'referral_started_date'],
    encode: (r, c) => [r.id, r.municipalityId, r.contactAt, r.staffUserId, r.placeType, r.durationMinutes, r.contactType, r.citizenId,
      c.encryptNullable('outreach_alias', r.alias), r.alias ? c.blindIndex('alias', r.alias) : null, r.referredProgrammeId, r.referralStarted,
      r.referralStartedDate],
  },
  assessment: {
    columns: ['id', 'municipality_id', 'enrolment_id', 'citizen_id', 'timepoint', 'assessed_on', 'interviewer_user_id', 'items',
      ...COMPOSITE_DOMAINS, 'missing', 'drug_free'],
    encode: (r) => {
      // Scored exactly as the API's AssessmentsService does, so stored composites are the API's.
      const score = scoreAsi(r.items);
      const missing = Object.fromEntries(COMPOSITE_DOMAINS.filter((d) => score.composites[d].missing.length > 0).map((d) => [d, score.composites[d].missing]));
      return [r.id, r.municipalityId, r.enrolmentId, r.citizenId, r.timepoint, r.assessedOn, r.interviewerUserId, jsonbOrdered(r.items),
        ...COMPOSITE_DOMAINS.map((d) => score.composites[d].value), jsonbOrdered(missing), score.drugFree.value];
    },
  },
  follow_up_attempt: {
    columns: ['id', 'municipality_id', 'enrolment_id', 'timepoint', 'attempted_on', 'channel', 'reached', 'user_id', 'created_at'],
    encode: (r) => [r.id, r.municipalityId, r.enrolmentId, r.timepoint, r.attemptedOn, r.channel, r.reached, r.userId, `${r.attemptedOn} 12:00`],
  },
};

/** One COPY line (with its newline) for a row. */
export function copyLine<T extends SyntheticTable>(table: T, row: SyntheticRows[T], crypto: IdentifierEncryptor): string {
  return `${CODECS[table].encode(row, crypto).map(field).join('\t')}\n`;
}
