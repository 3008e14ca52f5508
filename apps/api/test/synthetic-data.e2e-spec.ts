import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Assessment, Citizen } from '@outcomes/contracts';
import { COMPOSITE_DOMAINS } from '@outcomes/contracts';
import { scoreAsi } from '@outcomes/domain';
import type { CitizenRow, ColumnType, Field, ProgrammeProtocol, RowSink, SyntheticRows, SyntheticTable } from '@outcomes/seeds';
import { CODECS, DEMO_IDS, generateMunicipality, planMunicipalities, PROGRAMME_CODES, protocolsFrom, PROTOCOLS_SQL, SCALES } from '@outcomes/seeds';
import { Client } from 'pg';
// Plain JS helper shared with the browser tests and CI.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startApi } from '../../../tools/testing/api-process.cjs';

const run = promisify(execFile);
const CLI = join(__dirname, '../../../dist/apps/api/cli.js');
const AS_OF = '2026-06-01';
const SEED = 7;

/**
 * `seed:synthetic` end to end: the demo scale loaded by the built CLI into a database of its own
 * (not the shared test database, whose counts other tests rely on), then read back through the API
 * with the same keys: names decrypt, name search finds them, stored ASI composites are scoreAsi's.
 */
describe('synthetic data load', () => {
  const secrets = {
    // The shared stack's JWT secret: outcomes_app's password derives from it and the role is server-wide.
    JWT_SECRET: process.env['TEST_JWT_SECRET'] as string,
    ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    BLIND_INDEX_KEY: randomBytes(32).toString('base64'),
    AUDIT_KEY: randomBytes(32).toString('base64'),
  };
  const name = `synthetic_${randomBytes(4).toString('hex')}`;
  const serverUrl = process.env['TEST_DATABASE_URL'] as string;
  const databaseUrl = Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
  const dataDir = mkdtempSync(join(tmpdir(), 'synthetic-cli-'));
  const env = { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', NODE_ENV: 'test', DATA_DIR: dataDir, DATABASE_URL: databaseUrl, ...secrets };
  let api: Awaited<ReturnType<typeof startApi>>;
  let owner: Client;
  let summary: { rows: Record<SyntheticTable, number> };
  let token: string;

  const get = async <T>(path: string, init: RequestInit = {}): Promise<{ status: number; body: T; range: string | null }> => {
    const res = await fetch(`${api.baseUrl}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers } });
    return { status: res.status, body: (await res.json()) as T, range: res.headers.get('content-range') };
  };

  beforeAll(async () => {
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    api = await startApi({ ...env, SEED_DEMO: 'true' });
    // Two worker threads generate while the main thread copies, whatever the machine's cores.
    const { stdout } = await run(process.execPath, [CLI, 'seed-synthetic', '--scale', 'demo', '--seed', String(SEED), '--as-of', AS_OF, '--workers', '2'], { env });
    summary = JSON.parse(stdout.trim().split('\n').pop() as string) as typeof summary;
    owner = new Client({ connectionString: databaseUrl });
    await owner.connect();
    const login = await fetch(`${api.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'staff@aarhus.demo', password: 'demo-password-2026' }) });
    token = ((await login.json()) as { token: string }).token;
  }, 180_000);

  afterAll(async () => {
    await owner?.end();
    await api?.stop();
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** The rows the generator makes for the same seed and date, in the clear, to compare with what the API answers. */
  async function expected(): Promise<{ [T in SyntheticTable]: SyntheticRows[T][] }> {
    const protocols = protocolsFrom((await owner.query<ProgrammeProtocol>(PROTOCOLS_SQL, [PROGRAMME_CODES])).rows);
    const rows = {} as Record<SyntheticTable, unknown[]>;
    const sink: RowSink = { add: (table, row) => void (rows[table] ??= []).push(row) };
    for (const plan of planMunicipalities(SCALES.demo)) generateMunicipality({ seed: SEED, scale: SCALES.demo, asOf: AS_OF, protocols }, plan, sink);
    return rows as { [T in SyntheticTable]: SyntheticRows[T][] };
  }

  it('loads the demo scale: the counts the CLI reports are the rows in the database', async () => {
    expect(summary.rows.citizen).toBe(SCALES.demo.citizens);
    for (const table of ['citizen', 'enrolment', 'treatment_session', 'group_attendance', 'outreach_contact', 'assessment'] as const) {
      const { rows } = await owner.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
      expect(Number(rows[0]?.n)).toBe(summary.rows[table]);
    }
    expect(summary.rows.assessment).toBeGreaterThan(0);
  });

  it('loads through its worker threads exactly the rows the generator makes for the seed, in every table', async () => {
    const generated = await expected();
    for (const table of Object.keys(summary.rows) as SyntheticTable[]) {
      expect({ table, rows: summary.rows[table] }).toEqual({ table, rows: generated[table]?.length ?? 0 });
    }
    const ids = generated.assessment.map((a) => a.id).sort();
    const { rows } = await owner.query<{ id: string }>(`SELECT id FROM assessment WHERE id = ANY($1) ORDER BY id`, [ids]);
    expect(rows.map((r) => r.id)).toEqual(ids);
  });

  it('records the load in the access log, one row per municipality, and the chain still verifies', async () => {
    const { rows } = await owner.query<{ action: string; municipality_id: string }>(`SELECT action, municipality_id FROM access_log WHERE resource = 'synthetic-data'`);
    expect(rows.map((r) => r.municipality_id).sort()).toEqual([DEMO_IDS.municipalities.aarhus, DEMO_IDS.municipalities.odense].sort());
    expect(rows.every((r) => r.action === 'create')).toBe(true);
    const { stdout } = await run(process.execPath, [CLI, 'audit-verify'], { env });
    expect(stdout).toContain('chain intact');
  });

  it('lets the API read a generated citizen: names and CPR number decrypt with the API\'s keys, and name search finds them', async () => {
    const generated = (await expected()).citizen.find((c) => c.municipalityId === DEMO_IDS.municipalities.aarhus && c.cpr !== null) as CitizenRow;
    const one = await get<Citizen>(`/api/citizens/${generated.id}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ firstName: generated.firstName, lastName: generated.lastName, cpr: generated.cpr, birthYear: generated.birthYear, sex: generated.sex });

    const found = await get<Citizen[]>('/api/citizens/search', { method: 'POST', body: JSON.stringify({ filter: JSON.stringify({ q: `${generated.firstName} ${generated.lastName}` }), range: '[0,99]' }) });
    expect(found.status).toBe(200);
    expect(found.body.map((c) => c.id)).toContain(generated.id);
  });

  it('stores the composites scoreAsi computes from the stored answers, as the API would', async () => {
    const list = await get<Assessment[]>(`/api/assessments?range=${encodeURIComponent('[0,49]')}`);
    expect(list.status).toBe(200);
    expect(list.body.length).toBeGreaterThan(0);
    for (const a of list.body) {
      const score = scoreAsi(a.items);
      for (const domain of COMPOSITE_DOMAINS) expect(a.composites[domain]).toBe(score.composites[domain].value);
      expect(a.drugFree).toBe(score.drugFree.value);
    }
  });

  /** The COPY values the loader sends for the seed's rows; a marker stands in for the encryption, whose columns are left out where it matters. */
  async function sentValues<T extends SyntheticTable>(table: T): Promise<Field[][]> {
    const marker = { encrypt: (f: string, p: string) => `${f}:${p}`, encryptNullable: (f: string, p: string | null | undefined) => (p ? `${f}:${p}` : null), blindIndex: (k: string, v: string) => `${k}:${v}` };
    return (((await expected())[table] ?? []) as SyntheticRows[T][]).map((row) => CODECS[table].encode(row, marker));
  }

  it('stores every value the loader sends in binary as the generator made it, read back as text by PostgreSQL (times as Danish wall-clock times)', async () => {
    // Each stored value as PostgreSQL prints it, beside the generator's value written the same way.
    const canonicalJson = (json: string): string => JSON.stringify(JSON.parse(json), (_key, value: unknown) =>
      value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1))) : value);
    const stored: Record<ColumnType, (column: string) => string> = {
      uuid: (c) => `${c}::text`, text: (c) => c, int4: (c) => `${c}::text`, float8: (c) => `${c}::text`, bool: (c) => `${c}::text`, date: (c) => `${c}::text`,
      timestamptz: (c) => `to_char(${c} AT TIME ZONE 'Europe/Copenhagen', 'YYYY-MM-DD HH24:MI')`, 'text[]': (c) => `array_to_json(${c})::text`, jsonb: (c) => `${c}::text`,
    };
    const written = (type: ColumnType, value: string | null): string | null => {
      if (value === null) return null;
      if (type === 'float8') return String(Number(value));
      if (type === 'jsonb' || type === 'text[]') return canonicalJson(value);
      return value;
    };
    const generated = (type: ColumnType, value: Field): string | null => {
      if (value === null) return null;
      if (type === 'bool') return value ? 'true' : 'false';
      if (type === 'text[]') return JSON.stringify(value);
      return written(type, String(value));
    };
    let compared = 0;
    for (const table of Object.keys(CODECS) as SyntheticTable[]) {
      // Encrypted and keyed-hash columns hold the marker's values in `sent`; the API's reading of them is tested above.
      const columns = Object.entries(CODECS[table].columns).map(([name, type], index) => ({ name, type, index })).filter((c) => !/_encrypted$|_hash$|^name_tokens$/.test(c.name));
      const values = await sentValues(table);
      // The demo accounts' own groups and meetings (SEED_DEMO) are in the same tables: the loaded rows are those whose first column (an id) the loader sent.
      const [key] = Object.keys(CODECS[table].columns) as [string];
      const { rows } = await owner.query<Record<string, string | null>>(`SELECT ${columns.map((c) => `${stored[c.type](c.name)} AS "${c.name}"`).join(', ')} FROM ${table} WHERE ${key} = ANY($1::uuid[])`, [values.map((v) => v[0])]);
      expect({ table, rows: rows.length }).toEqual({ table, rows: summary.rows[table] });
      const inDatabase = rows.map((r) => JSON.stringify(columns.map((c) => written(c.type, r[c.name] ?? null)))).sort();
      const sent = values.map((v) => JSON.stringify(columns.map((c) => generated(c.type, v[c.index] as Field)))).sort();
      expect({ table, rows: inDatabase }).toEqual({ table, rows: sent });
      compared += sent.length;
    }
    expect(compared).toBe(Object.values(summary.rows).reduce((a, b) => a + b, 0));
  });

  it("sends each assessment's answers with their keys in jsonb's own order (PostgreSQL's, read back), so its parse finds them sorted", async () => {
    const names = Object.keys(CODECS.assessment.columns);
    const sent = (await sentValues('assessment')).slice(0, 200);
    expect(sent.length).toBe(200);
    const { rows } = await owner.query<{ id: string; items: string; missing: string }>(`SELECT id, items::text AS items, missing::text AS missing FROM assessment WHERE id = ANY($1)`, [sent.map((f) => f[0])]);
    expect(rows).toHaveLength(sent.length);
    const stored = new Map(rows.map((r) => [r.id, r]));
    const keysOf = (json: string): string[] => Object.keys(JSON.parse(json) as object);
    for (const fields of sent) {
      const row = stored.get(fields[0] as string) as { items: string; missing: string };
      const [items, missing] = [fields[names.indexOf('items')] as string, fields[names.indexOf('missing')] as string];
      expect(JSON.parse(items)).toEqual(JSON.parse(row.items));
      // jsonb's text lists an object's keys in the order it keeps them: the loader's must be that order already.
      expect(keysOf(items)).toEqual(keysOf(row.items));
      expect(keysOf(missing)).toEqual(keysOf(row.missing));
    }
  });

  it('refuses a second synthetic load into the same database', async () => {
    await expect(run(process.execPath, [CLI, 'seed-synthetic', '--scale', 'demo', '--seed', '8'], { env })).rejects.toThrow(/loaded already/);
  });
});

/**
 * `npm start` on the embedded database: the demo accounts and, with them, the demo scale of synthetic
 * cases, so that a newcomer's worklist, dashboards and exports have something in them. Once: a second
 * start on the same data directory loads nothing more.
 */
describe('demo cases on npm start (embedded PostgreSQL)', () => {
  it('seeds the demo scale with the demo accounts, once', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'outcomes-demo-cases-'));
    chmodSync(dataDir, 0o755); // the embedded server runs as its own OS user and must reach it
    const totals = async (): Promise<{ citizens: number; worklist: number }> => {
      const api = await startApi({ DATA_DIR: dataDir, LOGIN_RATE_LIMIT: '1000' });
      try {
        const login = await fetch(`${api.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'staff@aarhus.demo', password: 'demo-password-2026' }) });
        expect(login.status).toBe(200);
        const auth = { authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
        const total = async (path: string): Promise<number> => {
          const res = await fetch(`${api.baseUrl}${path}`, { headers: auth });
          expect(res.status).toBe(200);
          return Number(/\/(\d+)$/.exec(res.headers.get('content-range') ?? '')?.[1]);
        };
        return { citizens: await total('/api/citizens'), worklist: await total('/api/worklist') };
      } finally {
        await api.stop();
      }
    };
    try {
      const first = await totals();
      // The demo scale puts a few dozen citizens in each demo municipality, some of them the demo staff member's.
      expect(first.citizens).toBeGreaterThan(20);
      expect(first.worklist).toBeGreaterThan(0);
      expect(await totals()).toEqual(first);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
