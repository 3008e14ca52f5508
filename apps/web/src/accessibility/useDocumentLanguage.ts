import { useEffect } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';

/**
 * Keeps <html lang> and the window title in the chosen language (WCAG 3.1.1): in the app's layout
 * (AppLayout) and on the pages outside it (sign-in, the public statement), where without it the
 * sign-in page switched to English still said lang="da".
 */
export function useDocumentLanguage(title?: string): void {
  const [locale] = useLocaleState();
  const translate = useTranslate();
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = title ? `${title} · ${translate('app.title')}` : translate('app.title');
  }, [locale, title, translate]);
}
