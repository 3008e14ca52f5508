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
          q: 'Search',
          createdAt: 'Created',
          updatedAt: 'Updated',
        },
      },
    },
  },
};
