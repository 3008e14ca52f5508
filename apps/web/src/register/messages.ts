import type { FeatureMessages } from '../i18n/feature-messages';

/** The national register (Stofmisbrugsdatabasen): readiness of each course and the monthly extract. */
export const registerMessages: FeatureMessages = {
  da: {
    resources: {
      register: { name: 'Indberetning |||| Indberetning' },
    },
    app: {
      register: {
        title: 'Indberetning til Stofmisbrugsdatabasen',
        intro:
          'Danmarks Statistik skal have hvert forløbs henvendelse, start og afslutning med status ved afslutning. Sociale forløb indberettes løbende og senest den 15. i måneden efter.',
        summary: '%{courses} forløb i kommunen: %{ready} klar, %{incomplete} mangler noget',
        extract: 'Månedens fil',
        month: 'Måned',
        due: 'Frist for indberetning: %{date}',
        download: 'Hent filen for %{month}',
        extract_hint: 'Filen indeholder CPR-numre. Hver download registreres i adgangsloggen med hver borger i filen. Feltlisten står i docs/register.md.',
        incomplete: 'Forløb der mangler noget',
        none_incomplete: 'Alle forløb har det, registret skal bruge.',
        showing: 'Viser de %{shown} nyeste af %{total}.',
        citizen: 'Borger',
        programme: 'Tilbud',
        state: 'Tilstand',
        requested: 'Henvendelse',
        started: 'Start',
        ended: 'Slut',
        missing: 'Mangler',
        open: 'Åbn forløbet',
        left_out: 'Ikke med i indberetningen',
        left_out_hint:
          'En borger uden gyldigt CPR-nummer kan ikke indberettes: erstatningspersonnumre kender registret ikke, og anonym behandling (serviceloven § 101 a) har intet CPR-nummer og er ikke med i Danmarks Statistiks tal.',
        none_left_out: 'Ingen forløb er udeladt.',
        reason: 'Årsag',
        issues: {
          'no-request-date': 'Ingen henvendelsesdato',
          'no-start-date': 'Ingen startdato',
          'no-end-date': 'Ingen slutdato',
          'no-end-status': 'Afsluttet uden status ved afslutning',
          'no-sex': 'Intet køn',
          'start-before-request': 'Start før henvendelsen',
          'end-before-start': 'Slut før start',
        },
        reasons: {
          anonymous: 'Anonym behandling (§ 101 a)',
          'replacement-cpr': 'Erstatningspersonnummer',
          'no-cpr': 'Intet CPR-nummer',
        },
        end_status: 'Status ved afslutning',
        end_status_hint: 'Som Stofmisbrugsdatabasen offentliggør den: stoffri, reduceret eller stabiliseret, andet',
        end_note: 'Bemærkning (valgfri)',
        end_status_required: 'Vælg status ved afslutning fra listen',
      },
    },
  },
  en: {
    resources: {
      register: { name: 'Register reporting |||| Register reporting' },
    },
    app: {
      register: {
        title: 'Reporting to the national drug treatment register',
        intro:
          "Statistics Denmark needs each course's request, start and end with its status at the end. Social treatment is reported continuously and no later than the 15th of the following month.",
        summary: '%{courses} courses in the municipality: %{ready} ready, %{incomplete} lacking something',
        extract: "The month's file",
        month: 'Month',
        due: 'Due by %{date}',
        download: 'Download the file for %{month}',
        extract_hint: 'The file holds CPR numbers. Every download is recorded in the access log with every citizen in the file. The field list is in docs/register.md.',
        incomplete: 'Courses lacking something',
        none_incomplete: 'Every course has what the register needs.',
        showing: 'Showing the newest %{shown} of %{total}.',
        citizen: 'Citizen',
        programme: 'Offer',
        state: 'State',
        requested: 'Request',
        started: 'Start',
        ended: 'End',
        missing: 'Missing',
        open: 'Open the course',
        left_out: 'Left out of the report',
        left_out_hint:
          'A citizen without a valid CPR number cannot be reported: the register does not know replacement numbers, and anonymous treatment (Serviceloven § 101 a) has no CPR number and is not in Statistics Denmark\'s figures.',
        none_left_out: 'No course is left out.',
        reason: 'Reason',
        issues: {
          'no-request-date': 'No request date',
          'no-start-date': 'No start date',
          'no-end-date': 'No end date',
          'no-end-status': 'Ended without a status at the end',
          'no-sex': 'No sex',
          'start-before-request': 'Start before the request',
          'end-before-start': 'End before the start',
        },
        reasons: {
          anonymous: 'Anonymous treatment (§ 101 a)',
          'replacement-cpr': 'Replacement CPR number',
          'no-cpr': 'No CPR number',
        },
        end_status: 'Status at the end',
        end_status_hint: 'As the national register publishes it: drug-free, reduced or stabilised, other',
        end_note: 'Note (optional)',
        end_status_required: 'Choose the status at the end from the list',
      },
    },
  },
};
