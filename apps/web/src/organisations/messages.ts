import type { FeatureMessages } from '../i18n/feature-messages';

export const organisationMessages: FeatureMessages = {
  da: {
    app: {
      organisations: {
        municipalities_hint: 'De kommuner, organisationen samarbejder med; din egen kommune skal være med',
      },
    },
    resources: {
      organisations: {
        name: 'Organisation |||| Organisationer',
        forcedCaseName: 'organisation |||| organisationer',
        fields: {
          name: 'Navn',
          contactName: 'Kontaktperson',
          phone: 'Telefon',
          email: 'E-mail',
          municipalityIds: 'Samarbejdskommuner',
          q: 'Søg',
        },
      },
    },
  },
  en: {
    app: {
      organisations: {
        municipalities_hint: 'The municipalities the organisation works with; your own must be among them',
      },
    },
    resources: {
      organisations: {
        name: 'Organisation |||| Organisations',
        forcedCaseName: 'organisation |||| organisations',
        fields: {
          name: 'Name',
          contactName: 'Contact person',
          phone: 'Phone',
          email: 'E-mail',
          municipalityIds: 'Partner municipalities',
          q: 'Search',
        },
      },
    },
  },
};
