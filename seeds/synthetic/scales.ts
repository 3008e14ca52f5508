export const SCALE_NAMES = ['demo', 'municipality', 'national'] as const;
export type ScaleName = (typeof SCALE_NAMES)[number];

export interface Scale {
  name: ScaleName;
  /** Citizens over all municipalities of the scale. */
  citizens: number;
  /** Years of history before the as-of date. */
  years: number;
  /** Municipality codes taking part (from MUNICIPALITIES); their weights share out the citizens. */
  municipalityCodes: readonly string[] | 'all';
}

/**
 * `demo`: the two demo municipalities with a few dozen citizens each; `municipality`: about one large
 * municipality's case load (~2,000 citizens), mostly in Aarhus, whose demo accounts the benchmark
 * signs in with; `national`: the 200,000 citizens over every listed municipality.
 */
export const SCALES: Record<ScaleName, Scale> = {
  demo: { name: 'demo', citizens: 120, years: 2, municipalityCodes: ['751', '461'] },
  municipality: { name: 'municipality', citizens: 2_000, years: 4, municipalityCodes: ['751', '461', '630'] },
  national: { name: 'national', citizens: 200_000, years: 8, municipalityCodes: 'all' },
};

export function isScaleName(value: string): value is ScaleName {
  return (SCALE_NAMES as readonly string[]).includes(value);
}
