import type { AsiAnswer } from '@outcomes/domain';
import type { Rng } from './random';

/** Which illegal drug a programme's citizens mostly use, as the ASI day item that records it. */
export const MAIN_DRUG_ITEMS: Record<string, readonly string[]> = {
  HCS: ['D10', 'D10', 'D8', 'D9'],
  MOVE: ['D10', 'D10', 'D10', 'D9', 'D8'],
  OUTREACH: ['D3', 'D8', 'D9', 'D7', 'D10'],
  ICM: ['D3', 'D10', 'D9', 'D7'],
  SMART: ['D10', 'D9', 'D3'],
};

export interface AnswerProfile {
  programmeCode: string;
  /** 0 (no problems) to 1 (severe), the interviewer's overall picture at this assessment. */
  severity: number;
  /** No illegal drug use in the past 30 days: every illegal drug day item 0 (substitution excepted). */
  drugFree: boolean;
  /** In prescribed substitution treatment (methadone), which does not count against drug-free. */
  substitution: boolean;
  /** Leave one item unanswered, as real interviews sometimes do. */
  leaveOneOut: boolean;
}

const clampInt = (value: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, Math.round(value)));

/**
 * Plausible raw ASI answers for a profile. Only answers are made here: composites and drug-free are
 * computed from them by libs/domain's scoreAsi, as the API does, so what is stored is what the API would store.
 */
export function asiAnswers(rng: Rng, profile: AnswerProfile): Record<string, AsiAnswer> {
  const s = Math.max(0, Math.min(1, profile.severity));
  const days = (scale: number): number => clampInt(30 * s * scale * (0.5 + rng.next()), 0, 30);
  const rating = (): number => clampInt(4 * s * (0.4 + rng.next() * 0.9), 0, 4);
  const severity = (): number => clampInt(9 * s * (0.6 + rng.next() * 0.6), 0, 9);
  const yesNo = (p: number): number => (rng.chance(p) ? 1 : 0);
  const licence = yesNo(0.6 - 0.4 * s);

  const answers: Record<string, AsiAnswer> = {
    M6: days(0.3), M7: rating(), M8: rating(), M_SEV: severity(),
    E4: licence, E5: licence === 1 ? yesNo(0.5) : 0, E11: clampInt(22 * (1 - s) * rng.next() * 1.4, 0, 30),
    E12: Math.round((1 - s) * rng.next() * 25_000), E17: rng.chance(s * 0.5) ? Math.round(rng.next() * 8_000 * s) : 0, E_SEV: severity(),
    D1: days(0.4), D2: days(0.2), D26: days(0.15), D28: rating(), D30: rating(), D23: Math.round(s * rng.next() * 1_500), A_SEV: severity(),
    L24: yesNo(s * 0.3), L27: rng.chance(s * 0.3) ? days(0.3) : 0, L28: rating(), L29: rating(), L_SEV: severity(),
    F3: s > 0.6 ? rng.pick(['no', 'indifferent']) : rng.pick(['yes', 'yes', 'indifferent', 'no']),
    F30: days(0.2), F32: rating(), F34: rating(), F_SEV: severity(),
    P11: days(0.3), P12: rating(), P13: rating(), P_SEV: severity(),
  };
  for (const code of ['F18', 'F19', 'F20', 'F21', 'F22', 'F23', 'F24', 'F25', 'F26']) {
    answers[code] = rng.chance(0.2) ? 'N' : yesNo(0.35 * s);
  }
  for (const code of ['P3', 'P4', 'P5', 'P6', 'P7', 'P8', 'P9', 'P10']) answers[code] = yesNo(0.45 * s);

  for (const code of ['D3', 'D4', 'D5', 'D6', 'D7', 'D8', 'D9', 'D10', 'D11', 'D12']) answers[code] = 0;
  answers['D4_PRESCRIBED'] = profile.substitution ? 1 : 0;
  answers['D5_PRESCRIBED'] = 0;
  if (profile.substitution) answers['D4'] = rng.int(25, 30);
  if (!profile.drugFree) {
    const main = rng.pick(MAIN_DRUG_ITEMS[profile.programmeCode] ?? ['D10']);
    answers[main] = clampInt(30 * Math.max(s, 0.1) * (0.4 + rng.next() * 0.8), 1, 30);
    if (rng.chance(0.3 * s)) answers[rng.pick(['D8', 'D9', 'D10', 'D7'])] = rng.int(1, 10);
  }
  const used = ['D3', 'D5', 'D6', 'D7', 'D8', 'D9', 'D10', 'D11'].filter((c) => (answers[c] as number) > 0).length;
  answers['D13'] = used > 1 ? rng.int(1, 10) : 0;
  answers['D27'] = profile.drugFree ? 0 : days(0.6);
  answers['D29'] = profile.drugFree ? clampInt(rating() / 2, 0, 4) : rating();
  answers['D31'] = rating();
  answers['D_SEV'] = severity();

  if (profile.leaveOneOut) answers[rng.pick(Object.keys(answers))] = null;
  return answers;
}
