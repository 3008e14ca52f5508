import type {
  AccessHistoryCitizen,
  AccessLogVerification,
  Citizen,
  Enrolment,
  EnrolmentState,
  FollowUpAttempt,
  Group,
  LikelyDuplicate,
  LikelyDuplicatesQuery,
  GroupMeeting,
  GroupMeetingAttendance,
  NoteHistory,
  TimelineEvent,
  YouthConsent,
  YouthConsentStatus,
  TreatmentSession,
} from '@outcomes/contracts';
import type { DataProvider } from 'react-admin';
import simpleRestProvider from 'ra-data-simple-rest';
import { createHttpClient } from './http-client';
import { DAY_FILTERED_FIELDS, dayFilter } from './day-filter';

/** The body of POST /api/enrolments/:id/transitions. */
export interface TransitionInput {
  to: EnrolmentState;
  date: string;
  reason?: string | null;
  eligibilityOverride?: string | null;
  version: number;
}

/** The body of POST /api/enrolments/:id/follow-up-attempts. */
export type FollowUpAttemptInput = Pick<FollowUpAttempt, 'timepoint' | 'date' | 'channel' | 'reached'>;

export interface AppDataProvider extends DataProvider {
  /** Walks the access log's hash chain (GET /api/access-log/verify). */
  verifyAccessLog(): Promise<AccessLogVerification>;
  /** Finds a citizen of the own municipality by CPR number, sent in a POST body (never a URL). */
  lookupCitizen(cpr: string): Promise<Citizen | null>;
  /** The admin's "who has seen this citizen": citizens by name or CPR number, in a POST body (never a URL); logged as a search. */
  lookupAccessHistoryCitizens(q: string): Promise<AccessHistoryCitizen[]>;
  /** Before registering a citizen without a CPR number: who may be the same person (POST body, never a URL). */
  likelyDuplicates(query: LikelyDuplicatesQuery): Promise<LikelyDuplicate[]>;
  /** Moves an enrolment to its next state; answers the updated enrolment. */
  transitionEnrolment(id: string, input: TransitionInput): Promise<Enrolment>;
  /** Adds an open enrolment to a course's cohort (POST /api/groups/:id/members). */
  addGroupMember(groupId: string, enrolmentId: string): Promise<Group>;
  /** Saves a meeting's whole attendance in one request (PUT /api/group-meetings/:id/attendance). */
  saveAttendance(meetingId: string, attendance: GroupMeetingAttendance[]): Promise<GroupMeeting>;
  /** Moves every outreach contact of an alias to a citizen. */
  linkAlias(alias: string, citizenId: string): Promise<{ citizenId: string; moved: number }>;
  /** A citizen's timeline, newest first (GET /api/citizens/:id/timeline). */
  citizenTimeline(citizenId: string): Promise<TimelineEvent[]>;
  /** Logs an attempt to reach the citizen for a follow-up assessment, reached or not. */
  addFollowUpAttempt(enrolmentId: string, attempt: FollowUpAttemptInput): Promise<FollowUpAttempt>;
  /** Whether the enrolment's citizen is under 18 on its start (or today), and the consents still missing. */
  youthConsentStatus(enrolmentId: string): Promise<YouthConsentStatus>;
  /** Withdraws a consent from a date (it is never edited or deleted). */
  withdrawYouthConsent(id: string, input: { withdrawnOn: string; version: number }): Promise<YouthConsent>;
  /** Every version of a session's note, oldest first (GET /api/sessions/:id/note-versions). */
  sessionNoteHistory(sessionId: string): Promise<NoteHistory>;
  /** Marks a session entered in error with a reason; it stays, marked (POST /api/sessions/:id/entered-in-error). */
  markSessionEnteredInError(sessionId: string, reason: string, version: number): Promise<TreatmentSession>;
}

const httpClient = createHttpClient();
const rest = simpleRestProvider('/api', httpClient);

const post = async <T>(url: string, body: unknown): Promise<T> =>
  (await httpClient(url, { method: 'POST', body: JSON.stringify(body) })).json as T;

export const dataProvider: AppDataProvider = {
  ...rest,
  getList: (resource, params) => {
    const dayFields = DAY_FILTERED_FIELDS[resource];
    return rest.getList(resource, dayFields ? { ...params, filter: dayFilter(params.filter as Record<string, unknown>, dayFields) } : params);
  },
  verifyAccessLog: async () => (await httpClient('/api/access-log/verify')).json as AccessLogVerification,
  lookupCitizen: async (cpr) => (await post<{ citizen: Citizen | null }>('/api/citizens/lookup', { cpr })).citizen,
  lookupAccessHistoryCitizens: async (q) => (await post<{ citizens: AccessHistoryCitizen[] }>('/api/citizens/access-history/lookup', { q })).citizens,
  likelyDuplicates: async (query) => (await post<{ citizens: LikelyDuplicate[] }>('/api/citizens/likely-duplicates', query)).citizens,
  transitionEnrolment: (id, input) => post<Enrolment>(`/api/enrolments/${encodeURIComponent(id)}/transitions`, input),
  addGroupMember: (groupId, enrolmentId) => post<Group>(`/api/groups/${encodeURIComponent(groupId)}/members`, { enrolmentId }),
  saveAttendance: async (meetingId, attendance) =>
    (
      await httpClient(`/api/group-meetings/${encodeURIComponent(meetingId)}/attendance`, {
        method: 'PUT',
        body: JSON.stringify({ attendance }),
      })
    ).json as GroupMeeting,
  linkAlias: (alias, citizenId) => post<{ citizenId: string; moved: number }>('/api/outreach-contacts/link', { alias, citizenId }),
  addFollowUpAttempt: (enrolmentId, attempt) => post<FollowUpAttempt>(`/api/enrolments/${encodeURIComponent(enrolmentId)}/follow-up-attempts`, attempt),
  youthConsentStatus: async (enrolmentId) => (await httpClient(`/api/youth-consents/status/${encodeURIComponent(enrolmentId)}`)).json as YouthConsentStatus,
  withdrawYouthConsent: (id, input) => post<YouthConsent>(`/api/youth-consents/${encodeURIComponent(id)}/withdrawal`, input),
  sessionNoteHistory: async (sessionId) => (await httpClient(`/api/sessions/${encodeURIComponent(sessionId)}/note-versions`)).json as NoteHistory,
  markSessionEnteredInError: (sessionId, reason, version) => post<TreatmentSession>(`/api/sessions/${encodeURIComponent(sessionId)}/entered-in-error`, { reason, version }),
  citizenTimeline: async (citizenId) => {
    const json = (await httpClient(`/api/citizens/${encodeURIComponent(citizenId)}/timeline`)).json as unknown;
    return (Array.isArray(json) ? json : ((json as { events?: TimelineEvent[] }).events ?? [])) as TimelineEvent[];
  },
};
