import type { FeatureMessages } from '../i18n/feature-messages';

/** The outreach quick-log's citizen search (by name or CPR number) and its phone layout. */
export const outreachMessages: FeatureMessages = {
  da: {
    app: {
      outreach: {
        find_citizen: 'Navn eller CPR-nummer',
        find_citizen_hint: 'Et helt for- eller efternavn, eller de ti cifre',
        search: 'Søg',
        no_match: 'Ingen borger i kommunen hedder sådan.',
        born: 'født %{year}',
        born_unknown: 'fødselsår ukendt',
        change_citizen: 'Skift',
        matches: 'Vælg borgeren',
      },
    },
  },
  en: {
    app: {
      outreach: {
        find_citizen: 'Name or CPR number',
        find_citizen_hint: 'A whole first or last name, or the ten digits',
        search: 'Search',
        no_match: 'No citizen of the municipality has that name.',
        born: 'born %{year}',
        born_unknown: 'birth year unknown',
        change_citizen: 'Change',
        matches: 'Choose the citizen',
      },
    },
  },
};
