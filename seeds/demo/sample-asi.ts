/**
 * The answers of a complete ASI interview, for tests and demonstrations: `drugDays` days of cannabis
 * in the last 30 (the rest sober), and `distress` moving the psychiatric items. Every composite can
 * be scored from them.
 */
export function sampleAsiItems(drugDays: number, distress: number): Record<string, number | string> {
  return {
    M6: 2, M7: 1, M8: 1, E4: 1, E5: 1, E11: 10, E12: 5000, E17: 0,
    D1: 2, D2: 0, D26: 0, D28: 0, D30: 0, D23: 100,
    D3: 0, D4: 0, D5: 0, D6: 0, D7: 0, D8: 0, D9: 0, D10: drugDays, D11: 0, D12: 0, D13: 0, D27: drugDays, D29: drugDays > 0 ? 2 : 0, D31: 1,
    L24: 0, L27: 0, L28: 0, L29: 0,
    F3: 'yes', F18: 0, F19: 0, F20: 'N', F21: 0, F22: 'N', F23: 0, F24: 0, F25: 0, F26: 0, F30: 1, F32: 1, F34: 1,
    P3: distress > 1 ? 1 : 0, P4: 1, P5: 0, P6: 0, P7: 0, P8: 0, P9: 0, P10: 0, P11: distress * 5, P12: distress, P13: 1,
  };
}

/**
 * A complete ASI intake whose composites are worked by hand in the tests that use it (one home for
 * the API's and the browser's tests): medical 9/90 + 3/12 + 2/12 = 0.517, drug
 * (2 + 10 + 1 + 5)/390 + 2/52 + 3/52 = 0.142, legal 0; not drug-free (D10 = 10 days of cannabis).
 */
export const ASI_INTAKE_EXAMPLE: Readonly<Record<string, number | string>> = {
  M6: 9, M7: 3, M8: 2, E4: 1, E5: 0, E11: 12, E12: 8000, E17: 0,
  D1: 4, D2: 0, D26: 0, D28: 0, D30: 1, D23: 300,
  D3: 0, D4: 0, D5: 0, D6: 0, D7: 0, D8: 2, D9: 0, D10: 10, D11: 0, D12: 0, D13: 1, D27: 5, D29: 2, D31: 3,
  L24: 0, L27: 0, L28: 0, L29: 0,
  F3: 'indifferent', F18: 0, F19: 'N', F20: 1, F21: 0, F22: 'N', F23: 0, F24: 0, F25: 0, F26: 'N', F30: 2, F32: 1, F34: 1,
  P3: 1, P4: 1, P5: 0, P6: 0, P7: 0, P8: 0, P9: 0, P10: 0, P11: 8, P12: 2, P13: 1,
};
