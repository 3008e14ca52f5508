// CPU time per request, read from Linux's /proc (issue 23): the whole machine's busy time, the
// PostgreSQL processes' and one process's with its children (the API and its export worker).
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
 * postmaster's; an export worker's, in the API's), or 0 if it is gone; and its name.
 */
function processTicks(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The name is in parentheses and may hold spaces; the fields after it are space-separated.
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { name, ticks: Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]) };
  } catch {
    return { name: '', ticks: 0 };
  }
}

function childrenOf(pid) {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((tid) => readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number));
  } catch {
    return [];
  }
}

/** The machine's busy ticks: every CPU time of /proc/stat's first line but idle and iowait. */
function machineBusyTicks() {
  const [, user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  return user + nice + system + irq + softirq + (steal || 0);
}

/**
 * The CPU ticks used so far by the machine, by every process named postgres (the database's server
 * and its backends; a machine's other PostgreSQL servers are counted too, idle as they are in a
 * bench), and by `pid` with its live children (undefined: not counted; `children: false`, its
 * ended children only). A process that ends between two snapshots is counted once its parent has
 * waited for it; one whose parent has not, is not.
 */
export function cpuSnapshot(pid, { children = true } = {}) {
  let postgres = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const { name, ticks } = processTicks(entry);
    if (name === 'postgres') postgres += ticks;
  }
  let own;
  if (pid !== undefined) {
    own = processTicks(pid).ticks;
    if (children) for (const child of childrenOf(pid)) own += processTicks(child).ticks;
  }
  return { machine: machineBusyTicks(), postgres, own };
}

/** Microseconds of CPU per request between two snapshots: the machine's, PostgreSQL's and the process's (null when not counted). */
export function cpuPerRequest(before, after, requests) {
  const us = (ticks) => (requests > 0 ? Math.round((ticks * 1e6) / ticksPerSecond / requests) : null);
  return {
    machineUs: us(after.machine - before.machine),
    postgresUs: us(after.postgres - before.postgres),
    processUs: before.own === undefined || after.own === undefined ? null : us(after.own - before.own),
  };
}
