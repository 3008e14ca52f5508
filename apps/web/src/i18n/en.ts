import type { TranslationMessages } from 'react-admin';
import englishMessages from 'ra-language-english';

/** react-admin's English messages plus this application's own keys; da.ts mirrors every key. */
export const en: TranslationMessages = {
  ...englishMessages,
  app: {
    title: 'Drug treatment · Outcome registry',
    notification: {
      version_conflict:
        'Someone else changed this record while you were editing it. Reload the page to see their changes, then make yours again.',
      still_referenced: 'This record is still in use by other records and cannot be deleted.',
      database_unavailable: 'The database is not available right now. Please try again in a moment.',
      too_many_requests: 'Too many requests. Please wait a moment and try again.',
    },
    validation: {
      municipality_code: 'Must be the three-digit municipality number, e.g. 101',
      whole_number: 'Must be a whole number',
      follow_up_months: 'Write whole months separated by commas, e.g. 3, 6',
      follow_up_months_increasing: 'The months must be in increasing order',
      max_age_below_min_age: 'Must be greater than or equal to the minimum age',
      course_weeks_required: 'Required for a closed group course',
      course_weeks_not_applicable: 'Only applies to a closed group course; leave it empty',
      expected_sessions_below_course_weeks: 'Must cover at least one meeting a week of the course',
    },
    helper: {
      follow_up_months: 'Months after the end of the programme, separated by commas, e.g. 3, 6',
      follow_up_window_days: 'Days either side of the follow-up date within which an assessment counts',
    },
  },
  resources: {
    municipalities: {
      name: 'Municipality |||| Municipalities',
      forcedCaseName: 'municipality |||| municipalities',
      fields: {
        code: 'Municipality number',
        name: 'Name',
        q: 'Search',
        createdAt: 'Created',
        updatedAt: 'Updated',
      },
    },
    centres: {
      name: 'Treatment centre |||| Treatment centres',
      forcedCaseName: 'treatment centre |||| treatment centres',
      fields: {
        municipalityId: 'Municipality',
        name: 'Name',
        address: 'Address',
        phone: 'Phone',
        email: 'Email',
        active: 'Active',
        q: 'Search',
        createdAt: 'Created',
        updatedAt: 'Updated',
      },
    },
    programmes: {
      name: 'Programme |||| Programmes',
      forcedCaseName: 'programme |||| programmes',
      fields: {
        code: 'Code',
        name: 'Name',
        description: 'Description',
        format: 'Format',
        expectedSessions: 'Expected sessions',
        sessionMinutes: 'Session length (minutes)',
        courseWeeks: 'Course length (weeks)',
        followUpMonths: 'Follow-up (months)',
        followUpWindowDays: 'Follow-up window (± days)',
        minAge: 'Minimum age',
        maxAge: 'Maximum age',
        targetGroup: 'Target group',
        active: 'Active',
        q: 'Search',
        createdAt: 'Created',
        updatedAt: 'Updated',
      },
      formats: {
        'open-group': 'Open group',
        'closed-group': 'Closed group course',
        outreach: 'Outreach',
        individual: 'Individual',
        'case-management': 'Case management',
      },
      sections: {
        protocol: 'Protocol',
        eligibility: 'Eligibility',
      },
    },
  },
};
