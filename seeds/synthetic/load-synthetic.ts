import { once } from 'node:events';
import type { ClientBase } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { ColumnType } from './copy-binary';
import { BINARY_COPY_HEADER, BINARY_COPY_TRAILER, BinaryRowWriter, CATALOG_TYPES } from './copy-binary';
import type { IdentifierEncryptor } from './copy-encoder';
import { CODECS, columnNames, writeRow } from './copy-encoder';
import type { GenerationOptions, MunicipalityPlan } from './generate';
import { generateMunicipality, planMunicipalities } from './generate';
import { syntheticId } from './ids';
import type { ProgrammeProtocol, Protocols } from './protocols';
import { PROGRAMME_CODES, PROTOCOLS_SQL, protocolsFrom } from './protocols';
import type { RowSink, SyntheticTable } from './rows';
import { TABLES_IN_LOAD_ORDER } from './rows';
import type { ScaleName } from './scales';
import { SCALES } from './scales';

export interface LoadOptions {
  scale: ScaleName;
  seed: number;
  /** The last day of history; default today. The same seed, scale and date give the same data. */
  asOf: string;
  /** The API's IdentifierCrypto, built from the API's own configuration. */
  crypto: IdentifierEncryptor;
  /**
   * Generates and encodes municipalities elsewhere (the API's CLI hands in worker threads), so the
   * next municipalities are made while one is copied into PostgreSQL. Without it they are made
   * here with `crypto`, one after the other.
   */
  encoder?: ParallelEncoder;
  /** Generated staff accounts get this hash of a password nobody knows: they exist for the data, not to sign in. */
  unusablePasswordHash: string;
  log?: (message: string) => void;
  /**
   * Called inside the load's transaction once the rows are in, once per municipality loaded, so
   * the caller can write the access log (the loader does not know the audit key).
   */
  recordLoad?: (client: ClientBase, municipality: LoadedMunicipality) => Promise<void>;
}

export interface LoadedMunicipality {
  id: string;
  code: string;
  name: string;
  citizens: number;
  /** The generated service account the load is recorded under in this municipality's access log. */
  loaderUserId: string;
}

export interface LoadSummary {
  name: string;
  scale: ScaleName;
  seed: number;
  asOf: string;
  municipalities: LoadedMunicipality[];
  rows: Record<SyntheticTable, number>;
  seconds: number;
}

/** What one municipality's generation needs; plain data, so it can be posted to a worker thread. */
export interface EncodeJob {
  seed: number;
  scale: ScaleName;
  asOf: string;
  protocols: Protocols;
  plan: MunicipalityPlan;
}

/** One municipality's rows in COPY's binary format, per table: chunks of whole rows (no header or trailer) and the number of rows. */
export type EncodedMunicipality = Partial<Record<SyntheticTable, { chunks: Buffer[]; rows: number }>>;

/** Generates and encodes municipalities off the loading thread; `jobs` of them may be in hand at once. */
export interface ParallelEncoder {
  jobs: number;
  encode(job: EncodeJob): Promise<EncodedMunicipality>;
}

/**
 * Generates one municipality and encodes its rows for COPY (binary format), identifiers encrypted
 * with `crypto`. Pure computation: the same in this thread or in a worker.
 */
export function encodeMunicipality(job: EncodeJob, crypto: IdentifierEncryptor): EncodedMunicipality {
  // Rows go straight into a reused buffer per table and leave it as chunks of about 1 MiB: no
  // string per row for the garbage collector, and a chunk's memory lives outside the JS heap.
  const tables = new Map<SyntheticTable, { writer: BinaryRowWriter; rows: number }>();
  const sink: RowSink = {
    add(table, row) {
      let t = tables.get(table);
      if (!t) tables.set(table, (t = { writer: new BinaryRowWriter(), rows: 0 }));
      writeRow(t.writer, table, row, crypto);
      t.rows++;
    },
  };
  const options: GenerationOptions = { seed: job.seed, scale: SCALES[job.scale], asOf: job.asOf, protocols: job.protocols };
  generateMunicipality(options, job.plan, sink);
  const encoded: EncodedMunicipality = {};
  for (const [table, t] of tables) {
    t.writer.flush();
    encoded[table] = { chunks: t.writer.chunks, rows: t.rows };
  }
  return encoded;
}

async function copyInto(client: ClientBase, table: SyntheticTable, chunks: readonly Buffer[]): Promise<void> {
  if (chunks.length === 0) return;
  const stream = client.query(copyFrom(`COPY ${table} (${columnNames(table).join(', ')}) FROM STDIN (FORMAT binary)`));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  for (const chunk of [BINARY_COPY_HEADER, ...chunks, BINARY_COPY_TRAILER]) {
    if (!stream.write(chunk)) await once(stream, 'drain');
  }
  stream.end();
  await done;
}

/**
 * The municipalities' encodings in turn, up to the encoder's `jobs` of them requested ahead of the
 * one being copied, so generation (CPU in Node) overlaps the COPY (CPU in PostgreSQL) without holding
 * every municipality in memory.
 */
async function* encodedInTurn(allPlans: readonly MunicipalityPlan[], job: (plan: MunicipalityPlan) => EncodeJob, options: LoadOptions): AsyncGenerator<[MunicipalityPlan, EncodedMunicipality]> {
  const encoder = options.encoder;
  if (!encoder) {
    for (const plan of allPlans) yield [plan, encodeMunicipality(job(plan), options.crypto)];
    return;
  }
  // The smallest municipality first: nothing overlaps the generation of the first one.
  const smallest = allPlans.reduce((a, b) => (b.citizens < a.citizens ? b : a));
  const plans = [smallest, ...allPlans.filter((p) => p !== smallest)];
  const queue: Promise<EncodedMunicipality>[] = [];
  let requested = 0;
  const request = (): void => {
    while (queue.length < encoder.jobs && requested < plans.length) {
      const pending = encoder.encode(job(plans[requested++] as MunicipalityPlan));
      pending.catch(() => undefined); // awaited in turn below; a failure ahead of its turn must not go unhandled meanwhile
      queue.push(pending);
    }
  };
  for (const plan of plans) {
    request();
    const encoded = await (queue.shift() as Promise<EncodedMunicipality>);
    request();
    yield [plan, encoded];
  }
}

/** Municipalities, centres and the generated staff accounts: few rows, inserted plainly and shared by every load. */
async function referenceData(client: ClientBase, plans: MunicipalityPlan[], passwordHash: string): Promise<Map<string, string>> {
  const loaders = new Map<string, string>();
  for (const plan of plans) {
    const m = plan.municipality;
    await client.query('INSERT INTO municipality (id, code, name) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [plan.id, m.code, m.name]);
    const [existing] = (await client.query<{ id: string }>('SELECT id FROM municipality WHERE code = $1', [m.code])).rows;
    plan.id = existing?.id ?? plan.id;
    for (const centre of plan.centres) {
      await client.query('INSERT INTO centre (id, municipality_id, name, address) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [centre.id, plan.id, centre.name, centre.address]);
      const [row] = (await client.query<{ id: string }>('SELECT id FROM centre WHERE municipality_id = $1 AND name = $2', [plan.id, centre.name])).rows;
      centre.id = row?.id ?? centre.id;
    }
    for (const [i, user] of plan.users.entries()) {
      if (user.existing) {
        const found = await client.query('SELECT 1 FROM app_user WHERE id = $1', [user.id]);
        if (found.rowCount) continue;
        // The demo accounts are not there (demo data off): a generated account takes their place.
        Object.assign(user, { id: syntheticId(0, 'user', m.number, 5_000 + i), email: `${user.role}-demo-${i}@${m.code}.synthetic.invalid`, existing: false });
      }
      await client.query(
        `INSERT INTO app_user (id, municipality_id, email, display_name, role, password_hash) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
        [user.id, plan.id, user.email, user.displayName, user.role, passwordHash],
      );
    }
    const loaderId = syntheticId(0, 'user', m.number, 9_000);
    // Inactive: it cannot sign in; it exists so the access log can name who wrote the synthetic rows.
    await client.query(
      `INSERT INTO app_user (id, municipality_id, email, display_name, role, password_hash, active) VALUES ($1, $2, $3, $4, 'admin', $5, false) ON CONFLICT DO NOTHING`,
      [loaderId, plan.id, `synthetic-loader@${m.code}.synthetic.invalid`, 'Syntetisk dataindlæsning (seed:synthetic)', passwordHash],
    );
    loaders.set(plan.id, loaderId);
  }
  return loaders;
}

/**
 * Foreign-key checks cost a trigger call and an index probe per row and made most of the load time.
 * A superuser owner may switch them off for this transaction (session_replication_role = replica);
 * checkForeignKeys() then checks every reference of the loaded tables in one pass before COMMIT.
 * Any other owner loads with the checks on, only slower.
 */
async function skipForeignKeyTriggers(client: ClientBase): Promise<boolean> {
  const { rows } = await client.query<{ rolsuper: boolean }>('SELECT rolsuper FROM pg_roles WHERE rolname = current_user');
  if (!rows[0]?.rolsuper) return false;
  await client.query('SET LOCAL session_replication_role = replica');
  return true;
}

/**
 * Every foreign key of the loaded tables, checked set-wise; a dangling reference fails the load (and
 * rolls it back). One statement per table, its keys as LEFT JOINs to their parents (a key's parent
 * row is unique, so no row is repeated): each table is scanned once, not once per key. On the
 * national data (PostgreSQL 15) the check took 5.6-5.8 s this way against 8.3-8.6 s as one anti-join per key.
 */
async function checkForeignKeys(client: ClientBase): Promise<void> {
  const { rows } = await client.query<{ conname: string; child: string; parent: string; fk: string[]; pk: string[] }>(
    `SELECT c.conname, c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent,
            ARRAY(SELECT quote_ident(a.attname) FROM unnest(c.conkey) WITH ORDINALITY k(attnum, n)
                    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.n) AS fk,
            ARRAY(SELECT quote_ident(a.attname) FROM unnest(c.confkey) WITH ORDINALITY k(attnum, n)
                    JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum ORDER BY k.n) AS pk
       FROM pg_constraint c WHERE c.contype = 'f' AND c.conrelid::regclass::text = ANY($1) ORDER BY c.conname`,
    [TABLES_IN_LOAD_ORDER],
  );
  const byTable = new Map<string, typeof rows>();
  for (const fk of rows) byTable.set(fk.child, [...(byTable.get(fk.child) ?? []), fk]);
  for (const [child, keys] of byTable) {
    const joins = keys.map((fk, i) => `LEFT JOIN ${fk.parent} p${i} ON ${fk.pk.map((column, j) => `p${i}.${column} = c.${fk.fk[j]}`).join(' AND ')}`);
    // As MATCH SIMPLE: a key with a NULL column references nothing; otherwise its parent row must be there.
    const broken = keys.map((fk, i) => `count(*) FILTER (WHERE ${fk.fk.map((column) => `c.${column} IS NOT NULL`).join(' AND ')} AND p${i}.${fk.pk[0]} IS NULL)::int`);
    const { rows: [counts] } = await client.query<{ broken: number[] }>(`SELECT ARRAY[${broken.join(', ')}] AS broken FROM ${child} c ${joins.join(' ')}`);
    const first = counts?.broken.findIndex((n) => n > 0) ?? -1;
    const fk = keys[first];
    if (fk) throw new Error(`foreign key ${fk.conname} (${fk.child} -> ${fk.parent}) would be broken by the load: ${counts?.broken[first]} row(s)`);
  }
}

/**
 * The binary COPY sends each value in the form of the type the codec names, and PostgreSQL reads
 * it as the column's type: a column whose type changed in a migration would be misread or refused
 * mid-load. So every codec column is checked against the catalog first, with a message that says
 * which one to change.
 */
async function checkColumnTypes(client: ClientBase): Promise<void> {
  const { rows } = await client.query<{ table: string; column: string; type: string }>(
    // to_regclass() finds each table along the search path, as the COPY's own name does.
    `SELECT l.name AS table, a.attname AS column, t.typname AS type
       FROM unnest($1::text[]) AS l(name) JOIN pg_attribute a ON a.attrelid = to_regclass(l.name) JOIN pg_type t ON t.oid = a.atttypid
      WHERE a.attnum > 0 AND NOT a.attisdropped`,
    [TABLES_IN_LOAD_ORDER],
  );
  const catalog = new Map(rows.map((r) => [`${r.table}.${r.column}`, r.type]));
  for (const table of TABLES_IN_LOAD_ORDER) {
    for (const [column, type] of Object.entries(CODECS[table].columns) as [string, ColumnType][]) {
      const actual = catalog.get(`${table}.${column}`);
      if (!actual || !CATALOG_TYPES[type].includes(actual)) {
        throw new Error(`the synthetic loader sends ${table}.${column} as ${type}, but the database's column is ${actual ?? 'missing'}: update seeds/synthetic/copy-encoder.ts`);
      }
    }
  }
}

/**
 * Generates a scale's synthetic data and loads it with COPY, as the database owner (row-level
 * security lets the owner write every municipality; the API's restricted role is never used here),
 * in one transaction: a failed load leaves nothing behind. Refuses a second synthetic load into the
 * same database (the seed_run table remembers it), since two seeds could draw the same CPR number.
 */
export async function loadSynthetic(client: ClientBase, options: LoadOptions): Promise<LoadSummary> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const scale = SCALES[options.scale];
  const name = `synthetic:${scale.name}:${options.seed}`;
  const rows = Object.fromEntries(TABLES_IN_LOAD_ORDER.map((t) => [t, 0])) as Record<SyntheticTable, number>;

  const municipalities: LoadedMunicipality[] = [];
  const [{ user }] = (await client.query<{ user: string }>('SELECT current_user AS user')).rows as [{ user: string }];
  if (user === 'outcomes_app') throw new Error('load as the database owner (DATABASE_URL), never as outcomes_app');

  await client.query('BEGIN');
  try {
    await checkColumnTypes(client);
    const skipChecks = await skipForeignKeyTriggers(client);
    const previous = await client.query<{ name: string }>(`SELECT name FROM seed_run WHERE name LIKE 'synthetic:%'`);
    if (previous.rowCount) throw new Error(`synthetic data is loaded already (${previous.rows[0]?.name}); use a fresh database`);
    await client.query('INSERT INTO seed_run (name, rows) VALUES ($1, 0)', [name]);

    const protocols = protocolsFrom((await client.query<ProgrammeProtocol>(PROTOCOLS_SQL, [PROGRAMME_CODES])).rows);
    const plans = planMunicipalities(scale);
    const loaders = await referenceData(client, plans, options.unusablePasswordHash);

    const job = (plan: MunicipalityPlan): EncodeJob => ({ seed: options.seed, scale: scale.name, asOf: options.asOf, protocols, plan });
    for await (const [plan, encoded] of encodedInTurn(plans, job, options)) {
      for (const table of TABLES_IN_LOAD_ORDER) {
        const { chunks, rows: count } = encoded[table] ?? { chunks: [], rows: 0 };
        await copyInto(client, table, chunks);
        rows[table] += count;
      }
      const loaded = { id: plan.id, code: plan.municipality.code, name: plan.municipality.name, citizens: plan.citizens, loaderUserId: loaders.get(plan.id) as string };
      municipalities.push(loaded);
      log(`${plan.municipality.name}: ${plan.citizens} citizens loaded (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    }
    if (skipChecks) await checkForeignKeys(client);
    for (const m of municipalities) await options.recordLoad?.(client, m);
    const total = Object.values(rows).reduce((a, b) => a + b, 0);
    await client.query('UPDATE seed_run SET rows = $2 WHERE name = $1', [name, Math.min(total, 2 ** 31 - 1)]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  // Fresh statistics, so the planner sees the new sizes before the first request.
  await client.query(`ANALYZE ${TABLES_IN_LOAD_ORDER.join(', ')}`);
  return {
    name,
    scale: scale.name,
    seed: options.seed,
    asOf: options.asOf,
    municipalities,
    rows,
    seconds: (Date.now() - started) / 1000,
  };
}
