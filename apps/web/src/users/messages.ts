import type { FeatureMessages } from '../i18n/feature-messages';

/** Users: an administrator's list and forms of the municipality's staff, coordinators, evaluators and admins. */
export const userMessages: FeatureMessages = {
  da: {
    resources: {
      users: {
        name: 'Bruger |||| Brugere',
        forcedCaseName: 'bruger |||| brugere',
        fields: {
          email: 'E-mail',
          displayName: 'Navn',
          role: 'Rolle',
          password: 'Adgangskode',
          active: 'Aktiv',
          lastLoginAt: 'Sidste login',
          failedLogins: 'Mislykkede login',
          lastFailedLoginAt: 'Sidste mislykkede login',
          municipalityId: 'Kommune',
          q: 'Søg',
          createdAt: 'Oprettet',
          updatedAt: 'Opdateret',
        },
      },
    },
    app: {
      users: {
        sessions_note: 'Deaktivering, en ny rolle eller en ny adgangskode logger straks brugeren ud alle steder.',
      },
    },
  },
  en: {
    resources: {
      users: {
        name: 'User |||| Users',
        forcedCaseName: 'user |||| users',
        fields: {
          email: 'Email',
          displayName: 'Name',
          role: 'Role',
          password: 'Password',
          active: 'Active',
          lastLoginAt: 'Last sign-in',
          failedLogins: 'Failed sign-ins',
          lastFailedLoginAt: 'Last failed sign-in',
          municipalityId: 'Municipality',
          q: 'Search',
          createdAt: 'Created',
          updatedAt: 'Updated',
        },
      },
    },
    app: {
      users: {
        sessions_note: 'Deactivating the user, changing the role or setting a new password signs the user out everywhere at once.',
      },
    },
  },
};
