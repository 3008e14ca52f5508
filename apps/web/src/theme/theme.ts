import type { Theme } from '@mui/material/styles';
import type { RaThemeOptions } from 'react-admin';
import { defaultDarkTheme, defaultLightTheme } from 'react-admin';

/**
 * The colours of the app, chosen for WCAG 2.1 AA (theme.spec.ts measures them): every text colour
 * reaches 4.5:1 on the surfaces it is drawn on, and the underline that marks a form field 3:1.
 * react-admin's default put white on #2196f3 in the app bar (3.12:1), links in #1976d2 on
 * #fafafb (4.41:1) and white on MUI's orange in the warning chips (3.11:1).
 *
 * react-admin's AppBar takes the `secondary` colour: secondary is the app bar's navy, primary the
 * blue of links, buttons and focused fields.
 */
export const LIGHT_PALETTE = {
  mode: 'light',
  // MUI picks a chip's or button's text colour by this ratio; 4.5 (not MUI's 3) so that a colour
  // added later gets dark text where white would fail.
  contrastThreshold: 4.5,
  background: { default: '#fafafb', paper: '#ffffff' },
  primary: { light: '#5e92f3', main: '#1565c0', dark: '#003c8f', contrastText: '#ffffff' },
  secondary: { light: '#5472d3', main: '#0d47a1', dark: '#002171', contrastText: '#ffffff' },
  error: { light: '#ef5350', main: '#c62828', dark: '#8e0000', contrastText: '#ffffff' },
  warning: { light: '#f59e0b', main: '#b45309', dark: '#7c2d12', contrastText: '#ffffff' },
  info: { light: '#4fc3f7', main: '#01579b', dark: '#002f6c', contrastText: '#ffffff' },
  success: { light: '#66bb6a', main: '#2e7d32', dark: '#1b5e20', contrastText: '#ffffff' },
} as const;

/** Light pastel colours on near-black surfaces, with near-black text on the filled chips and buttons. */
export const DARK_PALETTE = {
  mode: 'dark',
  contrastThreshold: 4.5,
  background: { default: '#121212', paper: '#1a1a1a' },
  primary: { light: '#e3f2fd', main: '#90caf9', dark: '#42a5f5', contrastText: 'rgba(0, 0, 0, 0.87)' },
  secondary: { light: '#3d5a80', main: '#1c2f4a', dark: '#0b1726', contrastText: '#ffffff' },
  error: { light: '#ffcdd2', main: '#ef9a9a', dark: '#e57373', contrastText: 'rgba(0, 0, 0, 0.87)' },
  warning: { light: '#ffe0b2', main: '#ffb74d', dark: '#ffa726', contrastText: 'rgba(0, 0, 0, 0.87)' },
  info: { light: '#b3e5fc', main: '#81d4fa', dark: '#29b6f6', contrastText: 'rgba(0, 0, 0, 0.87)' },
  success: { light: '#c8e6c9', main: '#a5d6a7', dark: '#66bb6a', contrastText: 'rgba(0, 0, 0, 0.87)' },
} as const;

/**
 * MUI draws the filled field's underline at 42 % black (light) or 70 % white (dark): about 3:1
 * against the field's own tint at rest and less when hovered. That line is all that marks the field
 * (WCAG 1.4.11 asks 3:1), so it is drawn darker (lighter in dark mode).
 */
export const FIELD_UNDERLINE = { light: 'rgba(0, 0, 0, 0.6)', dark: 'rgba(255, 255, 255, 0.8)' } as const;

/**
 * The bar under a form (Save, Delete). react-admin paints it grey 300 (#e0e0e0), on which the red
 * Delete reached 4.26:1 and a blue text button 4.35:1; a lighter grey keeps both above 4.5 (in dark
 * mode a darker one than grey 800, where the hovered Delete fell to 4.4).
 */
export const FORM_TOOLBAR = { light: '#f0f0f0', dark: '#2c2c2c' } as const;

/**
 * react-admin draws its "nothing here" and error pages' messages in the disabled text colour or at
 * half opacity: 2.66:1 on the page ("Ingen forløb endnu"). They are text to read, so they take the
 * secondary text colour at full opacity.
 */
const readable =
  (messageClass: string, fadedByOpacity = true) =>
  ({ theme }: { theme: Theme }) => ({
    [`& .${messageClass}`]: { ...(fadedByOpacity ? { opacity: 1 } : {}), color: theme.palette.text.secondary },
  });

const FADED_MESSAGES: RaThemeOptions['components'] = {
  RaEmpty: { styleOverrides: { root: readable('RaEmpty-message', false) } },
  RaNotFound: { styleOverrides: { root: readable('RaNotFound-message') } },
  RaAccessDenied: { styleOverrides: { root: readable('RaAccessDenied-message') } },
  RaAuthenticationError: { styleOverrides: { root: readable('RaAuthenticationError-message') } },
  RaAuthError: { styleOverrides: { root: readable('RaAuthError-message') } },
  RaError: { styleOverrides: { root: { opacity: 1 } } },
};

/** react-admin's theme with these colours, the darker underline, the lighter form toolbar, and its faded messages readable. */
function withColours(base: RaThemeOptions, palette: RaThemeOptions['palette'], underline: string, toolbar: string): RaThemeOptions {
  const filledInput = base.components?.MuiFilledInput;
  const root = filledInput?.styleOverrides?.root;
  return {
    ...base,
    palette: { ...base.palette, ...palette },
    components: {
      ...base.components,
      ...FADED_MESSAGES,
      RaToolbar: { styleOverrides: { root: { backgroundColor: toolbar } } },
      // An unselected toggle button is drawn in the "active icon" grey (54 % black): 4.47:1 on its
      // hover tint. The secondary text colour keeps it above 4.5 there too.
      MuiToggleButton: { styleOverrides: { root: ({ theme }: { theme: Theme }) => ({ color: theme.palette.text.secondary }) } },
      MuiFilledInput: {
        ...filledInput,
        styleOverrides: {
          ...filledInput?.styleOverrides,
          root: { ...(typeof root === 'object' ? root : {}), '&::before': { borderBottomColor: underline } },
        },
      },
    },
  };
}

export const lightTheme: RaThemeOptions = withColours(defaultLightTheme, LIGHT_PALETTE, FIELD_UNDERLINE.light, FORM_TOOLBAR.light);

export const darkTheme: RaThemeOptions = withColours(defaultDarkTheme, DARK_PALETTE, FIELD_UNDERLINE.dark, FORM_TOOLBAR.dark);
