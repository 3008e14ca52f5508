import type { ProportionFigure } from '@outcomes/contracts';
import { DISCLOSURE_THRESHOLD } from '@outcomes/domain';
import { intlLocale } from '../common/dates';

/**
 * What one cell of the report shows. The API sends null both for a figure hidden by disclosure
 * control and for a figure with nothing to compute; which it was follows from whether the report
 * is disclosure-controlled. A hidden cell is never shown as 0.
 */
export type ReportCell =
  | { kind: 'value'; text: string }
  /** A count under DISCLOSURE_THRESHOLD after perturbation: "< 5". */
  | { kind: 'below-threshold'; text: string }
  /** A rate, mean or quartile hidden because its base is too small after perturbation. */
  | { kind: 'suppressed' }
  /** Nothing to compute (no one in the group, too few pairs). */
  | { kind: 'not-available' };

const number = (value: number, locale: string, digits = 0): string =>
  new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: digits }).format(value);

export const formatPercent = (p: number, locale: string): string =>
  new Intl.NumberFormat(intlLocale(locale), { style: 'percent', maximumFractionDigits: 1 }).format(p);

/** A figure the API sent as null: hidden under disclosure control, else there was nothing to compute. */
export const missingCell = (controlled: boolean): ReportCell => (controlled ? { kind: 'suppressed' } : { kind: 'not-available' });

/** Under disclosure control a null count is one under 5 after perturbation: "< 5", never "–" or 0. */
export function countCell(value: number | null, controlled: boolean, locale: string): ReportCell {
  if (value !== null) return { kind: 'value', text: number(value, locale) };
  return controlled ? { kind: 'below-threshold', text: `< ${DISCLOSURE_THRESHOLD}` } : { kind: 'not-available' };
}

/** "66,7 % (4 af 6)": the rate and what it rests on; the interval is shown apart. */
export function proportionCell(figure: ProportionFigure | null, controlled: boolean, locale: string, of: string): ReportCell {
  if (figure === null) return missingCell(controlled);
  if (figure.p === null) return { kind: 'not-available' };
  return { kind: 'value', text: `${formatPercent(figure.p, locale)} (${number(figure.successes, locale)} ${of} ${number(figure.n, locale)})` };
}

/** "38,6–88,5 %", the 95 % Wilson interval; null when there is none to show. */
export function intervalText(figure: ProportionFigure | null, locale: string): string | null {
  if (figure === null || figure.lower === null || figure.upper === null) return null;
  const pct = (v: number): string => number(v * 100, locale, 1);
  return `${pct(figure.lower)}–${pct(figure.upper)}\u00a0%`;
}

/** An exact p-value as it is usually printed: two significant digits, and "< 0,001" below that. */
export function pValueText(p: number, locale: string): string {
  if (p < 0.001) return `< ${number(0.001, locale, 3)}`;
  return new Intl.NumberFormat(intlLocale(locale), { maximumSignificantDigits: 2 }).format(p);
}

/** Whole kroner: the cost is an estimate from minutes and an hourly rate. */
export const formatKroner = (value: number, locale: string): string =>
  new Intl.NumberFormat(intlLocale(locale), { style: 'currency', currency: 'DKK', maximumFractionDigits: 0 }).format(value);

export function currencyCell(value: number | null, controlled: boolean, locale: string): ReportCell {
  return value === null ? missingCell(controlled) : { kind: 'value', text: formatKroner(value, locale) };
}

/** A change in an ASI composite score (0-1 scale), signed: "−0,21", "+0,05". */
export const formatScoreChange = (value: number, locale: string): string =>
  new Intl.NumberFormat(intlLocale(locale), { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' }).format(value);
