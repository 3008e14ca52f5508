import type { FeatureMessages } from '../i18n/feature-messages';

/** The app's date inputs and the field messages of every input rule the API can answer (data/field-errors.ts). */
export const commonMessages: FeatureMessages = {
  da: {
    app: {
      dates: {
        placeholder: 'dd.mm.åååå',
        invalid: 'Skriv datoen som dag.måned.år, f.eks. 5.12.2026',
        month_placeholder: 'mm.åååå',
        month_invalid: 'Skriv måneden som måned.år, f.eks. 12.2026',
        moment_placeholder: 'dd.mm.åååå tt.mm',
        moment_invalid: 'Skriv dato og klokkeslæt som dag.måned.år time.minut, f.eks. 5.12.2026 10.45',
      },
      input_rules: {
        invalid: 'Værdien kan ikke bruges her; ret den og prøv igen',
        too_long: 'Teksten er for lang',
        not_in_future: 'Datoen må ikke ligge i fremtiden',
        not_in_past: 'Datoen må ikke ligge i fortiden',
        end_before_start: 'Slutdatoen må ikke ligge før startdatoen',
        whole_months: 'Perioden skal bestå af hele kalendermåneder',
        bad_characters: 'Teksten indeholder tegn, der ikke kan gemmes',
        choose_from_list: 'Vælg en af mulighederne på listen',
        yes_or_no: 'Vælg ja eller nej',
        amount: 'Skal være et beløb på 0 eller mere med højst 2 decimaler',
        text: 'Skal være tekst',
        format: 'Har ikke det rigtige format',
        not_accepted: 'Feltet kan ikke angives her',
        positive: 'Skal være et positivt tal',
        whole_number_between: 'Skal være et helt tal fra %{min} til %{max}',
        at_least_items: 'Vælg mindst %{min}',
        at_most_items: 'Vælg højst %{max}',
      },
    },
  },
  en: {
    app: {
      dates: {
        placeholder: 'dd.mm.yyyy',
        invalid: 'Write the date as day.month.year, e.g. 5.12.2026',
        month_placeholder: 'mm.yyyy',
        month_invalid: 'Write the month as month.year, e.g. 12.2026',
        moment_placeholder: 'dd.mm.yyyy hh.mm',
        moment_invalid: 'Write the date and time as day.month.year hour.minute, e.g. 5.12.2026 10.45',
      },
      input_rules: {
        invalid: 'This value cannot be used here; correct it and try again',
        too_long: 'The text is too long',
        not_in_future: 'The date must not be in the future',
        not_in_past: 'The date must not be in the past',
        end_before_start: 'The end must not be before the start',
        whole_months: 'The period must be whole calendar months',
        bad_characters: 'The text contains characters that cannot be saved',
        choose_from_list: 'Choose one of the options in the list',
        yes_or_no: 'Choose yes or no',
        amount: 'Must be an amount of 0 or more with at most 2 decimals',
        text: 'Must be text',
        format: 'Does not have the right format',
        not_accepted: 'This field cannot be given here',
        positive: 'Must be a positive number',
        whole_number_between: 'Must be a whole number from %{min} to %{max}',
        at_least_items: 'Choose at least %{min}',
        at_most_items: 'Choose at most %{max}',
      },
    },
  },
};
