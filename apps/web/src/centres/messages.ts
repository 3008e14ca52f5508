import type { FeatureMessages } from '../i18n/feature-messages';

/** Treatment centres: each municipality's places of treatment. */
export const centreMessages: FeatureMessages = {
  da: {
    resources: {
      centres: {
        name: 'Behandlingscenter |||| Behandlingscentre',
        forcedCaseName: 'behandlingscenter |||| behandlingscentre',
        fields: {
          municipalityId: 'Kommune',
          name: 'Navn',
          address: 'Adresse',
          phone: 'Telefon',
          email: 'E-mail',
          active: 'Aktiv',
          q: 'Søg',
          createdAt: 'Oprettet',
          updatedAt: 'Opdateret',
        },
      },
    },
  },
  en: {
    resources: {
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
    },
  },
};
