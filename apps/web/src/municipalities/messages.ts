import type { FeatureMessages } from '../i18n/feature-messages';

/** Municipalities: the list and form of the municipalities in the catalogue. */
export const municipalityMessages: FeatureMessages = {
  da: {
    resources: {
      municipalities: {
        name: 'Kommune |||| Kommuner',
        forcedCaseName: 'kommune |||| kommuner',
        fields: {
          code: 'Kommunenummer',
          name: 'Navn',
          hourlyRate: 'Timepris for personale (kr.)',
          consentNotAsked: 'Borgere, der ikke er spurgt om samtykke til evaluering',
          // Emergency access (issue 22)
          emergencyAccessHours: 'Nødadgang varer (timer)',
          emergencyAccessHours_hint: 'Hvor længe en medarbejder i en anden kommune kan læse en af jeres borgeres journal ved nødadgang (1-72 timer)',
          handoverReadDays: 'Overdragelse kan læses (dage)',
          handoverReadDays_hint: 'Hvor længe den nye kommune kan læse den gamle journal, når den har modtaget en overdragelse af en borger, der flytter (1-365 dage)',
          apiTokenMaxDays: 'API-nøgler kan højst gælde (dage)',
          apiTokenMaxDays_hint: 'Den længste levetid en bruger kan give en personlig API-nøgle (1-365 dage)',
          q: 'Søg',
          createdAt: 'Oprettet',
          updatedAt: 'Opdateret',
        },
        // --- Consent by purpose (issue 22).
        consent_not_asked: { included: 'Medtages i eksporter (som hidtil)', excluded: 'Holdes ude af eksporter (kun givet samtykke tæller)' },
        consent_not_asked_help: 'Gælder eksporter til evaluering; kodebogen nævner reglen. Afvist eller tilbagekaldt samtykke holdes altid ude.',
      },
    },
  },
  en: {
    resources: {
      municipalities: {
        name: 'Municipality |||| Municipalities',
        forcedCaseName: 'municipality |||| municipalities',
        fields: {
          code: 'Municipality number',
          name: 'Name',
          hourlyRate: 'Staff cost per hour (DKK)',
          consentNotAsked: 'Citizens not asked about consent to evaluation',
          // Emergency access (issue 22)
          emergencyAccessHours: 'Emergency access lasts (hours)',
          emergencyAccessHours_hint: "How long another municipality's staff member may read one of your citizens' records under emergency access (1-72 hours)",
          handoverReadDays: 'Hand-over readable (days)',
          handoverReadDays_hint: "How long the new municipality may read the old record after accepting the hand-over of a citizen who moves (1-365 days)",
          apiTokenMaxDays: 'API tokens live at most (days)',
          apiTokenMaxDays_hint: 'The longest a user may make a personal API token live (1-365 days)',
          q: 'Search',
          createdAt: 'Created',
          updatedAt: 'Updated',
        },
        // --- Consent by purpose (issue 22).
        consent_not_asked: { included: 'Included in exports (as before)', excluded: 'Left out of exports (only a given consent counts)' },
        consent_not_asked_help: 'Applies to evaluation exports; the codebook names the rule. A refused or withdrawn consent is always left out.',
      },
    },
  },
};
