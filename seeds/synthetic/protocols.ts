/** The programme codes the generator knows how to run; the protocols themselves come from the programme table. */
export const PROGRAMME_CODES = ['SMART', 'HCS', 'OUTREACH', 'MOVE', 'ICM'] as const;
export type ProgrammeCode = (typeof PROGRAMME_CODES)[number];

/** A programme row's protocol, as the loader reads it from the database (snake_case mapped). */
export interface ProgrammeProtocol {
  id: string;
  code: ProgrammeCode;
  format: string;
  expectedSessions: number | null;
  sessionMinutes: number | null;
  courseWeeks: number | null;
  followUpMonths: readonly number[];
  followUpWindowDays: number;
  minAge: number | null;
  maxAge: number | null;
  requiredAttestations: readonly string[];
}

export type Protocols = Readonly<Record<ProgrammeCode, ProgrammeProtocol>>;

/** The SQL the loader reads the protocols with. */
export const PROTOCOLS_SQL = `SELECT id, code, format, expected_sessions AS "expectedSessions", session_minutes AS "sessionMinutes",
  course_weeks AS "courseWeeks", follow_up_months AS "followUpMonths", follow_up_window_days AS "followUpWindowDays",
  min_age AS "minAge", max_age AS "maxAge", required_attestations AS "requiredAttestations"
  FROM programme WHERE code = ANY($1)`;

export function protocolsFrom(rows: readonly ProgrammeProtocol[]): Protocols {
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const missing = PROGRAMME_CODES.filter((c) => !byCode.has(c));
  if (missing.length > 0) throw new Error(`the programme table lacks ${missing.join(', ')}: run the API's migrations first`);
  return Object.fromEntries(PROGRAMME_CODES.map((c) => [c, byCode.get(c)])) as unknown as Protocols;
}
