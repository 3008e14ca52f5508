/**
 * The Okabe-Ito palette: eight colours that stay apart for readers with any common colour-vision
 * deficiency. In a dark theme black becomes white.
 */
export const OKABE_ITO = {
  blue: '#0072B2',
  orange: '#E69F00',
  green: '#009E73',
  vermillion: '#D55E00',
  purple: '#CC79A7',
  skyBlue: '#56B4E9',
  yellow: '#F0E442',
  black: '#000000',
} as const;

/** Colours for series told apart by colour alone, in order; yellow last, as it is faint on white. */
export function seriesColours(mode: 'light' | 'dark'): string[] {
  const { blue, orange, green, vermillion, purple, skyBlue, black, yellow } = OKABE_ITO;
  return [blue, orange, green, vermillion, purple, skyBlue, mode === 'dark' ? '#ffffff' : black, yellow];
}
