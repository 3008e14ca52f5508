import type { OutcomeReport } from '@outcomes/contracts';

export const ECONOMY_MEASURES = ['perCitizen', 'perCompleter', 'perDrugFreeCompleter'] as const;
export type EconomyMeasure = (typeof ECONOMY_MEASURES)[number];

export interface EconomyRow {
  measure: EconomyMeasure;
  /** Staff minutes; null when hidden or there is no one to divide by. */
  minutes: number | null;
  /** In DKK at the municipality's hourly rate; null also when no rate is set. */
  cost: number | null;
}

const costOf = (minutes: number | null, hourlyRate: number | null): number | null =>
  minutes === null || hourlyRate === null ? null : (minutes * hourlyRate) / 60;

/** Staff time and its cost per citizen, per completer and per drug-free completer. */
export function economyRows(economy: OutcomeReport['economy']): EconomyRow[] {
  return ECONOMY_MEASURES.map((measure) => ({ measure, minutes: economy[measure], cost: costOf(economy[measure], economy.hourlyRate) }));
}
