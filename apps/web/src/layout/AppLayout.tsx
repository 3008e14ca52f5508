import type { ReactNode } from 'react';
import { Layout } from 'react-admin';
import { useDocumentLanguage } from '../accessibility/useDocumentLanguage';
import { FocusFirstErrorOnRefusedSave, FocusHeadingOnNavigation } from '../common/FocusManagement';
import { AppBar } from './AppBar';

/** Keeps <html lang> and the window title in the chosen language, for screen readers and tabs. */
const DocumentLanguage = () => {
  useDocumentLanguage();
  return null;
};

/**
 * The page keeps to the screen's width: react-admin's layout has `min-width: fit-content`, so one wide
 * table stretched the whole page (the worklist to 1,048 px on a 390 px phone), pushing the app bar,
 * the floating button and the toasts off the screen. Wide tables scroll inside their own box instead
 * (common/TableRegion); a list's column is a flex item, which would otherwise grow to its table's width.
 */
export const AppLayout = ({ children }: { children: ReactNode }) => (
  <Layout appBar={AppBar} sx={{
      minWidth: 0,
      '& .RaLayout-content': { minWidth: 0 },
      '& .RaList-main': { minWidth: 0 },
      // An empty list's "Nothing yet" is text to read, not a disabled control: react-admin's disabled grey is 2.7:1 (WCAG 1.4.3).
      '& div.RaEmpty-message': { color: 'text.secondary' },
    }}>
    <DocumentLanguage />
    <FocusHeadingOnNavigation />
    <FocusFirstErrorOnRefusedSave />
    {children}
  </Layout>
);
