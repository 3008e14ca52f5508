/**
 * Danish CPR numbers (DDMMYY-SSSS), per the CPR office's rules:
 * - the century comes from the 7th digit (the first serial digit) together with YY;
 * - replacement numbers (erstatningspersonnumre) add 6 to the first day digit (day + 60);
 * - the modulus-11 check held until 1 October 2007 and may fail since: never a rejection, a warning.
 * Pure; used by the API (authoritative) and the web form (immediate feedback).
 */

export type Sex = 'male' | 'female';

export interface CprInfo {
  /** Ten digits, no hyphen. */
  digits: string;
  /** ISO date of birth, YYYY-MM-DD. */
  birthDate: string;
  birthYear: number;
  sex: Sex;
  /** A replacement number: day + 60. */
  replacement: boolean;
  /** Things worth knowing that do not make the number invalid. */
  warnings: string[];
}

export type CprResult = { valid: true; info: CprInfo } | { valid: false; rule: string };

const WEIGHTS = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];

/** The century by the 7th digit and YY, as the CPR office's table gives it. */
export function centuryOf(seventh: number, yy: number): number {
  if (seventh <= 3) return 1900;
  if (seventh === 4 || seventh === 9) return yy <= 36 ? 2000 : 1900;
  return yy <= 57 ? 2000 : 1800;
}

export function passesModulus11(digits: string): boolean {
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(digits[i]), 0);
  return sum % 11 === 0;
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * Validates a CPR number; `today` (YYYY-MM-DD, the Danish date: `danishToday()`) bounds the birth date.
 * No default: a default of the UTC date refused a child born today between Danish midnight and 01:00.
 */
export function parseCpr(input: string, today: string): CprResult {
  const text = input.trim();
  if (!/^\d{6}-?\d{4}$/.test(text)) {
    return { valid: false, rule: 'cpr must be 10 digits, written DDMMYYSSSS or DDMMYY-SSSS' };
  }
  const digits = text.replace('-', '');
  const dd = Number(digits.slice(0, 2));
  const mm = Number(digits.slice(2, 4));
  const yy = Number(digits.slice(4, 6));
  const seventh = Number(digits[6]);
  const replacement = dd > 60;
  const day = replacement ? dd - 60 : dd;
  const year = centuryOf(seventh, yy) + yy;
  if (!isRealDate(year, mm, day)) {
    return { valid: false, rule: `cpr must begin with a real date of birth (${pad(day)}-${pad(mm)}-${year} does not exist)` };
  }
  const birthDate = `${year}-${pad(mm)}-${pad(day)}`;
  if (birthDate > today) {
    return { valid: false, rule: 'cpr gives a date of birth in the future' };
  }
  const warnings: string[] = [];
  if (replacement) warnings.push('a replacement number (erstatningspersonnummer): it cannot be reported to the national register');
  else if (!passesModulus11(digits)) warnings.push('fails the modulus-11 check, which numbers issued since October 2007 may do');
  return {
    valid: true,
    info: { digits, birthDate, birthYear: year, sex: Number(digits[9]) % 2 === 1 ? 'male' : 'female', replacement, warnings },
  };
}
