import { createHmac } from 'node:crypto';
import { chainHash, GENESIS, verifyRows } from './access-log-chain';
import type { ChainedRow } from './access-log-chain';

const KEY = 'test-audit-key';
const hmac = (text: string): string => createHmac('sha256', KEY).update(text).digest('hex');

/** A row as written before api_token_id existed, and the exact text its hash covered (written out by hand). */
const ROW_TEXT =
  '["' + '0'.repeat(64) + '","8","2026-12-06T10:15:00.000Z","00000000-0000-4000-8000-00000000a003","evaluator",' +
  '"00000000-0000-4000-8000-000000000751","search","export-jobs",null,null,null,"127.0.0.1","ok"]';

const row = (): Omit<ChainedRow, 'hash'> => ({
  prevHash: GENESIS,
  seq: '8',
  at: new Date('2026-12-06T10:15:00.000Z'),
  userId: '00000000-0000-4000-8000-00000000a003',
  role: 'evaluator',
  municipalityId: '00000000-0000-4000-8000-000000000751',
  action: 'search',
  resource: 'export-jobs',
  recordId: null,
  citizenId: null,
  criterion: null,
  address: '127.0.0.1',
  outcome: 'ok',
  citizenIds: null,
  change: null,
});

const TOKEN = '00000000-0000-4000-8000-0000000000f1';

describe('the chain hash of a request made with a personal API token', () => {
  it('hashes a row without a token (absent or null) exactly as before', () => {
    expect(chainHash(KEY, row())).toBe(hmac(ROW_TEXT));
    expect(chainHash(KEY, { ...row(), apiTokenId: null })).toBe(hmac(ROW_TEXT));
  });

  it('appends the token id, labelled, when present; changing or removing it breaks the chain', () => {
    const expected = `${ROW_TEXT.slice(0, -1)},{"apiTokenId":"${TOKEN}"}]`;
    expect(chainHash(KEY, { ...row(), apiTokenId: TOKEN })).toBe(hmac(expected));
    const stored: ChainedRow = { ...row(), apiTokenId: TOKEN, hash: hmac(expected) };
    expect(verifyRows(KEY, [stored], GENESIS).ok).toBe(true);
    expect(verifyRows(KEY, [{ ...stored, apiTokenId: null }], GENESIS)).toMatchObject({ ok: false, firstBrokenSeq: 8 });
  });
});
