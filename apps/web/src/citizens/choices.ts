import { SEXES } from '@outcomes/contracts';

export const sexChoices = SEXES.map((id) => ({ id, name: `resources.citizens.sexes.${id}` }));

/** Languages often preferred by citizens in Danish treatment, as ISO 639 codes (the API's format). */
export const LANGUAGES = ['da', 'en', 'ar', 'tr', 'so', 'ur', 'fa', 'ps', 'ku', 'pl', 'ro', 'uk', 'ti', 'de'] as const;

export const languageChoices = LANGUAGES.map((id) => ({ id, name: `app.languages.${id}` }));
