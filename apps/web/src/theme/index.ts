export { LocalisedTheme } from './LocalisedTheme';
export { darkTheme, lightTheme } from './theme';
