#!/usr/bin/env node
// The export at a chosen size (issue 23, decision 132): a throwaway PostgreSQL filled in SQL with
// `--rows` assessment rows (four per enrolment, one enrolment per citizen, all in Aarhus), the built
// API's export of the `assessments` dataset timed from request to last downloaded byte with the API
// process's peak RSS and the export worker process's, beside `psql \copy` of the same
// query as the same role with the same tenant settings. Prints one JSON line per run.
import { execFileSync, spawn } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import apiProcess from '../testing/api-process.cjs';
import { startThrowawayPostgres } from '../testing/throwaway-postgres.mjs';
import { apiExport, psqlCopyMs } from './export-run.mjs';

const { startApi } = apiProcess;
const root = join(import.meta.dirname, '../..');
const AARHUS = '00000000-0000-4000-8000-000000000751';
const TARGETS = { exportRatio: 2, exportRssMiB: 256 };

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '70000' },
    format: { type: 'string', default: 'csv' },
    'skip-build': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (args.help) {
  process.stdout.write(`Usage: npm run bench:export -- [--rows 70000] [--format csv|xlsx] [--skip-build]

Builds the API, starts a throwaway PostgreSQL and the built API on it, loads the demo scale's
synthetic data, then writes --rows assessment rows in SQL (generate_series; a million take a few
minutes), exports the assessments dataset through the API as Aarhus's evaluator (project over every
programme and every year) and runs psql \\copy of the same query. Prints the export's wall time,
the API process's idle and peak RSS, the export worker process's peak RSS, psql's time and the verdicts (<= ${TARGETS.exportRssMiB} MiB, <= ${TARGETS.exportRatio}x psql).
`);
  process.exit(0);
}
const log = (message) => process.stderr.write(`[bench:export] ${message}\n`);

function runCli(cliArgs, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'dist/apps/api/cli.js'), ...cliArgs], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`cli ${cliArgs[0]} exited with ${code}`))));
  });
}

/**
 * `rows` assessments in Aarhus, written in SQL: citizens, one enrolment each and four assessments
 * per enrolment, spread over every programme, ten years, both sexes, fifty birth years and the end
 * states, with the demo data's own ASI item answers. Triggers are off for the load (the owner's
 * session only): the rows are what the API would have written, without its per-row checks.
 */
async function fill(owner, rows) {
  const enrolments = Math.ceil(rows / 4);
  await owner.query(`UPDATE municipality SET consent_not_asked = 'included' WHERE id = $1`, [AARHUS]);
  await owner.query('BEGIN');
  await owner.query(`SET LOCAL session_replication_role = replica`);
  await owner.query(`CREATE TEMP TABLE template_items ON COMMIT DROP AS SELECT row_number() OVER (ORDER BY id) AS n, items FROM assessment WHERE timepoint = 'intake'`);
  await owner.query(`CREATE TEMP TABLE template_programme ON COMMIT DROP AS SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM programme WHERE id IN (SELECT programme_id FROM enrolment WHERE municipality_id = $1)`, [AARHUS]);
  const { rows: [fixed] } = await owner.query(
    `SELECT (SELECT centre_id FROM enrolment WHERE municipality_id = $1 LIMIT 1) AS centre, (SELECT interviewer_user_id FROM assessment WHERE municipality_id = $1 LIMIT 1) AS interviewer,
            (SELECT count(*) FROM template_items) AS items, (SELECT count(*) FROM template_programme) AS programmes`, [AARHUS]);
  await owner.query(
    `INSERT INTO citizen (id, municipality_id, first_name_encrypted, last_name_encrypted, birth_year, sex)
     SELECT md5('bench-c' || i)::uuid, $1, 'bench', 'bench', 1950 + (i * 7) % 50, CASE i % 3 WHEN 0 THEN 'male' WHEN 1 THEN 'female' END
     FROM generate_series(1, $2) i`, [AARHUS, enrolments]);
  await owner.query(
    `INSERT INTO enrolment (id, municipality_id, citizen_id, programme_id, centre_id, referral_date, start_date, end_date, state)
     SELECT md5('bench-e' || i)::uuid, $1, md5('bench-c' || i)::uuid, tp.id, $3, d, d + 14, CASE WHEN i % 4 = 0 THEN NULL ELSE d + 200 END,
            CASE i % 4 WHEN 0 THEN 'active' WHEN 1 THEN 'dropped_out' ELSE 'completed' END
     FROM generate_series(1, $2) i CROSS JOIN LATERAL (SELECT date '2016-01-01' + (i * 37) % 3600 AS d) dates
     JOIN template_programme tp ON tp.n = i % $4`, [AARHUS, enrolments, fixed.centre, fixed.programmes]);
  await owner.query(
    `INSERT INTO assessment (id, municipality_id, enrolment_id, citizen_id, timepoint, assessed_on, interviewer_user_id, items, medical, employment, alcohol, drug, legal, family, psychiatric, drug_free)
     SELECT md5('bench-a' || i || t.name)::uuid, $1, md5('bench-e' || i)::uuid, md5('bench-c' || i)::uuid, t.name, date '2016-01-01' + (i * 37) % 3600 + t.days, $3, ti.items,
            ((i + t.days) % 100) / 100.0, ((i * 3) % 100) / 100.0, ((i * 5) % 100) / 100.0, ((i * 7) % 100) / 100.0, ((i * 11) % 100) / 100.0, ((i * 13) % 100) / 100.0, ((i * 17) % 100) / 100.0, i % 2 = 0
     FROM generate_series(1, $2) i
     CROSS JOIN (VALUES ('intake', 0), ('end', 200), ('follow-up-3', 290), ('follow-up-6', 380)) t(name, days)
     JOIN template_items ti ON ti.n = 1 + i % $4
     LIMIT $5`, [AARHUS, enrolments, fixed.interviewer, fixed.items, rows]);
  await owner.query('COMMIT');
  await owner.query('ANALYZE citizen, enrolment, assessment');
}

async function main() {
  const rows = Number(args.rows);
  if (!args['skip-build']) {
    log('building the api');
    execFileSync('npx', ['nx', 'run', 'api:build', '--outputStyle=static'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const secrets = {
    JWT_SECRET: randomBytes(48).toString('base64'),
    ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    BLIND_INDEX_KEY: randomBytes(32).toString('base64'),
    AUDIT_KEY: randomBytes(32).toString('base64'),
  };
  const db = await startThrowawayPostgres();
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'test', DATABASE_URL: db.url, LOG_LEVEL: 'warn', ...secrets };
  const owner = new pg.Client({ connectionString: db.url });
  let api;
  try {
    api = await startApi({ ...env, SEED_DEMO: 'true' });
    await runCli(['seed-synthetic', '--scale', 'demo', '--seed', '42'], env);
    await owner.connect();
    const base = Number((await owner.query('SELECT count(*) AS n FROM assessment')).rows[0].n);
    log(`filling ${rows} assessment rows in SQL`);
    const fillStart = Date.now();
    await fill(owner, rows);
    const fillSeconds = (Date.now() - fillStart) / 1000;
    log(`filled in ${fillSeconds.toFixed(1)} s (${base} demo assessments beside them)`);
    // A freshly started API, as in bench.mjs: its RSS is then what the export adds to an idle API.
    await api.stop();
    api = await startApi(env);
    const login = await fetch(`${api.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'evaluator@aarhus.demo', password: 'demo-password-2026' }) });
    const token = (await login.json()).token;
    const evaluator = await (await fetch(`${api.baseUrl}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } })).json();
    const programmeIds = (await owner.query('SELECT id FROM programme ORDER BY code')).rows.map((r) => r.id);
    const scope = { municipalityId: AARHUS, programmeIds, periodFrom: '2015-01-01', periodTo: `${new Date().getUTCFullYear()}-12-31`, dataset: 'assessments' };
    log('exporting through the API');
    const whyFailed = async (id) => (await owner.query('SELECT error FROM export_job WHERE id = $1', [id])).rows[0]?.error;
    const exported = await apiExport({ baseUrl: api.baseUrl, pid: api.child.pid, token, ...scope, whyFailed });
    // From the request to the job's pick-up by the queue (the rest of exportDoneMs is the worker and the chunks' storing).
    const { rows: [job] } = await owner.query(`SELECT round(extract(epoch FROM started_at - created_at) * 1000) AS ms FROM export_job ORDER BY created_at DESC LIMIT 1`);
    log('psql \\copy of the same query');
    const appUrl = new URL(db.url);
    appUrl.username = 'outcomes_app';
    appUrl.password = createHmac('sha256', secrets.JWT_SECRET).update('outcomes_app database password').digest('hex');
    const copyMs = psqlCopyMs({ root, appUrl: appUrl.toString(), user: { id: evaluator.id, role: 'evaluator', municipalityId: AARHUS }, sqlArgs: ['assessments', programmeIds.join(','), scope.periodFrom, scope.periodTo], runs: 1 });
    const ratio = exported.ms / copyMs;
    const result = {
      assessmentsInDatabase: base + rows, fillSeconds, rowsExported: exported.rows, csvMiB: Number((exported.bytes / 2 ** 20).toFixed(1)),
      exportMs: Math.round(exported.ms), exportDoneMs: Math.round(exported.doneMs), exportDownloadMs: Math.round(exported.downloadMs), exportPickupMs: Number(job.ms), apiIdleRssMiB: exported.idleMiB, apiPeakRssMiB: exported.peakMiB, apiPeakWhileWritingRssMiB: exported.writingPeakMiB, workerPeakRssMiB: exported.workerPeakMiB, apiPlusWorkerPeakRssMiB: exported.totalPeakMiB,
      copyMs: Math.round(copyMs), ratio: Number(ratio.toFixed(2)),
      rssVerdict: exported.workerPeakMiB <= TARGETS.exportRssMiB && exported.peakMiB <= TARGETS.exportRssMiB ? 'meets' : 'misses', ratioVerdict: ratio <= TARGETS.exportRatio ? 'meets' : 'misses',
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await api?.stop();
    await owner.end().catch(() => undefined);
    await db.stop();
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
