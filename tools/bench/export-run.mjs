// The largest evaluator export, timed through the API (job created → file downloaded) with the API
// process's peak RSS sampled from /proc (and its export worker process's, decision 132), beside `psql \copy` of the same query as the same role with
// the same tenant settings (so row-level security narrows it alike), written to /dev/null.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tenantSettingsSql } from './timing.mjs';

export const rssMiB = (pid) => {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : 0;
};

async function json(res, what) {
  if (!res.ok) throw new Error(`${what} answered ${res.status}: ${await res.text()}`);
  return res.json();
}

/** RSS of a process's children (an export's worker process, decision 132), summed. */
export const childrenRssMiB = (pid) => {
  let children = [];
  try {
    children = readdirSync(`/proc/${pid}/task`).flatMap((tid) => readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean));
  } catch {
    return 0;
  }
  return children.reduce((sum, child) => {
    try {
      return sum + rssMiB(child);
    } catch {
      return sum; // ended between the listing and the read
    }
  }, 0);
};

/** One export through the API: time from the request to the last byte of the download, and RSS. */
export async function apiExport({ baseUrl, pid, token, municipalityId, programmeIds, periodFrom, periodTo, dataset, whyFailed = async () => undefined }) {
  const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const project = await json(await fetch(`${baseUrl}/api/export-projects`, {
    method: 'POST', headers: auth,
    body: JSON.stringify({ name: `Bench ${Date.now()}`, purpose: 'Benchmark of the largest export', municipalityIds: [municipalityId], programmeIds, periodFrom, periodTo }),
  }), 'export project');
  const idleMiB = rssMiB(pid);
  let peakMiB = idleMiB;
  let workerPeakMiB = 0;
  let totalPeakMiB = idleMiB;
  let writingPeakMiB = idleMiB;
  let writing = true;
  const sampler = setInterval(() => {
    const api = rssMiB(pid);
    const worker = childrenRssMiB(pid);
    peakMiB = Math.max(peakMiB, api);
    if (writing) writingPeakMiB = Math.max(writingPeakMiB, api);
    workerPeakMiB = Math.max(workerPeakMiB, worker);
    totalPeakMiB = Math.max(totalPeakMiB, api + worker);
  }, 50);
  const started = process.hrtime.bigint();
  try {
    let job = await json(await fetch(`${baseUrl}/api/export-jobs`, { method: 'POST', headers: auth, body: JSON.stringify({ projectId: project.id, dataset, format: 'csv' }) }), 'export job');
    while (job.status !== 'done') {
      if (job.status === 'failed') throw new Error(`export failed: ${await whyFailed(job.id)}`);
      await new Promise((r) => setTimeout(r, 100));
      job = await json(await fetch(`${baseUrl}/api/export-jobs/${job.id}`, { headers: auth }), 'export job status');
    }
    writing = false;
    const doneAt = process.hrtime.bigint();
    const file = await fetch(`${baseUrl}/api/export-jobs/${job.id}/download`, { headers: auth });
    if (file.status !== 200) throw new Error(`download answered ${file.status}`);
    let bytes = 0;
    for await (const chunk of file.body) bytes += chunk.length;
    const end = process.hrtime.bigint();
    // Where the time went: until the job was seen done (queue, worker, storing the chunks; polled every 100 ms), then the download.
    return { ms: Number(end - started) / 1e6, doneMs: Number(doneAt - started) / 1e6, downloadMs: Number(end - doneAt) / 1e6, rows: job.rowCount, bytes, idleMiB: Math.round(idleMiB), peakMiB: Math.round(peakMiB), writingPeakMiB: Math.round(writingPeakMiB), workerPeakMiB: Math.round(workerPeakMiB), totalPeakMiB: Math.round(totalPeakMiB) };
  } finally {
    clearInterval(sampler);
  }
}

/** The same query through `psql \copy` as the restricted role with the evaluator's tenant settings; wall time of psql. */
export function psqlCopyMs({ root, appUrl, user, sqlArgs, runs = 3 }) {
  const sql = execFileSync(process.execPath, [join(root, 'dist/apps/api/cli.js'), 'export-sql', ...sqlArgs], { env: { PATH: process.env.PATH } }).toString().trim();
  const settings = tenantSettingsSql(user);
  const script = `${settings}\n\\copy (${sql.replace(/\s+/g, ' ')}) TO '/dev/null' WITH (FORMAT csv, HEADER)\n`;
  const once = () => {
    const start = process.hrtime.bigint();
    execFileSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', appUrl], { input: script, stdio: ['pipe', 'ignore', 'inherit'] });
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  once();
  const times = Array.from({ length: runs }, once).sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}
