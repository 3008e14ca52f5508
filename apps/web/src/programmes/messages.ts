import type { FeatureMessages } from '../i18n/feature-messages';

/** The programme catalogue: national and local programmes, their protocols and eligibility. */
export const programmeMessages: FeatureMessages = {
  da: {
    resources: {
      programmes: {
        name: 'Program |||| Programmer',
        forcedCaseName: 'program |||| programmer',
        fields: {
          code: 'Kode',
          name: 'Navn',
          description: 'Beskrivelse',
          format: 'Form',
          expectedSessions: 'Forventet antal sessioner',
          sessionMinutes: 'Sessionens længde (minutter)',
          courseWeeks: 'Forløbets længde (uger)',
          followUpMonths: 'Opfølgning (måneder)',
          followUpWindowDays: 'Opfølgningsvindue (± dage)',
          minAge: 'Minimumsalder',
          maxAge: 'Maksimumsalder',
          targetGroup: 'Målgruppe',
          active: 'Aktiv',
          q: 'Søg',
          createdAt: 'Oprettet',
          updatedAt: 'Opdateret',
        },
        formats: {
          'open-group': 'Åben gruppe',
          'closed-group': 'Lukket gruppeforløb',
          outreach: 'Opsøgende arbejde',
          individual: 'Individuel behandling',
          'case-management': 'Case management',
        },
        sections: {
          protocol: 'Protokol',
          eligibility: 'Målgruppe og alder',
        },
      },
    },
  },
  en: {
    resources: {
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
  },
};
