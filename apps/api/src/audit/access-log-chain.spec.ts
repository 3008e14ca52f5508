import { createHmac } from 'node:crypto';
import { canonicalJson, chainHash, GENESIS, normaliseChange, normaliseCitizenIds, verifyRows } from './access-log-chain';
import type { ChainedRow } from './access-log-chain';

const KEY = 'test-audit-key';
const hmac = (text: string): string => createHmac('sha256', KEY).update(text).digest('hex');

/** A row as written before citizen_ids and change existed: its fields, and its hash over this exact text. */
const OLD_ROW_TEXT =
  '["' + '0'.repeat(64) + '","7","2026-11-30T10:15:00.000Z","00000000-0000-4000-8000-00000000a001","staff",' +
  '"00000000-0000-4000-8000-000000000751","read","citizens","00000000-0000-4000-8000-00000000c001",' +
  '"00000000-0000-4000-8000-00000000c001",null,"127.0.0.1","ok"]';

const oldRow = (): Omit<ChainedRow, 'hash'> => ({
  prevHash: GENESIS,
  seq: '7',
  at: new Date('2026-11-30T10:15:00.000Z'),
  userId: '00000000-0000-4000-8000-00000000a001',
  role: 'staff',
  municipalityId: '00000000-0000-4000-8000-000000000751',
  action: 'read',
  resource: 'citizens',
  recordId: '00000000-0000-4000-8000-00000000c001',
  citizenId: '00000000-0000-4000-8000-00000000c001',
  criterion: null,
  address: '127.0.0.1',
  outcome: 'ok',
  citizenIds: null,
  change: null,
});

describe('the chain hash with citizen ids and changes', () => {
  it('hashes a row without them exactly as rows were hashed before (the stored text, written out by hand)', () => {
    expect(chainHash(KEY, oldRow())).toBe(hmac(OLD_ROW_TEXT));
    const stored: ChainedRow = { ...oldRow(), hash: hmac(OLD_ROW_TEXT) };
    expect(verifyRows(KEY, [stored], GENESIS)).toMatchObject({ ok: true, checked: 1 });
  });

  it('treats an empty citizen list like none (the writer stores null), and appends a present one, labelled', () => {
    expect(chainHash(KEY, { ...oldRow(), citizenIds: [] })).toBe(hmac(OLD_ROW_TEXT));
    const ids = ['00000000-0000-4000-8000-00000000c001', '00000000-0000-4000-8000-00000000c002'];
    const expected = `${OLD_ROW_TEXT.slice(0, -1)},{"citizenIds":["00000000-0000-4000-8000-00000000c001","00000000-0000-4000-8000-00000000c002"]}]`;
    expect(chainHash(KEY, { ...oldRow(), citizenIds: ids })).toBe(hmac(expected));
  });

  it('appends a change with its keys in code-point order, whatever order they came in', () => {
    const change = { after: { name: 'Aarhus', hourlyRate: 500 }, before: { name: 'Aarhus', hourlyRate: 450 } };
    const expected = `${OLD_ROW_TEXT.slice(0, -1)},{"change":{"after":{"hourlyRate":500,"name":"Aarhus"},"before":{"hourlyRate":450,"name":"Aarhus"}}}]`;
    expect(chainHash(KEY, { ...oldRow(), change })).toBe(hmac(expected));
  });

  it('breaks the chain when a citizen is removed from a stored row or a change is altered', () => {
    const row = { ...oldRow(), citizenIds: ['00000000-0000-4000-8000-00000000c001', '00000000-0000-4000-8000-00000000c002'], change: { before: { a: 1 }, after: { a: 2 } } };
    const stored: ChainedRow = { ...row, hash: chainHash(KEY, row) };
    expect(verifyRows(KEY, [stored], GENESIS).ok).toBe(true);
    expect(verifyRows(KEY, [{ ...stored, citizenIds: ['00000000-0000-4000-8000-00000000c001'] }], GENESIS)).toMatchObject({ ok: false, firstBrokenSeq: 7 });
    expect(verifyRows(KEY, [{ ...stored, citizenIds: null }], GENESIS)).toMatchObject({ ok: false, firstBrokenSeq: 7 });
    expect(verifyRows(KEY, [{ ...stored, change: { before: { a: 1 }, after: { a: 3 } } }], GENESIS)).toMatchObject({ ok: false, firstBrokenSeq: 7 });
  });
});

describe('normalising what is stored', () => {
  it('writes citizen ids lower case, once each, sorted; none as null', () => {
    expect(normaliseCitizenIds(['B0000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000002'])).toEqual([
      'a0000000-0000-4000-8000-000000000001',
      'b0000000-0000-4000-8000-000000000002',
    ]);
    expect(normaliseCitizenIds([])).toBeNull();
    expect(normaliseCitizenIds(undefined)).toBeNull();
  });

  it('keeps of a change what JSON keeps: dates as text, no undefined', () => {
    expect(normaliseChange({ before: { at: new Date('2026-01-02T03:04:05.000Z'), gone: undefined }, after: null })).toEqual({ before: { at: '2026-01-02T03:04:05.000Z' }, after: null });
    expect(normaliseChange(null)).toBeNull();
    expect(canonicalJson({ b: [1, { d: 1, c: 2 }], a: 'x' })).toBe('{"a":"x","b":[1,{"c":2,"d":1}]}');
  });
});
