import polyglotI18nProvider from 'ra-i18n-polyglot';
import { da } from './da';
import { en } from './en';

export const LOCALES = [
  { locale: 'da', name: 'Dansk' },
  { locale: 'en', name: 'English' },
];

export const i18nProvider = polyglotI18nProvider((locale) => (locale === 'en' ? en : da), 'da', LOCALES);
