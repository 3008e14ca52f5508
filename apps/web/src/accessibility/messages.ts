import type { FeatureMessages } from '../i18n/feature-messages';

/**
 * The accessibility statement (tilgængelighedserklæring), in the order of the EU's model statement
 * (implementing decision 2018/1523): commitment, compliance status, what is not accessible, how it
 * was assessed, feedback and contact, enforcement. statement.ts lists which items are shown.
 */
export const accessibilityMessages: FeatureMessages = {
  da: {
    app: {
      accessibility: {
        link: 'Tilgængelighedserklæring',
        title: 'Tilgængelighedserklæring',
        back_to_app: 'Til forsiden',
        commitment:
          'Den kommune, der driver dette system for dig, forpligter sig til at gøre det tilgængeligt i overensstemmelse med lov om tilgængelighed af offentlige organers websteder og mobilapplikationer (webtilgængelighedsloven), som gennemfører EU-direktiv 2016/2102. Erklæringen gælder systemet „%{app}“, som kommunens medarbejdere bruger til stofmisbrugsbehandling og effektregistrering.',
        status_heading: 'Overholdelsesstatus',
        status:
          'Systemet overholder delvist kravene i WCAG 2.1 niveau AA (den harmoniserede standard EN 301 549). De områder, der endnu ikke overholder kravene, står nedenfor.',
        conforms_heading: 'Det, der er tilgængeligt',
        conforms: {
          contrast: 'Systemets farver til tekst, links, knapper og mærkater har mindst kontrasten 4,5:1 mod baggrunden, og formularfelternes kant mindst 3:1, i både det lyse og det mørke tema (WCAG 1.4.3 og 1.4.11).',
          language: 'Sidens sprog er angivet og følger sprogvalget (dansk eller engelsk) (WCAG 3.1.1).',
          heading: 'Hver side har én hovedoverskrift: sidens titel i topbjælken (WCAG 1.3.1 og 2.4.6).',
          errors: 'Fejl i et formularfelt står ved feltet og er knyttet til det, så en skærmlæser læser den op; en fejl ved login meddeles straks (WCAG 3.3.1 og 4.1.3).',
          keyboard_base: 'Tastaturfokus er synligt, og der er ingen tastaturfælder (WCAG 2.4.7 og 2.1.2).',
          statement_public: 'Denne erklæring kan læses uden at logge ind; der er et link til den fra login-siden og fra brugermenuen.',
          staff_text_language: 'Det, medarbejderne skriver med egne ord (noter, begrundelser, formål, beskrivelser), er markeret som dansk, også når siden vises på engelsk (WCAG 3.1.2).',
          reflow: 'Alle sider kan vises i 320 CSS-pixels bredde (svarende til 400 % zoom) uden vandret rulning af siden; brede tabeller ruller inden for deres eget navngivne område, som kan nås med tastaturet (WCAG 1.4.10).',
          row_keyboard: 'Hver række i en liste har et link til posten, så den kan åbnes med tastaturet (WCAG 2.1.1).',
          focus_after_change: 'Når man skifter side, flyttes fokus til sidens overskrift; når en gemning afvises, flyttes fokus til det første felt med fejl (WCAG 2.4.3 og 3.3.1).',
          control_names: 'Knapper og grupper af valg har navne, der siger, hvad de gælder, fx hvilket møde en „Fremmøde“-knap hører til, og om den er foldet ud (WCAG 4.1.2 og 2.4.6).',
          charts: 'Diagrammer er ét billede med navn og beskrivelse, og de samme tal står i tabellen under dem (WCAG 1.1.1).',
        },
        gaps_heading: 'Det, der endnu ikke er tilgængeligt',
        gaps_intro: 'Vi arbejder på at rette følgende:',
        gaps: {
          language_of_parts: 'Når systemet vises på engelsk, er danske navne på programmer, centre og grupper ikke markeret som dansk, så en skærmlæser kan udtale dem på engelsk (WCAG 3.1.2; navne er undtaget, men vi nævner det).',
        },
        assessment_heading: 'Sådan er erklæringen udarbejdet',
        assessment: {
          self: 'Erklæringen bygger på en selvevaluering foretaget af dem, der udvikler systemet.',
          axe: 'Automatiske test med axe-core (reglerne for WCAG 2.1 A og AA) i browseren Chromium på systemets sider for hver rolle, på dansk og engelsk; de køres ved hver ændring af systemet.',
          keyboard: 'Test med tastaturet alene af medarbejdernes vigtigste opgaver: logge ind, arbejdslisten, borgerens side, udfylde og gemme et ASI-interview og registrere fremmøde på et kursus.',
          reflow: 'Test af visningen i 320 CSS-pixels bredde og måling af kontrasten i alle temaets farver.',
          not_screen_reader: 'Systemet er endnu ikke afprøvet af brugere med skærmlæser eller andre hjælpemidler.',
        },
        date: 'Erklæringen er udarbejdet og senest gennemgået den %{date}.',
        feedback_heading: 'Oplever du problemer med tilgængeligheden?',
        feedback:
          'Kontakt den kommune, der driver systemet for dig. Som medarbejder kan du gå til kommunens it-support eller systemansvarlige; kommunens egne kontaktoplysninger (telefon og skriftligt) står i kommunens tilgængelighedserklæringer på was.digst.dk. Skriv, hvilken side og hvilken funktion det drejer sig om, og hvad der ikke virker.',
        no_personal_data: 'Skriv ikke personnumre, helbredsoplysninger eller andre oplysninger om borgere i din henvendelse.',
        enforcement_heading: 'Håndhævelse',
        enforcement:
          'Digitaliseringsstyrelsen fører tilsyn med, at offentlige myndigheder overholder webtilgængelighedsloven. Har du ikke fået svar fra kommunen inden for 10 arbejdsdage, eller er du ikke tilfreds med svaret, kan du henvende dig til Digitaliseringsstyrelsen.',
        enforcement_link: 'Digitaliseringsstyrelsen: Oplever du ikke-tilgængeligt indhold?',
      },
    },
  },
  en: {
    app: {
      accessibility: {
        link: 'Accessibility statement',
        title: 'Accessibility statement',
        back_to_app: 'To the start page',
        commitment:
          'The municipality that runs this system for you is committed to making it accessible in accordance with the Danish act on the accessibility of public sector bodies’ websites and mobile applications (the web accessibility act), which implements EU directive 2016/2102. This statement applies to the system “%{app}”, which the municipality’s staff use for drug treatment and outcome registration.',
        status_heading: 'Compliance status',
        status:
          'The system is partially compliant with WCAG 2.1 level AA (the harmonised standard EN 301 549). The parts that are not yet compliant are listed below.',
        conforms_heading: 'What is accessible',
        conforms: {
          contrast: 'The system’s colours for text, links, buttons and chips have a contrast of at least 4.5:1 against their background, and form fields’ borders at least 3:1, in both the light and the dark theme (WCAG 1.4.3 and 1.4.11).',
          language: 'The page’s language is declared and follows the language switch (Danish or English) (WCAG 3.1.1).',
          heading: 'Every page has one main heading: the page title in the top bar (WCAG 1.3.1 and 2.4.6).',
          errors: 'An error in a form field is shown by the field and tied to it, so a screen reader reads it out; a sign-in error is announced at once (WCAG 3.3.1 and 4.1.3).',
          keyboard_base: 'Keyboard focus is visible and there are no keyboard traps (WCAG 2.4.7 and 2.1.2).',
          statement_public: 'This statement can be read without signing in; it is linked from the sign-in page and from the user menu.',
          staff_text_language: 'What staff write in their own words (notes, reasons, purposes, descriptions) is marked as Danish, also when the page is in English (WCAG 3.1.2).',
          reflow: 'Every page can be shown 320 CSS pixels wide (the same as 400 % zoom) without the page scrolling sideways; wide tables scroll inside their own named region, which the keyboard can reach (WCAG 1.4.10).',
          row_keyboard: 'Every row of a list holds a link to its record, so it can be opened with the keyboard (WCAG 2.1.1).',
          focus_after_change: 'When you move to another page, focus moves to its heading; when a save is refused, focus moves to the first field in error (WCAG 2.4.3 and 3.3.1).',
          control_names: 'Buttons and groups of choices have names that say what they are for, such as which meeting an “Attendance” button belongs to and whether it is expanded (WCAG 4.1.2 and 2.4.6).',
          charts: 'Charts are one image with a name and a description, and the same figures stand in the table below them (WCAG 1.1.1).',
        },
        gaps_heading: 'What is not yet accessible',
        gaps_intro: 'We are working on fixing the following:',
        gaps: {
          language_of_parts: 'When the system is shown in English, the Danish names of programmes, centres and groups are not marked as Danish, so a screen reader may pronounce them as English (WCAG 3.1.2; names are exempt, but we mention it).',
        },
        assessment_heading: 'How this statement was prepared',
        assessment: {
          self: 'The statement is based on a self-assessment by the people who develop the system.',
          axe: 'Automated tests with axe-core (the rules for WCAG 2.1 A and AA) in the Chromium browser on the system’s pages for every role, in Danish and English; they run on every change to the system.',
          keyboard: 'Keyboard-only tests of the staff’s main tasks: signing in, the worklist, the citizen page, filling in and saving an ASI interview, and recording attendance at a course.',
          reflow: 'Tests of the layout 320 CSS pixels wide, and measurement of the contrast of every colour of the theme.',
          not_screen_reader: 'The system has not yet been tried by users of screen readers or other assistive technology.',
        },
        date: 'This statement was prepared and last reviewed on %{date}.',
        feedback_heading: 'Do you have a problem with accessibility?',
        feedback:
          'Contact the municipality that runs the system for you. As a member of staff, you can go to the municipality’s IT support or system administrators; the municipality’s own contact details (telephone and written) are in its accessibility statements at was.digst.dk. Say which page and which function it concerns, and what does not work.',
        no_personal_data: 'Do not include CPR numbers, health information or other information about citizens in your message.',
        enforcement_heading: 'Enforcement',
        enforcement:
          'The Agency for Digital Government (Digitaliseringsstyrelsen) supervises public bodies’ compliance with the web accessibility act. If you have had no answer from the municipality within 10 working days, or are not satisfied with the answer, you can contact the Agency for Digital Government.',
        enforcement_link: 'Agency for Digital Government: reporting inaccessible content (in Danish)',
      },
    },
  },
};
