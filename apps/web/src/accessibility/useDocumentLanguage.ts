import { useEffect } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';

/**
 * Keeps <html lang> and the window title in the chosen language on the pages outside the app's
 * layout (sign-in, the public statement), where the layout's own DocumentLanguage is not mounted:
 * without it the sign-in page switched to English still said lang="da" (WCAG 3.1.1).
 */
export function useDocumentLanguage(title?: string): void {
  const [locale] = useLocaleState();
  const translate = useTranslate();
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = title ? `${title} · ${translate('app.title')}` : translate('app.title');
  }, [locale, title, translate]);
}
