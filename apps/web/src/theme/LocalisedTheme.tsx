import { createTheme, ThemeProvider } from '@mui/material/styles';
import type { Theme, ThemeOptions } from '@mui/material/styles';
import { daDK, enUS } from '@mui/material/locale';
import type { ReactNode } from 'react';
import { useCallback } from 'react';
import { useLocaleState } from 'react-admin';

/**
 * The chart overlays' texts in Danish (x-charts ships no Danish locale); the rest of the charts'
 * texts are toolbar and configuration labels this app does not show.
 */
const CHARTS_DA: ThemeOptions = {
  components: {
    // @ts-expect-error -- x-charts declares this theme key only when its themeAugmentation is imported
    MuiChartsLocalizationProvider: { defaultProps: { localeText: { loading: 'Indlæser data…', noData: 'Ingen data at vise' } } },
  },
};

/**
 * MUI's own texts (a raw Autocomplete's "Open"/"Clear", an Alert's "Close", pagination's names, a
 * chart's "No data to display") in the language the user chose: MUI speaks English unless told,
 * which put English names on Danish pages (WCAG 3.1.2). react-admin's components translate their own.
 */
export const LocalisedTheme = ({ children }: { children: ReactNode }) => {
  const [locale] = useLocaleState();
  const withLocale = useCallback((outer: Theme) => (locale === 'en' ? createTheme(outer, enUS) : createTheme(outer, daDK, CHARTS_DA)), [locale]);
  return <ThemeProvider theme={withLocale}>{children}</ThemeProvider>;
};
