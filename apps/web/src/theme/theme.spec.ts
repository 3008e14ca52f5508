import { createTheme } from '@mui/material/styles';
import type { Theme } from '@mui/material/styles';
import { darkTheme, FIELD_UNDERLINE, FORM_TOOLBAR, lightTheme } from './theme';

/*
 * WCAG 2.1 contrast, written out from the definition (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio
 * and #dfn-relative-luminance) rather than taken from MUI's getContrastRatio: the test must not
 * trust the library whose colours it checks. Colours are measured in the theme MUI builds from ours
 * (createTheme), as the app renders them.
 */
type Rgba = { r: number; g: number; b: number; a: number };

function parse(colour: string): Rgba {
  // "#fff" is "#ffffff".
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(colour);
  if (short) return parse(`#${short.slice(1).map((digit) => digit + digit).join('')}`);
  const hex = /^#([0-9a-f]{6})$/i.exec(colour);
  if (hex?.[1]) {
    const n = parseInt(hex[1], 16);
    return { r: (n >> 16) & 255, g: (n >> 8) & 255, b: n & 255, a: 1 };
  }
  const rgba = /^rgba?\(\s*(\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?\s*\)$/.exec(colour);
  if (rgba) return { r: Number(rgba[1]), g: Number(rgba[2]), b: Number(rgba[3]), a: rgba[4] === undefined ? 1 : Number(rgba[4]) };
  throw new Error(`Cannot read the colour ${colour}`);
}

/** A translucent colour painted over an opaque one (source-over). */
function over(top: string | Rgba, bottom: string | Rgba): Rgba {
  const t = typeof top === 'string' ? parse(top) : top;
  const b = typeof bottom === 'string' ? parse(bottom) : bottom;
  const mix = (x: number, y: number) => x * t.a + y * (1 - t.a);
  return { r: mix(t.r, b.r), g: mix(t.g, b.g), b: mix(t.b, b.b), a: 1 };
}

function luminance(colour: Rgba): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(colour.r) + 0.7152 * channel(colour.g) + 0.0722 * channel(colour.b);
}

/** The contrast of a (possibly translucent) foreground drawn on an opaque background. */
function contrast(foreground: string | Rgba, background: string | Rgba): number {
  const bg = typeof background === 'string' ? parse(background) : background;
  const lighter = Math.max(luminance(over(foreground, bg)), luminance(bg));
  const darker = Math.min(luminance(over(foreground, bg)), luminance(bg));
  return (lighter + 0.05) / (darker + 0.05);
}

describe('the WCAG contrast formula of this test', () => {
  // Reference values from WebAIM's contrast checker and the audit (axe-core).
  it.each([
    ['#000000', '#ffffff', 21],
    ['#ffffff', '#ffffff', 1],
    ['#ffffff', '#2196f3', 3.12],
    ['#1976d2', '#fafafb', 4.41],
    ['#ffffff', '#ed6c02', 3.11],
    ['#767676', '#ffffff', 4.54],
  ])('measures %s on %s as %s:1', (fg, bg, expected) => {
    expect(contrast(fg, bg)).toBeCloseTo(expected, 2);
  });

  it('blends a translucent colour over its background', () => {
    expect(contrast('rgba(0, 0, 0, 0.5)', '#ffffff')).toBeCloseTo(contrast('#808080', '#ffffff'), 1);
  });
});

const AA_TEXT = 4.5;
const AA_COMPONENT = 3;

/** The status colours react-admin chips, alerts and buttons use. */
const STATUSES = ['primary', 'secondary', 'error', 'warning', 'info', 'success'] as const;

/**
 * The surfaces text sits on: the page, cards, and in dark mode the lightest raised surface (MUI
 * lightens dark-mode paper by elevation; a dialog at elevation 24 is lit by 16.5 % white).
 */
function surfaces(theme: Theme): Record<string, Rgba> {
  const { background, mode } = theme.palette;
  const out: Record<string, Rgba> = { page: parse(background.default), card: parse(background.paper) };
  if (mode === 'dark') out['dialog'] = over('rgba(255, 255, 255, 0.165)', background.paper);
  return out;
}

/** A filled form field's tint (react-admin: 4 % at rest; MUI: 6 % focused, 9 % hovered) over a card. */
function fieldTints(theme: Theme): Record<string, Rgba> {
  const ink = theme.palette.mode === 'light' ? '0, 0, 0' : '255, 255, 255';
  const [rest, focused, hovered] = theme.palette.mode === 'light' ? [0.04, 0.06, 0.09] : [0.09, 0.09, 0.13];
  const card = theme.palette.background.paper;
  return {
    'field at rest': over(`rgba(${ink}, ${rest})`, card),
    'focused field': over(`rgba(${ink}, ${focused})`, card),
    'hovered field': over(`rgba(${ink}, ${hovered})`, card),
  };
}

describe.each([
  ['light', lightTheme],
  ['dark', darkTheme],
] as const)('the %s theme', (mode, options) => {
  const theme = createTheme(options);
  const { palette } = theme;

  it(`is a ${mode} theme`, () => {
    expect(palette.mode).toBe(mode);
  });

  it.each(Object.keys(surfaces(theme)))('has body and secondary text at 4.5:1 on the %s', (name) => {
    const surface = surfaces(theme)[name];
    if (!surface) throw new Error(name);
    expect(contrast(palette.text.primary, surface)).toBeGreaterThanOrEqual(AA_TEXT);
    expect(contrast(palette.text.secondary, surface)).toBeGreaterThanOrEqual(AA_TEXT);
  });

  it.each(Object.keys(surfaces(theme)))('has links, text buttons and coloured text at 4.5:1 on the %s', (name) => {
    const surface = surfaces(theme)[name];
    if (!surface) throw new Error(name);
    // secondary is the app bar's colour, never used as text on a page.
    const failing = STATUSES.filter((status) => status !== 'secondary').filter((status) => contrast(palette[status].main, surface) < AA_TEXT);
    expect(failing).toEqual([]);
  });

  it('has the text of filled chips, buttons and the app bar at 4.5:1 on their colour', () => {
    // react-admin's AppBar is color="secondary": secondary.contrastText on secondary.main.
    const failing = STATUSES.filter((status) => contrast(palette[status].contrastText, palette[status].main) < AA_TEXT);
    expect(failing).toEqual([]);
  });

  it('has the focused label and the error label at 4.5:1 inside a filled field', () => {
    for (const [name, tint] of Object.entries(fieldTints(theme))) {
      expect([name, contrast(palette.primary.main, tint) >= AA_TEXT]).toEqual([name, true]);
      expect([name, contrast(palette.error.main, tint) >= AA_TEXT]).toEqual([name, true]);
      expect([name, contrast(palette.text.secondary, tint) >= AA_TEXT]).toEqual([name, true]);
    }
  });

  it('has text buttons (Delete, Cancel) at 4.5:1 on the form toolbar', () => {
    const toolbar = FORM_TOOLBAR[mode];
    expect(JSON.stringify(theme.components?.RaToolbar?.styleOverrides?.root)).toContain(toolbar);
    for (const colour of [palette.primary.main, palette.error.main, palette.text.primary]) {
      // The text button's hover tint sits under the text while the pointer is on it.
      const hovered = over(`rgba(${[parse(colour).r, parse(colour).g, parse(colour).b].join(', ')}, ${palette.action.hoverOpacity})`, toolbar);
      expect([colour, contrast(colour, toolbar) >= AA_TEXT, contrast(colour, hovered) >= AA_TEXT]).toEqual([colour, true, true]);
    }
  });

  it('has a selected toggle button (primary on its own tint) at 4.5:1, also when hovered', () => {
    const { selectedOpacity, hoverOpacity } = palette.action;
    const primary = parse(palette.primary.main);
    const tint = (opacity: number) => over({ ...primary, a: opacity }, palette.background.default);
    expect(contrast(primary, tint(selectedOpacity))).toBeGreaterThanOrEqual(AA_TEXT);
    expect(contrast(primary, tint(selectedOpacity + hoverOpacity))).toBeGreaterThanOrEqual(AA_TEXT);
  });

  it("draws a field's underline at 3:1 against the field", () => {
    const colour = FIELD_UNDERLINE[mode];
    for (const [name, tint] of Object.entries(fieldTints(theme))) {
      expect([name, contrast(colour, tint) >= AA_COMPONENT]).toEqual([name, true]);
    }
  });

  it('uses that underline in the filled field', () => {
    expect(JSON.stringify(theme.components?.MuiFilledInput?.styleOverrides?.root)).toContain(FIELD_UNDERLINE[mode]);
  });
});

describe('the light theme', () => {
  it('keeps a deep blue for links and buttons (darker than #1976d2, the audited one)', () => {
    const primary = createTheme(lightTheme).palette.primary.main;
    expect(luminance(parse(primary))).toBeLessThan(luminance(parse('#1976d2')));
  });
});
