// Small timing helpers for the benchmark: the median of repeated runs, and a query's time in psql.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Runs `work` once to warm up, then `runs` times; the median wall time in ms. */
export async function medianMs(runs, work) {
  await work();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await work();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

/**
 * The statements' server-side time as psql's \timing reports it (summed per run), median of `runs`
 * after a warm-up. `setup` runs first, untimed (the tenant settings row-level security reads).
 */
export async function sqlTimeMs(databaseUrl, runs, sql, setup = '') {
  const dir = mkdtempSync(join(tmpdir(), 'bench-sql-'));
  const file = join(dir, 'query.sql');
  writeFileSync(file, `${setup}\n\\timing on\n${sql}\n`);
  try {
    const once = () => {
      const out = execFileSync('psql', ['-X', '-q', '-d', databaseUrl, '-f', file], { maxBuffer: 256 * 2 ** 20 }).toString();
      return [...out.matchAll(/^Time: ([\d.]+) ms/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
    };
    once();
    return median(Array.from({ length: runs }, once));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** psql's line setting a user's tenant for the session, as the API sets it per transaction (so RLS narrows alike). */
export function tenantSettingsSql(user) {
  return `SELECT set_config('app.user_id', '${user.id}', false), set_config('app.role', '${user.role}', false), set_config('app.municipality_id', '${user.municipalityId}', false), set_config('app.municipality_ids', '${user.municipalityId}', false) \\g /dev/null`;
}
