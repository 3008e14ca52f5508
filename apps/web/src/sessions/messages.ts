import type { FeatureMessages } from '../i18n/feature-messages';

/** Treatment sessions: what happened in each individual session. */
export const sessionMessages: FeatureMessages = {
  da: {
    resources: {
      sessions: {
        name: 'Samtale |||| Samtaler',
        forcedCaseName: 'samtale |||| samtaler',
        fields: {
          enrolmentId: 'Forløb',
          citizenId: 'Borger',
          startsAt: 'Tidspunkt',
          durationMinutes: 'Varighed (minutter)',
          staffUserId: 'Behandler',
          kind: 'Type',
          sessionNumber: 'Samtale nr.',
          attendance: 'Fremmøde',
          note: 'Notat',
          startsAt_gte: 'Fra dato',
          startsAt_lte: 'Til dato',
        },
        kinds: {
          'move-session': 'MOVE-samtale',
          'individual-session': 'Individuel samtale',
          'case-management-meeting': 'Case management-møde',
          'outreach-contact': 'Opsøgende kontakt',
          'network-meeting': 'Netværksmøde',
          'phone-contact': 'Telefonsamtale',
        },
        attendance: {
          attended: 'Mødt',
          'no-show': 'Udeblevet',
          cancelled: 'Aflyst',
        },
        number: 'nr. %{number}',
        minutes: '%{smart_count} min',
        duration_hint: 'Medarbejderens tid, i minutter',
        number_hint: 'Samtalens nummer i programmets protokol',
        note_hint: 'Krypteres og eksporteres aldrig',
      },
    },
  },
  en: {
    resources: {
      sessions: {
        name: 'Session |||| Sessions',
        forcedCaseName: 'session |||| sessions',
        fields: {
          enrolmentId: 'Enrolment',
          citizenId: 'Citizen',
          startsAt: 'Time',
          durationMinutes: 'Duration (minutes)',
          staffUserId: 'Practitioner',
          kind: 'Kind',
          sessionNumber: 'Session no.',
          attendance: 'Attendance',
          note: 'Note',
          startsAt_gte: 'From date',
          startsAt_lte: 'To date',
        },
        kinds: {
          'move-session': 'MOVE session',
          'individual-session': 'Individual session',
          'case-management-meeting': 'Case management meeting',
          'outreach-contact': 'Outreach contact',
          'network-meeting': 'Network meeting',
          'phone-contact': 'Phone call',
        },
        attendance: {
          attended: 'Attended',
          'no-show': 'No-show',
          cancelled: 'Cancelled',
        },
        number: 'no. %{number}',
        minutes: '%{smart_count} min',
        duration_hint: 'Staff time, in minutes',
        number_hint: 'The session’s number in the programme’s protocol',
        note_hint: 'Encrypted, and never exported',
      },
    },
  },
};
