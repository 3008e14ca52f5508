/**
 * followUpMonths is an integer array edited as "3, 6". While the text is not (yet) a clean list,
 * e.g. "3," halfway through typing, the form keeps the text itself so the input does not fight the
 * user; validateFollowUpMonths then reports it.
 */
export function formatFollowUpMonths(value: unknown): string {
  if (Array.isArray(value)) return value.join(', ');
  return typeof value === 'string' ? value : '';
}

export function parseFollowUpMonths(text: string): number[] | string {
  if (text.trim() === '') return [];
  const parts = text.split(',');
  return parts.every((part) => /^\s*\d{1,3}\s*$/.test(part)) ? parts.map(Number) : text;
}

export function validateFollowUpMonths(value: unknown): string | undefined {
  return Array.isArray(value) ? undefined : 'app.validation.follow_up_months';
}
