import { intlLocale } from '../common/dates';

/** A composite as the codebook shows it: three decimals in the language's format; absent as "—". */
export function formatScore(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(intlLocale(locale), { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(value);
}
