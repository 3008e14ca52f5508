import type { FeatureMessages } from '../i18n/feature-messages';

/** The coordinator's overview: coverage of the SMART groups, renewals due, volunteer hours. */
export const coordinatorDashboardMessages: FeatureMessages = {
  da: {
    app: {
      dashboard: {
        coverage: 'Grupper og facilitatorer',
        coverage_hint: 'Aktive frivillige, der er tilknyttet hver SMART Recovery-gruppe i dag',
        group: 'Gruppe',
        facilitators: 'Facilitatorer',
        flags_column: 'Opmærksomhed',
        no_groups: 'Kommunen har endnu ingen SMART Recovery-grupper.',
        all_good: 'I orden',
        flags: {
          'single-facilitator': 'Kun én facilitator',
          'no-trained-facilitator': 'Ingen uddannet facilitator',
          'no-facilitator': 'Ingen facilitator',
        },
        flag_hints: {
          'single-facilitator': 'Møderne lukker, hvis den eneste facilitator træder tilbage',
          'no-trained-facilitator': 'Alle facilitatorer skal være uddannet i SMART-metoden',
          'no-facilitator': 'Gruppen har ingen aktive facilitatorer',
        },
        renewals: 'Uddannelser, der skal fornyes inden for %{days} dage',
        no_renewals: 'Ingen uddannelser skal fornyes de næste %{days} dage.',
        days_left: 'om %{smart_count} dag |||| om %{smart_count} dage',
        hours: 'Frivillige timer pr. organisation og måned',
        no_hours: 'Ingen facilitatortimer registreret endnu.',
        organisation: 'Organisation',
        total: 'I alt',
      },
    },
    resources: {
      'coordinator-dashboard': {
        name: 'Koordinatoroversigt |||| Koordinatoroversigt',
      },
    },
  },
  en: {
    app: {
      dashboard: {
        coverage: 'Groups and facilitators',
        coverage_hint: 'Active volunteers assigned to each SMART Recovery group today',
        group: 'Group',
        facilitators: 'Facilitators',
        flags_column: 'Attention',
        no_groups: 'The municipality has no SMART Recovery groups yet.',
        all_good: 'In order',
        flags: {
          'single-facilitator': 'Only one facilitator',
          'no-trained-facilitator': 'No trained facilitator',
          'no-facilitator': 'No facilitator',
        },
        flag_hints: {
          'single-facilitator': 'Meetings close if the only facilitator steps back',
          'no-trained-facilitator': 'Every facilitator must be trained in the SMART method',
          'no-facilitator': 'The group has no active facilitators',
        },
        renewals: 'Trainings due for renewal within %{days} days',
        no_renewals: 'No trainings are due for renewal in the next %{days} days.',
        days_left: 'in %{smart_count} day |||| in %{smart_count} days',
        hours: 'Volunteer hours per organisation and month',
        no_hours: 'No facilitator hours logged yet.',
        organisation: 'Organisation',
        total: 'Total',
      },
    },
    resources: {
      'coordinator-dashboard': {
        name: 'Coordinator overview |||| Coordinator overview',
      },
    },
  },
};
