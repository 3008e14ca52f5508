#!/usr/bin/env node
// `node tools/bench/cpuprofile-summary.mjs <file.cpuprofile> [--top 25] [--busy] [--requests N]`
// Summarises a V8 CPU profile (node --cpu-prof; tools/bench/profile-lists.mjs writes one of the API
// under the list load) as SHARES, so runs on a loaded machine can be compared: absolute times there
// are noise, the proportions of the API's own CPU are not. Prints
// - the share of all samples that were idle, garbage collection and "(program)" (V8 and native work
//   outside JavaScript);
// - self and inclusive time by module: a package under node_modules, Node's own (node:*), or for the
//   bundled API (dist/apps/api/main.js) the source file its source map names;
// - the top functions by inclusive time (each function counted once per sample, so recursion does
//   not count twice).
// --busy divides by the samples that were not idle, rather than by all samples. --requests N (how many
// requests the profiled load served) adds the sampled CPU time per request beside each module's share.
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { parseArgs } from 'node:util';

const { values: args, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '25' }, busy: { type: 'boolean', default: false }, requests: { type: 'string' } } });
if (positionals.length !== 1) {
  process.stderr.write('usage: node tools/bench/cpuprofile-summary.mjs <file.cpuprofile> [--top 25] [--busy]\n');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(positionals[0], 'utf8'));

const maps = new Map();
/** The source map of a bundled file of ours (the API's dist), or null. */
function sourceMapOf(url) {
  if (maps.has(url)) return maps.get(url);
  let map = null;
  if (url.includes('/dist/apps/')) {
    try {
      map = new SourceMap(JSON.parse(readFileSync(`${new URL(url).pathname}.map`, 'utf8')));
    } catch {
      map = null;
    }
  }
  maps.set(url, map);
  return map;
}

/** The module a frame belongs to: a package, node's own, the API's source file, or a V8 pseudo-frame. */
function moduleOf(frame) {
  const { url, functionName, lineNumber, columnNumber } = frame;
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0].replace(/^internal$/, `internal/${url.split('/')[1] ?? ''}`);
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 14).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const map = sourceMapOf(url);
  if (map) {
    const entry = map.findEntry(lineNumber, columnNumber);
    const source = entry?.originalSource;
    if (source) return `api: ${source.replace(/^webpack:\/\/[^/]*\//, '').replace(/^.*?(apps|libs)\//, '$1/')}`;
  }
  return url.replace(/^file:\/\//, '');
}

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

// Time per sample: the deltas (microseconds), the first sample's delta being from startTime.
const samples = profile.samples;
const deltas = profile.timeDeltas;
const weight = new Map();
for (let i = 0; i < samples.length; i++) {
  const dt = i + 1 < deltas.length ? deltas[i + 1] : deltas[i];
  weight.set(samples[i], (weight.get(samples[i]) ?? 0) + dt);
}

const label = (n) => `${n.callFrame.functionName || '(anonymous)'} ${moduleOf(n.callFrame)}`;
const selfByModule = new Map();
const inclByModule = new Map();
const inclByFunction = new Map();
const selfByFunction = new Map();
let total = 0;
let idle = 0;
const add = (map, key, us) => map.set(key, (map.get(key) ?? 0) + us);
for (const [id, us] of weight) {
  total += us;
  const node = byId.get(id);
  const name = node.callFrame.functionName;
  if (name === '(idle)') {
    idle += us;
    continue;
  }
  add(selfByModule, moduleOf(node.callFrame), us);
  add(selfByFunction, label(node), us);
  const seenModules = new Set();
  const seenFunctions = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const n = byId.get(cur);
    if (n.callFrame.functionName === '(root)') break;
    const m = moduleOf(n.callFrame);
    const f = label(n);
    if (!seenModules.has(m)) {
      seenModules.add(m);
      add(inclByModule, m, us);
    }
    if (!seenFunctions.has(f)) {
      seenFunctions.add(f);
      add(inclByFunction, f, us);
    }
  }
}

const base = args.busy ? total - idle : total;
const requests = args.requests ? Number(args.requests) : 0;
// With --requests: a share's microseconds of CPU per request, beside it.
const pct = (us) => `${((100 * us) / base).toFixed(1).padStart(5)} %${requests ? ` ${String(Math.round(us / requests)).padStart(5)} µs/req` : ''}`;
const top = Number(args.top);
const out = [];
out.push(`${positionals[0]}: ${(total / 1e6).toFixed(1)} s sampled, idle ${((100 * idle) / total).toFixed(1)} %; shares below are of ${args.busy ? 'the non-idle samples' : 'all samples'}`);
if (requests) out.push(`${requests} requests served: ${((total - idle) / requests / 1000).toFixed(2)} ms of non-idle samples per request`);
out.push('', 'by module: self | inclusive');
const modules = [...new Set([...selfByModule.keys(), ...inclByModule.keys()])].sort((a, b) => (inclByModule.get(b) ?? 0) - (inclByModule.get(a) ?? 0));
for (const m of modules.slice(0, top)) out.push(`${pct(selfByModule.get(m) ?? 0)} | ${pct(inclByModule.get(m) ?? 0)}  ${m}`);
out.push('', 'top functions by inclusive time: inclusive | self');
for (const [f, us] of [...inclByFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) out.push(`${pct(us)} | ${pct(selfByFunction.get(f) ?? 0)}  ${f}`);
out.push('', 'top functions by self time');
for (const [f, us] of [...selfByFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) out.push(`${pct(us)}  ${f}`);
process.stdout.write(`${out.join('\n')}\n`);
