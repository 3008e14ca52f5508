import type { FeatureMessages } from '../i18n/feature-messages';

export const grantMessages: FeatureMessages = {
  en: {
    resources: {
      'evaluator-grants': {
        name: 'Evaluator grant |||| Evaluator grants',
        forcedCaseName: 'evaluator grant |||| evaluator grants',
        fields: {
          evaluatorEmail: 'Evaluator (e-mail)',
          evaluatorMunicipalityId: 'Evaluator’s municipality',
          municipalityId: 'Data of',
          purpose: 'Purpose',
          validFrom: 'From',
          validUntil: 'Until',
          status: 'Status',
          revokedAt: 'Revoked',
          createdAt: 'Granted',
          q: 'Search',
        },
      },
    },
    app: {
      grants: {
        intro:
          'Your municipality’s pseudonymised outcome data may be read by another municipality’s evaluator only with a grant from you: for a purpose, for a period of at most a year. The evaluator’s own administrator sees the grant too. Revoking it ends the access at once, downloads of earlier exports included.',
        evaluator_hint: 'The e-mail address the evaluator signs in with',
        purpose_hint: 'Why the evaluator needs the data, e.g. the evaluation it is for. Kept in the access log.',
        period_hint: 'At most a year; the grant ends by itself after the last day.',
        revoke: 'Revoke',
        revoke_title: 'Revoke the grant to %{email}?',
        revoke_content: 'The evaluator loses access to your municipality’s data at once, downloads of earlier exports included. The grant stays on record as revoked.',
        revoked: 'The grant is revoked',
        status: { active: 'Active', future: 'Not yet begun', expired: 'Expired', revoked: 'Revoked' },
        errors: {
          no_evaluator: 'No active evaluator has this e-mail address',
          own_evaluator: 'This is an evaluator of your own municipality, who reads its data without a grant',
          ended: 'The last day must not have passed',
          too_long: 'A grant lasts at most a year; grant again when it ends',
        },
      },
      roles: { operator: 'National operator' },
      programmes: { catalogue: 'Catalogue', national: 'National', local: 'Local (%{name})', national_readonly: 'National programmes are kept by the national operator. Add a local programme for your municipality instead.' },
      municipalities: { settings_only: 'Only the national operator changes a municipality’s number and name. You set your municipality’s settings.' },
    },
  },
  da: {
    resources: {
      'evaluator-grants': {
        name: 'Evaluatoradgang |||| Evaluatoradgange',
        forcedCaseName: 'evaluatoradgang |||| evaluatoradgange',
        fields: {
          evaluatorEmail: 'Evaluator (e-mail)',
          evaluatorMunicipalityId: 'Evaluatorens kommune',
          municipalityId: 'Data fra',
          purpose: 'Formål',
          validFrom: 'Fra',
          validUntil: 'Til og med',
          status: 'Status',
          revokedAt: 'Tilbagekaldt',
          createdAt: 'Givet',
          q: 'Søg',
        },
      },
    },
    app: {
      grants: {
        intro:
          'En anden kommunes evaluator må kun læse jeres kommunes pseudonymiserede effektdata, når I giver adgang: til et formål og for højst et år ad gangen. Evaluatorens egen administrator kan også se adgangen. Tilbagekalder I den, ophører adgangen med det samme, også til at hente tidligere udtræk.',
        evaluator_hint: 'Den e-mailadresse, evaluatoren logger ind med',
        purpose_hint: 'Hvorfor evaluatoren har brug for data, f.eks. hvilken evaluering det gælder. Gemmes i adgangsloggen.',
        period_hint: 'Højst et år; adgangen ophører af sig selv efter sidste dag.',
        revoke: 'Tilbagekald',
        revoke_title: 'Tilbagekald adgangen for %{email}?',
        revoke_content: 'Evaluatoren mister straks adgangen til jeres kommunes data, også til at hente tidligere udtræk. Adgangen bliver stående som tilbagekaldt.',
        revoked: 'Adgangen er tilbagekaldt',
        status: { active: 'Aktiv', future: 'Ikke begyndt', expired: 'Udløbet', revoked: 'Tilbagekaldt' },
        errors: {
          no_evaluator: 'Ingen aktiv evaluator har denne e-mailadresse',
          own_evaluator: 'Det er en evaluator i jeres egen kommune, som læser kommunens data uden at få adgang',
          ended: 'Sidste dag må ikke være passeret',
          too_long: 'En adgang gælder højst et år; giv adgang igen, når den udløber',
        },
      },
      roles: { operator: 'National operatør' },
      programmes: { catalogue: 'Katalog', national: 'Nationalt', local: 'Lokalt (%{name})', national_readonly: 'Nationale programmer vedligeholdes af den nationale operatør. Opret i stedet et lokalt program for jeres kommune.' },
      municipalities: { settings_only: 'Kun den nationale operatør ændrer en kommunes nummer og navn. I kan ændre jeres kommunes indstillinger.' },
    },
  },
};
