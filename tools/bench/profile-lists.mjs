#!/usr/bin/env node
// `node tools/bench/profile-lists.mjs [--scale municipality] [--duration 8] [--connections 32] [--out <dir>] [--list <key>]`
// Where the API's time goes under the bench's list load (issue 23), without the rest of the bench:
// a throwaway PostgreSQL, the BUILT API on it under V8's --cpu-prof, the scale's synthetic data, then
// 1. one request of each list, alone, with the statements the API sent for it counted (each one a
//    round trip to PostgreSQL; tools/bench/count-queries.cjs), and
// 2. each list under autocannon (`connections` for `duration` s);
// the API is stopped, which writes its profile, and tools/bench/cpuprofile-summary.mjs summarises the
// samples taken under the load only (start-up and the data load left out). On a shared machine the
// requests/s printed are noise: compare the profile's shares and the round trips.
import { execFileSync, spawn } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import apiProcess from '../testing/api-process.cjs';
import { startThrowawayPostgres } from '../testing/throwaway-postgres.mjs';

const root = join(import.meta.dirname, '../..');
const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: 'municipality' },
    seed: { type: 'string', default: '42' },
    duration: { type: 'string', default: '8' },
    connections: { type: 'string', default: '32' },
    out: { type: 'string', default: join(tmpdir(), `outcomes-profile-${process.pid}`) },
    list: { type: 'string' },
  },
});
const log = (message) => process.stderr.write(`[profile] ${message}\n`);
const DEMO = { aarhus: '00000000-0000-4000-8000-000000000751', staff: '00000000-0000-4000-8000-000000075101', icm: '00000000-0000-4000-8000-000000000105' };

function runCli(cliArgs, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'dist/apps/api/cli.js'), ...cliArgs], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`cli ${cliArgs[0]} exited with ${code}`))));
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function main() {
  mkdirSync(args.out, { recursive: true });
  const queryLog = join(args.out, 'statements.txt');
  const secrets = {
    JWT_SECRET: randomBytes(48).toString('base64'),
    ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    BLIND_INDEX_KEY: randomBytes(32).toString('base64'),
    AUDIT_KEY: randomBytes(32).toString('base64'),
  };
  const db = await startThrowawayPostgres();
  const dataDir = join(tmpdir(), `outcomes-profile-data-${process.pid}`);
  mkdirSync(dataDir, { recursive: true });
  const baseEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'test', DATA_DIR: dataDir, DATABASE_URL: db.url, LOG_LEVEL: 'warn', ...secrets };
  const owner = new pg.Client({ connectionString: db.url });
  let api;
  try {
    process.env.API_CPU_PROF_DIR = args.out;
    const spawnedAt = Date.now();
    api = await apiProcess.startApi({
      ...baseEnv,
      SEED_DEMO: 'true',
      LOGIN_RATE_LIMIT: '100000',
      NODE_OPTIONS: `--require ${join(root, 'tools/bench/count-queries.cjs')}`,
      QUERY_LOG_FILE: queryLog,
    });
    log(`loading the ${args.scale} scale`);
    await runCli(['seed-synthetic', '--scale', args.scale, '--seed', args.seed], baseEnv);
    await owner.connect();
    const [busiest] = (await owner.query(
      'SELECT citizen_id FROM treatment_session WHERE municipality_id = $1 GROUP BY citizen_id ORDER BY count(*) DESC, citizen_id LIMIT 1', [DEMO.aarhus])).rows;
    const login = await fetch(`${api.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'staff@aarhus.demo', password: 'demo-password-2026' }) });
    const { token } = await login.json();
    const auth = { authorization: `Bearer ${token}` };
    const q = (o) => encodeURIComponent(JSON.stringify(o));
    // The bench's four lists (tools/bench/bench.mjs), the same requests.
    const lists = [
      { key: 'citizensSearch', url: `${api.baseUrl}/api/citizens/search`, method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ filter: JSON.stringify({ q: 'jensen' }), range: '[0,24]', sort: '["createdAt","DESC"]' }) },
      { key: 'enrolmentsFiltered', url: `${api.baseUrl}/api/enrolments?filter=${q({ state: 'active', programmeId: DEMO.icm })}&range=${q([0, 24])}&sort=${q(['referralDate', 'DESC'])}`, headers: auth },
      { key: 'sessionsOfCitizen', url: `${api.baseUrl}/api/sessions?filter=${q({ citizenId: busiest.citizen_id })}&range=${q([0, 24])}&sort=${q(['startsAt', 'DESC'])}`, headers: auth },
      { key: 'worklist', url: `${api.baseUrl}/api/worklist?filter=${q({ staffUserId: DEMO.staff })}&range=${q([0, 24])}`, headers: auth },
    ].filter((l) => !args.list || l.key === args.list);

    const roundTrips = {};
    for (const list of lists) {
      const once = () => fetch(list.url, { method: list.method ?? 'GET', headers: list.headers, body: list.body });
      const warm = await once();
      if (warm.status !== 200) throw new Error(`${list.key} answered ${warm.status}: ${await warm.text()}`);
      process.kill(api.child.pid, 'SIGUSR2');
      await sleep(100);
      const res = await once();
      await res.arrayBuffer();
      await sleep(100);
      process.kill(api.child.pid, 'SIGUSR2');
      await sleep(300);
      // pg-boss polls its queues on its own connections meanwhile: not the request's, left out of the count.
      const sent = readFileSync(queryLog, 'utf8').split('\n').filter(Boolean);
      const statements = sent.filter((s) => !s.includes('pgboss.'));
      roundTrips[list.key] = statements;
      log(`${list.key}: ${statements.length} statements (round trips) for one request${sent.length > statements.length ? `, besides ${sent.length - statements.length} of pg-boss's polling` : ''}`);
      for (const s of statements) log(`    ${s}`);
    }

    const loadFrom = Date.now() - spawnedAt;
    const rates = {};
    for (const list of lists) {
      const { url, ...request } = list;
      const r = await autocannon({ url, method: request.method ?? 'GET', headers: request.headers, body: request.body, connections: Number(args.connections), duration: Number(args.duration) });
      rates[list.key] = { rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, requests: r.requests.total };
      log(`${list.key}: ${rates[list.key].rps} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, non-2xx ${r.non2xx} (a loaded machine: noise)`);
    }
    await api.stop();
    api = undefined;
    const file = readdirSync(args.out).filter((f) => f.endsWith('.cpuprofile')).map((f) => join(args.out, f)).sort().pop();
    // Only the samples under the list load: the profile starts as the process does (about when it was spawned).
    const trimmed = trim(JSON.parse(readFileSync(file, 'utf8')), loadFrom * 1000);
    const listFile = file.replace(/\.cpuprofile$/, '.lists.cpuprofile');
    writeFileSync(listFile, JSON.stringify(trimmed));
    writeFileSync(join(args.out, 'round-trips.json'), `${JSON.stringify({ roundTrips, rates }, null, 2)}\n`);
    log(`profile of the list load: ${listFile}`);
    const served = Object.values(rates).reduce((sum, r) => sum + r.requests, 0);
    process.stdout.write(execFileSync(process.execPath, [join(root, 'tools/bench/cpuprofile-summary.mjs'), listFile, '--top', '30', '--busy', '--requests', String(served)]).toString());
  } finally {
    await owner.end().catch(() => undefined);
    await api?.stop().catch(() => undefined);
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The profile without its first `skipUs` microseconds of samples (their time counted into the first one kept). */
function trim(profile, skipUs) {
  let t = 0;
  let i = 0;
  while (i < profile.samples.length && t + profile.timeDeltas[i] < skipUs) t += profile.timeDeltas[i++];
  return { ...profile, startTime: profile.startTime + t, samples: profile.samples.slice(i), timeDeltas: [0, ...profile.timeDeltas.slice(i + 1)] };
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
