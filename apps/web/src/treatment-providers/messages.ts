import type { FeatureMessages } from '../i18n/feature-messages';

/** The national register of approved private treatment providers, and the kinds of treatment. */
export const treatmentProviderMessages: FeatureMessages = {
  da: {
    resources: {
      'treatment-providers': {
        name: 'Behandlingssted |||| Behandlingssteder',
        forcedCaseName: 'behandlingssted |||| behandlingssteder',
        fields: {
          name: 'Navn',
          cvr: 'CVR-nummer',
          address: 'Adresse',
          municipalityCode: 'Kommunekode',
          kind: 'Behandlingsform',
          approvedBy: 'Godkendt af',
          approvalReference: 'Godkendelsens journalnummer',
          approvedFrom: 'Godkendt fra',
          approvedUntil: 'Godkendt til og med',
          q: 'Søg',
          createdAt: 'Oprettet',
          updatedAt: 'Opdateret',
        },
        kinds: {
          outpatient: 'Ambulant behandling',
          day: 'Dagbehandling',
          residential: 'Døgnbehandling',
        },
      },
    },
    app: {
      providers: {
        approval: 'Godkendelse',
        approved: 'Godkendt',
        not_approved: 'Ikke godkendt i dag',
        cvr_format: 'Et CVR-nummer er 8 cifre',
        cvr_check: 'CVR-nummeret findes ikke (kontrolcifferet passer ikke)',
        municipality_code_format: 'En kommunekode er 3 cifre, fx 751',
        until_hint: 'Tom: godkendelsen har ingen slutdato',
        until_before_from: 'Slutdatoen må ikke ligge før godkendelsens start',
      },
    },
  },
  en: {
    resources: {
      'treatment-providers': {
        name: 'Provider |||| Providers',
        forcedCaseName: 'provider |||| providers',
        fields: {
          name: 'Name',
          cvr: 'CVR number',
          address: 'Address',
          municipalityCode: 'Municipality code',
          kind: 'Kind of treatment',
          approvedBy: 'Approved by',
          approvalReference: 'Approval reference',
          approvedFrom: 'Approved from',
          approvedUntil: 'Approved until',
          q: 'Search',
          createdAt: 'Created',
          updatedAt: 'Updated',
        },
        kinds: {
          outpatient: 'Outpatient treatment',
          day: 'Day treatment',
          residential: 'Residential treatment',
        },
      },
    },
    app: {
      providers: {
        approval: 'Approval',
        approved: 'Approved',
        not_approved: 'Not approved today',
        cvr_format: 'A CVR number has 8 digits',
        cvr_check: 'No such CVR number (the check digit does not match)',
        municipality_code_format: 'A municipality code has 3 digits, e.g. 751',
        until_hint: 'Empty: the approval has no end date',
        until_before_from: 'The end date must not be before the approval begins',
      },
    },
  },
};
