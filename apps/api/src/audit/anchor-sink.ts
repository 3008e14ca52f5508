import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { parseAnchorLines } from './anchor-signing';
import type { Anchor, ParsedAnchors } from './anchor-signing';

export const ANCHOR_LOG_MESSAGE = 'access log anchor';

const FILE = /^anchors-\d{4}-\d{2}-\d{2}\.jsonl$/;

/**
 * Where anchors go: one JSON line in the log stream (shipped off the host in production) and, with
 * a directory, one line appended to that day's file. The file is opened with O_APPEND for each
 * anchor and the line written in one write(2), so lines of several replicas sharing the directory
 * (on a local file system) never interleave; each line is signed and stands alone. fsync, because
 * an anchor that a crash loses is evidence lost, and there is one a minute at most.
 */
export class AnchorSink {
  private dirReady = false;

  constructor(
    private readonly dir: string | undefined,
    private readonly logger: Logger,
  ) {}

  write(anchor: Anchor): void {
    if (this.dir) {
      if (!this.dirReady) {
        mkdirSync(this.dir, { recursive: true, mode: 0o750 });
        this.dirReady = true;
      }
      const fd = openSync(join(this.dir, `anchors-${anchor.at.slice(0, 10)}.jsonl`), 'a', 0o640);
      try {
        writeSync(fd, `${JSON.stringify(anchor)}\n`);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
    this.logger.info({ auditAnchor: anchor }, ANCHOR_LOG_MESSAGE);
  }
}

/**
 * Every anchor in the given places: a directory of anchor files (every line must be an anchor), or a
 * file (an anchor file, or a saved log stream, whose anchor lines are picked out).
 */
export function readAnchors(paths: string[]): ParsedAnchors {
  const result: ParsedAnchors = { anchors: [], unreadable: [] };
  const add = (parsed: ParsedAnchors): void => {
    result.anchors.push(...parsed.anchors);
    result.unreadable.push(...parsed.unreadable);
  };
  for (const path of paths) {
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).filter((n) => FILE.test(n)).sort()) {
        add(parseAnchorLines(readFileSync(join(path, name), 'utf8'), join(path, name), true));
      }
    } else {
      add(parseAnchorLines(readFileSync(path, 'utf8'), path, FILE.test(path.split('/').pop() ?? '')));
    }
  }
  return result;
}
