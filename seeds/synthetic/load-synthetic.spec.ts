import { DEMO_IDS } from '../demo/demo-ids';
import { CODECS, columnNames, jsonbOrdered } from './copy-encoder';
import { generateMunicipality, planMunicipalities } from './generate';
import { encodeMunicipality } from './load-synthetic';
import type { ProgrammeProtocol, Protocols } from './protocols';
import type { SyntheticRows, SyntheticTable } from './rows';
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

  /** Reads binary COPY rows (field count, then each field's length and bytes) back to their fields, as PostgreSQL's format documents them. */
  function readRows(chunk: Buffer): (Buffer | null)[][] {
    const rows: (Buffer | null)[][] = [];
    let at = 0;
    while (at < chunk.length) {
      const count = chunk.readInt16BE(at);
      at += 2;
      const fields: (Buffer | null)[] = [];
      for (let i = 0; i < count; i++) {
        const length = chunk.readInt32BE(at);
        at += 4;
        fields.push(length < 0 ? null : chunk.subarray(at, at + length));
        if (length > 0) at += length;
      }
      if (at > chunk.length) throw new Error('a row runs past the end of its chunk');
      rows.push(fields);
    }
    return rows;
  }

  it('encodes every row the generator makes, in chunks of whole binary COPY rows of the table\'s columns', () => {
    const generated = new Map<SyntheticTable, SyntheticRows[SyntheticTable][]>();
    generateMunicipality({ ...job, scale: SCALES.municipality }, job.plan, { add: (table, row) => void (generated.get(table) ?? generated.set(table, []).get(table))?.push(row) });
    expect(new Set(Object.keys(encoded))).toEqual(new Set(generated.keys()));
    for (const [table, rows] of generated) {
      const { chunks, rows: counted } = encoded[table] ?? { chunks: [], rows: 0 };
      expect(counted).toBe(rows.length);
      const read = chunks.flatMap(readRows);
      expect(read).toHaveLength(rows.length);
      expect(new Set(read.map((fields) => fields.length))).toEqual(new Set([columnNames(table).length]));
      // The first column of every table is a UUID: its 16 bytes are the id's hex digits, in order.
      expect(read.map((fields) => fields[0]?.toString('hex'))).toEqual(rows.map((row) => String(CODECS[table].encode(row as never, crypto)[0]).replaceAll('-', '')));
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
