import type { FeatureMessages } from '../i18n/feature-messages';

/** Municipalities: the list and form of the municipalities in the catalogue. */
export const municipalityMessages: FeatureMessages = {
  da: {
    resources: {
      municipalities: {
        name: 'Kommune |||| Kommuner',
        forcedCaseName: 'kommune |||| kommuner',
        fields: {
          code: 'Kommunenummer',
          name: 'Navn',
          hourlyRate: 'Timepris for personale (kr.)',
          // Emergency access (issue 22)
          emergencyAccessHours: 'Nødadgang varer (timer)',
          emergencyAccessHours_hint: 'Hvor længe en medarbejder i en anden kommune kan læse en af jeres borgeres journal ved nødadgang (1-72 timer)',
          q: 'Søg',
          createdAt: 'Oprettet',
          updatedAt: 'Opdateret',
        },
      },
    },
  },
  en: {
    resources: {
      municipalities: {
        name: 'Municipality |||| Municipalities',
        forcedCaseName: 'municipality |||| municipalities',
        fields: {
          code: 'Municipality number',
          name: 'Name',
          hourlyRate: 'Staff cost per hour (DKK)',
          // Emergency access (issue 22)
          emergencyAccessHours: 'Emergency access lasts (hours)',
          emergencyAccessHours_hint: "How long another municipality's staff member may read one of your citizens' records under emergency access (1-72 hours)",
          q: 'Search',
          createdAt: 'Created',
          updatedAt: 'Updated',
        },
      },
    },
  },
};
