#!/usr/bin/env node
// `npm test`: every check the project has, in the order a failure is cheapest to find, then one
// closing line "Summary: N passed, N failed" that adds up every Jest run (and counts each failed
// step that runs no tests, such as lint, as one failure). Nothing is skipped: a missing Chromium
// fails the browser step with the command that installs it.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const summaryFile = join(root, '.test-results/summary.jsonl');
rmSync(summaryFile, { force: true });

const nx = (...args) => ['npx', ['nx', ...args, '--outputStyle=static']];
const steps = [
  { name: 'lint and typecheck', cmd: nx('run-many', '-t', 'lint,typecheck') },
  // Issue #20: a file, export or dependency nobody uses fails the run (knip.jsonc; npm run deadcode).
  { name: 'dead code (knip)', cmd: ['npx', ['knip', '--no-progress']] },
  { name: 'unit tests', cmd: nx('run-many', '-t', 'test') },
  { name: 'migrations match the entities', cmd: ['node', ['tools/migrations.mjs', 'check']] },
  { name: 'API integration tests (HTTP, real PostgreSQL)', cmd: nx('run', 'api:integration') },
  // Needs a PostgreSQL server with its pg_dump (DATABASE_URL's, or the machine's on 127.0.0.1:5432).
  { name: 'deployment checks (production start-up, compose file, backup and restore)', cmd: nx('run', 'api:deployment') },
  // Issue #11: malformed input, the access matrix, resource limits, load and a database outage.
  { name: 'resilience (bad input, access matrix, limits, load, database fault)', cmd: nx('run', 'api:resilience') },
  { name: 'browser tests (Chromium)', cmd: nx('run', 'web-e2e:e2e') },
];

const readRuns = () =>
  existsSync(summaryFile)
    ? readFileSync(summaryFile, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l))
    : [];

const results = [];
for (const step of steps) {
  console.log(`\n=== ${step.name} ===`);
  const before = readRuns().length;
  const [command, args] = step.cmd;
  const { status } = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false' } });
  const runs = readRuns().slice(before);
  const sum = (key) => runs.reduce((n, r) => n + r[key], 0);
  const ok = status === 0;
  // A failed step with no failing test to show for it (lint, a crashed set-up) counts as one failure.
  const failed = sum('failed') + (!ok && sum('failed') === 0 ? 1 : 0);
  results.push({ name: step.name, ok, passed: sum('passed'), failed, skipped: sum('skipped'), failures: runs.flatMap((r) => r.failures ?? []) });
}

const total = (key) => results.reduce((n, r) => n + r[key], 0);
console.log('\n=== results ===');
for (const r of results) {
  console.log(`${r.ok ? 'ok  ' : 'FAIL'}  ${r.name}${r.passed + r.failed ? ` (${r.passed} passed, ${r.failed} failed)` : ''}`);
  for (const f of r.failures) console.log(`        x ${f.file} > ${f.test}: ${f.message}`);
}
console.log(`Summary: ${total('passed')} passed, ${total('failed')} failed${total('skipped') ? `, ${total('skipped')} skipped` : ''}`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
