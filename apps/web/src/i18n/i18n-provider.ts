import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { I18nProvider } from 'react-admin';
import { da } from './da';
import { en } from './en';

export const LOCALES = [
  { locale: 'da', name: 'Dansk' },
  { locale: 'en', name: 'English' },
];

/** react-admin's messages that put a resource's (capitalised) menu name inside a sentence: "Ingen %{name} fundet". */
const NAME_IN_SENTENCE = new Set(['ra.navigation.no_results', 'ra.navigation.no_filtered_results', 'ra.page.empty']);

/** "Borgere" → "borgere" inside a sentence; an abbreviation ("SMART-grupper", "ASI") keeps its capitals. */
export function inSentence(name: string): string {
  return /^\p{Lu}\p{Ll}/u.test(name) ? `${name.charAt(0).toLocaleLowerCase('da')}${name.slice(1)}` : name;
}

const polyglot = polyglotI18nProvider((locale) => (locale === 'en' ? en : da), 'da', LOCALES);

export const i18nProvider: I18nProvider = {
  ...polyglot,
  translate: (key, options) =>
    NAME_IN_SENTENCE.has(key) && typeof options?.['name'] === 'string'
      ? polyglot.translate(key, { ...options, name: inSentence(options['name']) })
      : polyglot.translate(key, options),
};
