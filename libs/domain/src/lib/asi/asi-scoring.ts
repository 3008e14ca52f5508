import { ASI_ITEM_BY_CODE } from './asi-items';
import type { AsiDomain, AsiItemType } from './asi-items';

/** A raw answer: a number, 'N' (no such relationship), or F3's 'no' | 'indifferent' | 'yes'; null = not answered. */
export type AsiAnswer = number | string | null;
export type AsiAnswers = Readonly<Record<string, AsiAnswer | undefined>>;

export interface CompositeResult {
  /** The exact, unclamped composite; null when an item it needs is missing. */
  value: number | null;
  /** The items that kept it from being computed. */
  missing: string[];
}

export interface AsiScore {
  composites: Record<AsiDomain, CompositeResult>;
  drugFree: { value: boolean | null; missing: string[] };
}

/** ln(x) for x > 0, else 0, as the 1986 formulas define L(x). */
export const L = (x: number): number => (x > 0 ? Math.log(x) : 0);

const RULES: Record<AsiItemType, string> = {
  days: 'must be a whole number of days from 0 to 30',
  rating: 'must be a whole number from 0 to 4',
  yesno: 'must be 0 (no) or 1 (yes)',
  money: 'must be a non-negative amount',
  satisfaction: "must be 'no', 'indifferent' or 'yes'",
  relationship: "must be 0, 1 or 'N' (no such relationship)",
  severity: 'must be a whole number from 0 to 9',
};

function isValid(type: AsiItemType, value: AsiAnswer): boolean {
  const whole = (lo: number, hi: number): boolean => typeof value === 'number' && Number.isInteger(value) && value >= lo && value <= hi;
  switch (type) {
    case 'days':
      return whole(0, 30);
    case 'rating':
      return whole(0, 4);
    case 'yesno':
      return whole(0, 1);
    case 'money':
      return typeof value === 'number' && Number.isFinite(value) && value >= 0;
    case 'satisfaction':
      return value === 'no' || value === 'indifferent' || value === 'yes';
    case 'relationship':
      return value === 0 || value === 1 || value === 'N';
    case 'severity':
      return whole(0, 9);
  }
}

/**
 * Checks every given answer against its item's type; returns { itemCode: rule } for the bad ones
 * (an API answers them with 400). Unknown item codes are errors too. Unanswered (null) is allowed:
 * it makes the composites that need it absent, not invalid.
 */
export function asiAnswerErrors(answers: AsiAnswers): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [code, value] of Object.entries(answers)) {
    const def = ASI_ITEM_BY_CODE.get(code);
    if (!def) {
      errors[code] = 'is not an ASI item this product records';
    } else if (value !== null && value !== undefined && !isValid(def.type, value)) {
      errors[code] = `${code} ${RULES[def.type]}`;
    }
  }
  // docs/asi-scoring.md: E5 (car available) is 0 when E4 (valid licence) is 0. A 1 there is an impossible
  // answer, refused rather than read silently as 0.
  if (answers['E4'] === 0 && answers['E5'] === 1 && !errors['E5']) {
    errors['E5'] = 'E5 must be 0 or unanswered when E4 (valid driver’s licence) is 0';
  }
  return errors;
}

/** Reads the numbers a formula needs; any missing one makes the composite absent, naming them all. */
type Get = (code: string) => number;

function compute(answers: AsiAnswers, codes: string[], formula: (v: Get) => number): CompositeResult {
  const values: Record<string, number> = {};
  const missing: string[] = [];
  for (const code of codes) {
    const value = answers[code];
    const def = ASI_ITEM_BY_CODE.get(code);
    if (typeof value === 'number' && def && isValid(def.type, value)) values[code] = value;
    else missing.push(code);
  }
  // Every code is present once nothing is missing; `?? NaN` would surface a formula naming an item it did not list.
  return missing.length > 0 ? { value: null, missing } : { value: formula((code) => values[code] ?? Number.NaN), missing: [] };
}

const F3_REVERSED: Record<string, number> = { no: 2, indifferent: 1, yes: 0 };
const RELATIONSHIPS = ['F18', 'F19', 'F20', 'F21', 'F22', 'F23', 'F24', 'F25', 'F26'];
const DRUG_DAYS = ['D3', 'D4', 'D5', 'D6', 'D7', 'D8', 'D9', 'D10', 'D11', 'D13', 'D27'];
const ILLEGAL_DRUG_DAYS = ['D3', 'D4', 'D5', 'D6', 'D7', 'D8', 'D9', 'D10', 'D11', 'D12'];
const P_ITEMS = ['P3', 'P4', 'P5', 'P6', 'P7', 'P8', 'P9', 'P10'];

function employment(answers: AsiAnswers): CompositeResult {
  // E5 (car available) is 0 when there is no licence, asked or not.
  const noLicence = answers['E4'] === 0;
  const effective = noLicence ? { ...answers, E5: 0 } : answers;
  return compute(effective, ['E4', 'E5', 'E11', 'E12'], (v) => 1 - (v('E4') / 4 + v('E5') / 4 + v('E11') / 120 + L(v('E12')) / 36));
}

function family(answers: AsiAnswers): CompositeResult {
  const base = compute(answers, ['F30', 'F32', 'F34'], (v) => v('F30') / 150 + v('F32') / 20 + v('F34') / 20);
  const f3 = answers['F3'];
  const missing = [...(typeof f3 === 'string' && f3 in F3_REVERSED ? [] : ['F3']), ...base.missing];
  const unanswered = RELATIONSHIPS.filter((c) => !(answers[c] === 0 || answers[c] === 1 || answers[c] === 'N'));
  missing.push(...unanswered);
  if (missing.length > 0) return { value: null, missing };
  // The mean over the relationships that exist (answered 0 or 1); 'N' leaves the denominator; none: 0.
  const existing = RELATIONSHIPS.map((c) => answers[c]).filter((v): v is number => v === 0 || v === 1);
  const meanProblems = existing.length === 0 ? 0 : existing.reduce((a, b) => a + b, 0) / existing.length;
  return { value: (F3_REVERSED[f3 as string] ?? Number.NaN) / 10 + (base.value as number) + meanProblems / 5, missing: [] };
}

/** The seven composite scores and drug-free status, exactly as docs/asi-scoring.md gives them. Pure. */
export function scoreAsi(answers: AsiAnswers): AsiScore {
  const composites: Record<AsiDomain, CompositeResult> = {
    medical: compute(answers, ['M6', 'M7', 'M8'], (v) => v('M6') / 90 + v('M7') / 12 + v('M8') / 12),
    employment: employment(answers),
    alcohol: compute(answers, ['D1', 'D2', 'D26', 'D28', 'D30', 'D23'], (v) => v('D1') / 180 + v('D2') / 180 + v('D26') / 180 + v('D28') / 24 + v('D30') / 24 + L(v('D23')) / 44),
    drug: compute(answers, [...DRUG_DAYS, 'D29', 'D31'], (v) => DRUG_DAYS.reduce((sum, c) => sum + v(c), 0) / 390 + v('D29') / 52 + v('D31') / 52),
    legal: compute(answers, ['L24', 'L27', 'L28', 'L29', 'E17'], (v) => v('L24') / 5 + v('L27') / 150 + v('L28') / 20 + v('L29') / 20 + L(v('E17')) / 46),
    family: family(answers),
    psychiatric: compute(answers, [...P_ITEMS, 'P11', 'P12', 'P13'], (v) => P_ITEMS.reduce((sum, c) => sum + v(c), 0) / 11 + v('P11') / 330 + v('P12') / 44 + v('P13') / 44),
  };
  return { composites, drugFree: drugFree(answers) };
}

/**
 * Drug-free: every illegal-drug day count is 0 (inhalants included). Methadone (D4) and other
 * opiates (D5) do not count when recorded as prescribed substitution treatment.
 */
export function drugFree(answers: AsiAnswers): { value: boolean | null; missing: string[] } {
  const counted = ILLEGAL_DRUG_DAYS.filter((c) => !((c === 'D4' && answers['D4_PRESCRIBED'] === 1) || (c === 'D5' && answers['D5_PRESCRIBED'] === 1)));
  const missing = counted.filter((c) => typeof answers[c] !== 'number');
  if (missing.length > 0) return { value: null, missing };
  return { value: counted.every((c) => answers[c] === 0), missing: [] };
}

