import { COMPOSITE_DOMAINS } from '@outcomes/contracts';
import { nameTokens, scoreAsi } from '@outcomes/domain';
import type { BinaryRowWriter, ColumnType, Field } from './copy-binary';
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
  /** The COPY's columns in order, each with the type its value is sent as (checked against the catalog before a load). */
  columns: Readonly<Record<string, ColumnType>>;
  encode(row: SyntheticRows[T], crypto: IdentifierEncryptor): Field[];
}

/** Each table's COPY columns and how a generated row becomes them, identifiers encrypted as the API does. */
export const CODECS: { [T in SyntheticTable]: TableCodec<T> } = {
  citizen: {
    columns: { id: 'uuid', created_at: 'timestamptz', updated_at: 'timestamptz', municipality_id: 'uuid', cpr_encrypted: 'text', cpr_hash: 'text', cpr_replacement: 'bool', first_name_encrypted: 'text', last_name_encrypted: 'text', name_tokens: 'text[]', birth_year: 'int4', sex: 'text', phone_encrypted: 'text', address_encrypted: 'text' },
    encode: (r, c) => [r.id, r.createdAt, r.createdAt, r.municipalityId, c.encryptNullable('cpr', r.cpr), r.cpr ? c.blindIndex('cpr', r.cpr) : null,
      r.cprReplacement, c.encrypt('first_name', r.firstName), c.encrypt('last_name', r.lastName),
      nameTokens(r.firstName, r.lastName).map((t) => c.blindIndex('name', t)), r.birthYear, r.sex,
      c.encryptNullable('phone', r.phone), c.encryptNullable('address', r.address)],
  },
  citizen_consent: {
    columns: { id: 'uuid', municipality_id: 'uuid', citizen_id: 'uuid', purpose: 'text', entry: 'int4', event: 'text', on_date: 'date', recorded_by_user_id: 'uuid', recorded_at: 'timestamptz' },
    encode: (r) => [r.id, r.municipalityId, r.citizenId, r.purpose, r.entry, r.event, r.onDate, r.recordedByUserId, `${r.onDate} 09:30`],
  },
  enrolment: {
    columns: { id: 'uuid', created_at: 'timestamptz', updated_at: 'timestamptz', municipality_id: 'uuid', citizen_id: 'uuid', programme_id: 'uuid', centre_id: 'uuid', staff_user_id: 'uuid', referral_date: 'date', referral_source: 'text', start_date: 'date', end_date: 'date', end_reason: 'text', end_status: 'text', state: 'text', attestations: 'text[]' },
    encode: (r) => [r.id, `${r.referralDate} 10:00`, `${r.endDate ?? r.startDate ?? r.referralDate} 10:00`, r.municipalityId, r.citizenId, r.programmeId,
      r.centreId, r.staffUserId, r.referralDate, r.referralSource, r.startDate, r.endDate, r.endReason, r.endStatus, r.state, r.attestations],
  },
  enrolment_transition: {
    columns: { id: 'uuid', municipality_id: 'uuid', enrolment_id: 'uuid', from_state: 'text', to_state: 'text', on_date: 'date', reason: 'text', user_id: 'uuid', at: 'timestamptz' },
    encode: (r) => [r.id, r.municipalityId, r.enrolmentId, r.fromState, r.toState, r.onDate, r.reason, r.userId, `${r.onDate} 10:00`],
  },
  treatment_group: {
    columns: { id: 'uuid', municipality_id: 'uuid', programme_id: 'uuid', centre_id: 'uuid', kind: 'text', name: 'text', start_date: 'date', start_time: 'text', place: 'text', weekday: 'int4' },
    encode: (r) => [r.id, r.municipalityId, r.programmeId, r.centreId, r.kind, r.name, r.startDate, r.startTime, r.place, r.weekday],
  },
  group_member: {
    columns: { group_id: 'uuid', enrolment_id: 'uuid', municipality_id: 'uuid' },
    encode: (r) => [r.groupId, r.enrolmentId, r.municipalityId],
  },
  group_meeting: {
    columns: { id: 'uuid', municipality_id: 'uuid', group_id: 'uuid', number: 'int4', starts_at: 'timestamptz', duration_minutes: 'int4', status: 'text', anonymous_headcount: 'int4' },
    encode: (r) => [r.id, r.municipalityId, r.groupId, r.number, r.startsAt, r.durationMinutes, r.status, r.anonymousHeadcount],
  },
  group_attendance: {
    columns: { meeting_id: 'uuid', enrolment_id: 'uuid', municipality_id: 'uuid', status: 'text' },
    encode: (r) => [r.meetingId, r.enrolmentId, r.municipalityId, r.status],
  },
  treatment_session: {
    columns: { id: 'uuid', municipality_id: 'uuid', enrolment_id: 'uuid', citizen_id: 'uuid', starts_at: 'timestamptz', duration_minutes: 'int4', staff_user_id: 'uuid', kind: 'text', session_number: 'int4', attendance: 'text', note_encrypted: 'text' },
    encode: (r, c) => [r.id, r.municipalityId, r.enrolmentId, r.citizenId, r.startsAt, r.durationMinutes, r.staffUserId, r.kind, r.sessionNumber,
      r.attendance, c.encryptNullable('session_note', r.note)],
  },
  outreach_contact: {
    columns: { id: 'uuid', municipality_id: 'uuid', contact_at: 'timestamptz', staff_user_id: 'uuid', place_type: 'text', duration_minutes: 'int4', contact_type: 'text', citizen_id: 'uuid', alias_encrypted: 'text', alias_hash: 'text', referred_programme_id: 'uuid', referral_started: 'bool', referral_started_date: 'date' },
    encode: (r, c) => [r.id, r.municipalityId, r.contactAt, r.staffUserId, r.placeType, r.durationMinutes, r.contactType, r.citizenId,
      c.encryptNullable('outreach_alias', r.alias), r.alias ? c.blindIndex('alias', r.alias) : null, r.referredProgrammeId, r.referralStarted,
      r.referralStartedDate],
  },
  assessment: {
    columns: { id: 'uuid', municipality_id: 'uuid', enrolment_id: 'uuid', citizen_id: 'uuid', timepoint: 'text', assessed_on: 'date', interviewer_user_id: 'uuid', items: 'jsonb',
      ...Object.fromEntries(COMPOSITE_DOMAINS.map((d) => [d, 'float8' as const])), missing: 'jsonb', drug_free: 'bool' },
    encode: (r) => {
      // Scored exactly as the API's AssessmentsService does, so stored composites are the API's.
      const score = scoreAsi(r.items);
      const missing = Object.fromEntries(COMPOSITE_DOMAINS.filter((d) => score.composites[d].missing.length > 0).map((d) => [d, score.composites[d].missing]));
      return [r.id, r.municipalityId, r.enrolmentId, r.citizenId, r.timepoint, r.assessedOn, r.interviewerUserId, jsonbOrdered(r.items),
        ...COMPOSITE_DOMAINS.map((d) => score.composites[d].value), jsonbOrdered(missing), score.drugFree.value];
    },
  },
  follow_up_attempt: {
    columns: { id: 'uuid', municipality_id: 'uuid', enrolment_id: 'uuid', timepoint: 'text', attempted_on: 'date', channel: 'text', reached: 'bool', user_id: 'uuid', created_at: 'timestamptz' },
    encode: (r) => [r.id, r.municipalityId, r.enrolmentId, r.timepoint, r.attemptedOn, r.channel, r.reached, r.userId, `${r.attemptedOn} 12:00`],
  },
};

/** A table's COPY columns, in order. */
export function columnNames(table: SyntheticTable): string[] {
  return Object.keys(CODECS[table].columns);
}

const TYPES = Object.fromEntries(Object.entries(CODECS).map(([table, codec]) => [table, Object.values(codec.columns)])) as Record<SyntheticTable, ColumnType[]>;

/** Writes one generated row, identifiers encrypted, in COPY's binary format. */
export function writeRow<T extends SyntheticTable>(writer: BinaryRowWriter, table: T, row: SyntheticRows[T], crypto: IdentifierEncryptor): void {
  writer.row(TYPES[table], CODECS[table].encode(row, crypto));
}
