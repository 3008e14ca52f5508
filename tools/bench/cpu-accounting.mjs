// CPU time per request, read from Linux's /proc (issue 23): the whole machine's busy time, one
// PostgreSQL server's (its postmaster and backends) and one process's with its children (the API and
// its export worker).
// Requests per second on a shared virtual machine move by a third between runs with no change to the
// code (docs/performance.md), and the CPU a request costs moves with them; within one run, its split
// says where the time goes: in the API, in PostgreSQL, or in neither (the load generator, the
// baseline, the kernel).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's CPU times (USER_HZ; 100 on every Linux seen here). */
const ticksPerSecond = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

/**
 * A process's user and system ticks (threads included) with those of its children that have exited
 * and been waited for (cutime, cstime: PostgreSQL's backends once a connection closes, in the
 * postmaster's; an export worker's, in the API's), its parent's pid and its name; null if it is gone.
 */
function processStat(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The name is in parentheses and may hold spaces; the fields after it are space-separated:
    // state, ppid, ..., utime (the 14th field of the line), stime, cutime, cstime (the 17th).
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { name, ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]) };
  } catch {
    return null;
  }
}

function childrenOf(pid) {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((tid) => readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number));
  } catch {
    return [];
  }
}

/**
 * A process's ticks with its live children's (read first, then its own, so that a child ended in
 * between is counted twice rather than lost); null if the process is gone.
 */
function treeTicks(pid, withChildren) {
  let ticks = 0;
  if (withChildren) for (const child of childrenOf(pid)) ticks += processStat(child)?.ticks ?? 0;
  const own = processStat(pid);
  return own ? ticks + own.ticks : null;
}

/** The machine's busy ticks: /proc/stat's user, nice, system, irq and softirq (not idle, iowait, or steal: another guest's time). */
function machineBusyTicks() {
  const [, user, nice, system, , , irq, softirq] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  return user + nice + system + irq + softirq;
}

/**
 * The postmaster of the PostgreSQL server `client` is connected to, which must run on this machine:
 * the parent of the connection's backend. Only its tree is counted as PostgreSQL's, not another
 * server's on the same machine.
 */
export async function postmasterPid(client) {
  const { rows } = await client.query('SELECT pg_backend_pid() AS pid');
  const backend = processStat(rows[0].pid);
  const postmaster = backend ? processStat(backend.ppid) : null;
  if (!backend || !postmaster || postmaster.name !== 'postgres') throw new Error('the database server does not run on this machine: its CPU cannot be read');
  return backend.ppid;
}

/**
 * The CPU ticks used so far by the machine, by the PostgreSQL server whose postmaster is
 * `postgresPid` (its live backends and, in its own account, the ended ones), and by `pid` with its
 * live children (`children: false`: with its ended children only). Either left out: not counted.
 * A process that ends between two snapshots is counted once its parent has waited for it: take the
 * closing snapshot with cpuSettled() when processes may be ending.
 */
export function cpuSnapshot({ pid, postgresPid, children = true } = {}) {
  return {
    machine: machineBusyTicks(),
    postgres: postgresPid === undefined ? undefined : treeTicks(postgresPid, true),
    own: pid === undefined ? undefined : treeTicks(pid, children),
  };
}

/** A snapshot taken once two, 200 ms apart, agree on what the processes' trees hold (ending processes have been waited for). */
export async function cpuSettled(options) {
  let last = cpuSnapshot(options);
  for (let i = 0; i < 25; i++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const next = cpuSnapshot(options);
    if (next.postgres === last.postgres && next.own === last.own) return next;
    last = next;
  }
  return last;
}

/** Microseconds of CPU per request between two snapshots: the machine's, PostgreSQL's and the process's (null when not counted, or gone). */
export function cpuPerRequest(before, after, requests) {
  const us = (ticks) => (requests > 0 && ticks !== null ? Math.round((ticks * 1e6) / ticksPerSecond / requests) : null);
  const delta = (a, b) => (a === undefined || a === null || b === undefined || b === null ? null : b - a);
  return {
    machineUs: us(after.machine - before.machine),
    postgresUs: us(delta(before.postgres, after.postgres)),
    processUs: us(delta(before.own, after.own)),
  };
}
