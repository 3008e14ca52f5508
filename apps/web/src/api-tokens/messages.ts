import type { FeatureMessages } from '../i18n/feature-messages';

export const apiTokenMessages: FeatureMessages = {
  en: {
    resources: {
      'api-tokens': {
        name: 'API token |||| API tokens',
        forcedCaseName: 'API token |||| API tokens',
        fields: {
          purpose: 'Purpose',
          userDisplayName: 'User',
          prefix: 'Starts with',
          createdAt: 'Made',
          expiresAt: 'Expires',
          lastUsedAt: 'Last used',
          state: 'State',
          expiresInDays: 'Valid for (days)',
          scope: 'May',
        },
      },
    },
    app: {
      api_tokens: {
        intro:
          'A personal API token lets a script (R, Python) call the API as you, within the permissions you choose, until it expires or is revoked. Every call is in the access log under your name, marked as made with the token. It ends if your role changes or your account is deactivated.',
        purpose_hint: 'What the token is for, e.g. "Monthly export to R"',
        expires_hint: 'At most a year, or your municipality’s limit',
        scope_hint: 'Choose only what the script needs',
        shown_title: 'Your new API token',
        shown_warning: 'Copy the token now and keep it like a password. It is shown this once and cannot be shown again; if it is lost, revoke it and make a new one.',
        copy: 'Copy',
        copied: 'Copied',
        done: 'I have copied it',
        revoke: 'Revoke',
        revoke_title: 'Revoke the token "%{purpose}"?',
        revoke_content: 'Scripts using it are refused at once. The token stays on record as revoked.',
        revoked: 'The token is revoked',
        state: { active: 'Active', expired: 'Expired', revoked: 'Revoked', 'role-changed': 'Ended: role changed', deactivated: 'Ended: user deactivated', 'password-changed': 'Ended: new password' },
        actions: { list: 'list and search', read: 'read', create: 'create', update: 'change', delete: 'delete' },
        // Resources without a screen of their own, so without a name elsewhere.
        resource_names: { worklist: 'Worklist', 'export-jobs': 'Export runs (start, follow, download)', 'legal-holds': 'Legal holds' },
      },
    },
  },
  da: {
    resources: {
      'api-tokens': {
        name: 'API-nøgle |||| API-nøgler',
        forcedCaseName: 'API-nøgle |||| API-nøgler',
        fields: {
          purpose: 'Formål',
          userDisplayName: 'Bruger',
          prefix: 'Begynder med',
          createdAt: 'Oprettet',
          expiresAt: 'Udløber',
          lastUsedAt: 'Sidst brugt',
          state: 'Status',
          expiresInDays: 'Gælder i (dage)',
          scope: 'Må',
        },
      },
    },
    app: {
      api_tokens: {
        intro:
          'En personlig API-nøgle lader et script (R, Python) kalde API’et som dig, med de rettigheder du vælger, indtil den udløber eller tilbagekaldes. Hvert kald står i adgangsloggen under dit navn, markeret som foretaget med nøglen. Nøglen ophører, hvis din rolle ændres eller din konto deaktiveres.',
        purpose_hint: 'Hvad nøglen skal bruges til, f.eks. "Månedligt udtræk til R"',
        expires_hint: 'Højst et år, eller jeres kommunes grænse',
        scope_hint: 'Vælg kun det, scriptet har brug for',
        shown_title: 'Din nye API-nøgle',
        shown_warning: 'Kopiér nøglen nu, og opbevar den som en adgangskode. Den vises kun denne ene gang; mistes den, så tilbagekald den og opret en ny.',
        copy: 'Kopiér',
        copied: 'Kopieret',
        done: 'Jeg har kopieret den',
        revoke: 'Tilbagekald',
        revoke_title: 'Tilbagekald nøglen "%{purpose}"?',
        revoke_content: 'Scripts, der bruger den, afvises straks. Nøglen bliver stående som tilbagekaldt.',
        revoked: 'Nøglen er tilbagekaldt',
        state: { active: 'Aktiv', expired: 'Udløbet', revoked: 'Tilbagekaldt', 'role-changed': 'Ophørt: rolle ændret', deactivated: 'Ophørt: bruger deaktiveret', 'password-changed': 'Ophørt: ny adgangskode' },
        actions: { list: 'liste og søge', read: 'læse', create: 'oprette', update: 'ændre', delete: 'slette' },
        // Ressourcer uden egen skærm, og derfor uden navn andetsteds.
        resource_names: { worklist: 'Arbejdsliste', 'export-jobs': 'Eksportkørsler (starte, følge, hente)', 'legal-holds': 'Retlige hold' },
      },
    },
  },
};
