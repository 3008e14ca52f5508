/** The ten digits when `text` is a CPR number (DDMMYY-SSSS, with or without the dash or spaces), else null: a name. */
export function cprDigits(text: string): string | null {
  const compact = text.replace(/[\s-]/g, '');
  return /^\d{10}$/.test(compact) ? compact : null;
}
