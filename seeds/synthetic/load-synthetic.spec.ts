import { DEMO_IDS } from '../demo/demo-ids';
import { jsonbOrdered } from './copy-encoder';
import { generateMunicipality, planMunicipalities } from './generate';
import { encodeMunicipality } from './load-synthetic';
import type { ProgrammeProtocol, Protocols } from './protocols';
import type { SyntheticTable } from './rows';
import { SCALES } from './scales';

const protocol = (p: Partial<ProgrammeProtocol> & Pick<ProgrammeProtocol, 'id' | 'code' | 'format'>): ProgrammeProtocol => ({
  expectedSessions: null, sessionMinutes: null, courseWeeks: null, followUpMonths: [], followUpWindowDays: 30, minAge: 18, maxAge: null, requiredAttestations: [], ...p,
});
const PROTOCOLS: Protocols = {
  SMART: protocol({ id: DEMO_IDS.programmes.smart, code: 'SMART', format: 'open-group', sessionMinutes: 90 }),
  HCS: protocol({ id: DEMO_IDS.programmes.hcs, code: 'HCS', format: 'closed-group', expectedSessions: 16, sessionMinutes: 150, courseWeeks: 16, followUpMonths: [3, 6] }),
  OUTREACH: protocol({ id: DEMO_IDS.programmes.outreach, code: 'OUTREACH', format: 'outreach' }),
  MOVE: protocol({ id: DEMO_IDS.programmes.move, code: 'MOVE', format: 'individual', expectedSessions: 12, followUpMonths: [6], minAge: 15, maxAge: 25 }),
  ICM: protocol({ id: DEMO_IDS.programmes.icm, code: 'ICM', format: 'case-management' }),
};
// Encryption is not what is tested here: a marker stands in for the API's IdentifierCrypto.
const crypto = { encrypt: (f: string, p: string) => `enc(${f}:${p})`, encryptNullable: (f: string, p: string | null | undefined) => (p ? `enc(${f}:${p})` : null), blindIndex: (k: string, v: string) => `idx(${k}:${v})` };

describe('encodeMunicipality', () => {
  // The municipality scale's largest plan: Aarhus, big enough for several chunks per table.
  const [plan] = planMunicipalities(SCALES.municipality);
  const job = { seed: 3, scale: 'municipality' as const, asOf: '2026-06-01', protocols: PROTOCOLS, plan: plan as NonNullable<typeof plan> };
  const encoded = encodeMunicipality(job, crypto);

  it('encodes every row the generator makes, one COPY line each, in chunks of whole lines', () => {
    const generated = new Map<SyntheticTable, number>();
    generateMunicipality({ ...job, scale: SCALES.municipality }, job.plan, { add: (table) => void generated.set(table, (generated.get(table) ?? 0) + 1) });
    expect(new Set(Object.keys(encoded))).toEqual(new Set(generated.keys()));
    for (const [table, rows] of generated) {
      const { chunks, rows: counted } = encoded[table] ?? { chunks: [], rows: 0 };
      expect(counted).toBe(rows);
      const text = Buffer.concat(chunks).toString('utf8');
      expect(text.split('\n').length - 1).toBe(rows);
      for (const chunk of chunks) expect(chunk.at(-1)).toBe(0x0a);
    }
    expect((encoded.treatment_session?.chunks.length ?? 0)).toBeGreaterThan(1);
  });

  it('encodes the same rows for the same job (apart from the encryption, whose IVs are random)', () => {
    const again = encodeMunicipality(job, crypto);
    expect(Buffer.concat(again.assessment?.chunks ?? []).equals(Buffer.concat(encoded.assessment?.chunks ?? []))).toBe(true);
  });
});

describe('jsonbOrdered', () => {
  it('writes the keys shortest first, then alphabetically, as jsonb keeps them', () => {
    expect(jsonbOrdered({ D10: 1, M6: 2, A_SEV: 3, E4: 'x', F18: 'N', D2: null })).toBe('{"D2":null,"E4":"x","M6":2,"D10":1,"F18":"N","A_SEV":3}');
  });

  it('writes the same value JSON.stringify does, nested arrays included, and leaves out undefined as it does', () => {
    const value = { employment: ['E12', 'E4'], drug: ['D2'], alcohol: undefined };
    expect(JSON.parse(jsonbOrdered(value))).toEqual(JSON.parse(JSON.stringify(value)));
    expect(jsonbOrdered(value)).toBe('{"drug":["D2"],"employment":["E12","E4"]}');
    expect(jsonbOrdered({})).toBe('{}');
  });
});
