import type { FeatureMessages } from '../i18n/feature-messages';

/** Citizens: the list, the form with the CPR number, and the citizen's page with its timeline. */
export const citizenMessages: FeatureMessages = {
  da: {
    resources: {
      citizens: {
        name: 'Borger |||| Borgere',
        forcedCaseName: 'borger |||| borgere',
        fields: {
          cpr: 'CPR-nummer',
          cprMasked: 'CPR-nummer',
          name: 'Navn',
          firstName: 'Fornavn',
          lastName: 'Efternavn',
          birthYear: 'Fødselsår',
          sex: 'Køn',
          phone: 'Telefon',
          email: 'E-mail',
          address: 'Adresse',
          preferredLanguage: 'Foretrukket sprog',
          q: 'Søg på navn',
          createdAt: 'Oprettet',
          updatedAt: 'Opdateret',
        },
        sexes: {
          male: 'Mand',
          female: 'Kvinde',
        },
        sections: {
          contact: 'Kontakt',
        },
      },
    },
    app: {
      citizens: {
        duplicate: 'Der er allerede registreret en borger med dette CPR-nummer i kommunen.',
        open_existing: 'Åbn den registrerede borger',
        find_by_cpr: 'Find via CPR-nummer',
        find: 'Find',
        cpr_not_found: 'Ingen borger i kommunen har dette CPR-nummer.',
        cpr_lookup_failed: 'Opslaget mislykkedes. Prøv igen.',
        refer: 'Henvis til program',
        log_session: 'Registrér samtale',
        timeline: 'Forløb og samtaler',
        timeline_empty: 'Borgeren har endnu ingen forløb eller samtaler.',
        contacts_timeline: 'Gruppemøder og opsøgende kontakter',
        contacts_timeline_empty: 'Endnu ingen gruppemøder eller opsøgende kontakter.',
        outreach_contact: 'Opsøgende kontakt',
        anonymous_short: 'Anonym',
        anonymous: 'Anonym (intet CPR-nummer)',
        likely_duplicates: {
          title: 'Er borgeren allerede registreret? %{smart_count} mulig dublet |||| Er borgeren allerede registreret? %{smart_count} mulige dubletter',
          hint: 'Borgere i kommunen med samme navn, hvis fødselsår og køn ikke modsiger formularen. Åbn borgeren i stedet for at oprette en ny, hvis det er samme person.',
          year_unknown: 'fødselsår ukendt',
          with_cpr: 'med CPR-nummer',
          without_cpr: 'uden CPR-nummer',
        },
      },
    },
  },
  en: {
    resources: {
      citizens: {
        name: 'Citizen |||| Citizens',
        forcedCaseName: 'citizen |||| citizens',
        fields: {
          cpr: 'CPR number',
          cprMasked: 'CPR number',
          name: 'Name',
          firstName: 'First name',
          lastName: 'Last name',
          birthYear: 'Birth year',
          sex: 'Sex',
          phone: 'Phone',
          email: 'Email',
          address: 'Address',
          preferredLanguage: 'Preferred language',
          q: 'Search by name',
          createdAt: 'Created',
          updatedAt: 'Updated',
        },
        sexes: {
          male: 'Male',
          female: 'Female',
        },
        sections: {
          contact: 'Contact',
        },
      },
    },
    app: {
      citizens: {
        duplicate: 'A citizen with this CPR number is already registered in the municipality.',
        open_existing: 'Open the registered citizen',
        find_by_cpr: 'Find by CPR number',
        find: 'Find',
        cpr_not_found: 'No citizen of the municipality has this CPR number.',
        cpr_lookup_failed: 'The lookup failed. Please try again.',
        refer: 'Refer to programme',
        log_session: 'Log session',
        timeline: 'Enrolments and sessions',
        timeline_empty: 'The citizen has no enrolments or sessions yet.',
        contacts_timeline: 'Group meetings and outreach contacts',
        contacts_timeline_empty: 'No group meetings or outreach contacts yet.',
        outreach_contact: 'Outreach contact',
        anonymous_short: 'Anonymous',
        anonymous: 'Anonymous (no CPR number)',
        likely_duplicates: {
          title: 'Already registered? %{smart_count} likely duplicate |||| Already registered? %{smart_count} likely duplicates',
          hint: "Citizens of the municipality with the same name, whose birth year and sex do not contradict the form. Open the citizen instead of registering a new one if it is the same person.",
          year_unknown: 'birth year unknown',
          with_cpr: 'with CPR number',
          without_cpr: 'without CPR number',
        },
      },
    },
  },
};
