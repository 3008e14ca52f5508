import type { ReactNode } from 'react';
import { useEffect } from 'react';
import { Layout, useLocaleState, useTranslate } from 'react-admin';
import { AppBar } from './AppBar';

/** Keeps <html lang> and the window title in the chosen language, for screen readers and tabs. */
const DocumentLanguage = () => {
  const [locale] = useLocaleState();
  const translate = useTranslate();
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = translate('app.title');
  }, [locale, translate]);
  return null;
};

export const AppLayout = ({ children }: { children: ReactNode }) => (
  <Layout appBar={AppBar}>
    <DocumentLanguage />
    {children}
  </Layout>
);
