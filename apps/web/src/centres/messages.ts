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
          kind: 'Behandlingsform',
          q: 'Søg',
          createdAt: 'Oprettet',
          updatedAt: 'Opdateret',
        },
      },
    },
    app: {
      centres: {
        kind_unknown: 'Ikke oplyst',
        kind_hint: 'Frit valg: en borger henvises kun til et sted af den behandlingsform, der er truffet afgørelse om',
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
          kind: 'Kind of treatment',
          q: 'Search',
          createdAt: 'Created',
          updatedAt: 'Updated',
        },
      },
    },
    app: {
      centres: {
        kind_unknown: 'Not recorded',
        kind_hint: 'Free choice: a citizen is referred only to a place of the kind of treatment decided',
      },
    },
  },
};
