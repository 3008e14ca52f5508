import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The R interpreter; RSCRIPT=/nonexistent runs the fallbacks on a machine that has R (how they were tried). */
export const RSCRIPT = process.env['RSCRIPT'] || 'Rscript';

/**
 * R on this machine, for the tests that run R files for real (the syntax files, docs/api-tokens/export.R).
 * Optional: without it those tests fall back to a parser check and say so in their names (decision 174).
 */
export function rscriptVersion(packages: string[] = []): string | null {
  const found = probe(packages);
  // CI sets REQUIRE_R once it has installed R: there a missing or broken R fails, not falls back.
  if (found === null && process.env['REQUIRE_R'] === '1') throw new Error(`REQUIRE_R=1, but ${RSCRIPT} with ${packages.join(', ') || 'no packages'} does not run`);
  return found;
}

function probe(packages: string[]): string | null {
  // Bounded: an R that hangs on start fails the probe instead of the spec's whole run.
  const version = spawnSync(RSCRIPT, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  if (version.error || version.status !== 0) return null;
  const found = /version (\S+)/.exec(`${version.stdout}${version.stderr}`)?.[1] ?? 'unknown';
  if (packages.length > 0) {
    const loads = spawnSync(RSCRIPT, ['-e', packages.map((p) => `library(${p})`).join('; ')], { encoding: 'utf8', timeout: 30_000 });
    if (loads.status !== 0) return null;
  }
  return found;
}

/** One column as R made it: its class, its "label" attribute, a factor's levels, and its values as text (NA as null). */
export interface RColumn {
  name: string;
  class: string;
  label: string | null;
  levels: string[];
  values: (string | null)[];
}

/** Sources a generated R syntax file in `folder` (which holds its CSV) and reads every column of `frame` back (support/read-back.R). */
export function readBackInR(folder: string, script: string, frame: string): RColumn[] {
  const run = spawnSync(RSCRIPT, [join(__dirname, 'read-back.R'), folder, script, frame], { encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', LC_ALL: 'C.UTF-8', HOME: folder }, timeout: 60_000 });
  if (run.status !== 0) throw new Error(`Rscript failed (${run.status}): ${run.stderr}`);
  const split = (field: string): string[] => (field === '' ? [] : field.split('\x1f'));
  return run.stdout.split('\n').filter((l) => l !== '').map((line) => {
    const [name = '', cls = '', label = '', levels = '', values = ''] = line.split('\t');
    return { name, class: cls, label: label === '<none>' ? null : label, levels: split(levels), values: split(values).map((v) => (v === '<NA>' ? null : v)) };
  });
}

/**
 * Without R: a check that an R script parses as far as its brackets and strings go (every string
 * and backtick name terminated, every bracket closed by its own kind, none closed that was not
 * opened; comments skipped). Not R's parser, and the test that uses it says so.
 */
export function rBracketsAndStrings(source: string): void {
  const open: { ch: string; line: number }[] = [];
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  let line = 1;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] as string;
    if (ch === '\n') line++;
    else if (ch === '#') while (i + 1 < source.length && source[i + 1] !== '\n') i++;
    else if (ch === '"' || ch === "'" || ch === '`') {
      const start = line;
      for (i++; source[i] !== ch; i++) {
        if (i >= source.length) throw new Error(`R: a string opened on line ${start} is not closed`);
        if (source[i] === '\\') i++;
        if (source[i] === '\n') line++;
      }
    } else if ('([{'.includes(ch)) open.push({ ch, line });
    else if (ch in pairs) {
      const last = open.pop();
      if (!last || last.ch !== pairs[ch]) throw new Error(`R: ${ch} on line ${line} closes ${last ? `${last.ch} of line ${last.line}` : 'nothing'}`);
    }
  }
  if (open.length > 0) throw new Error(`R: ${open.map((o) => `${o.ch} of line ${o.line}`).join(', ')} not closed`);
}
