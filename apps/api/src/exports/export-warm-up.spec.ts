import { Writable } from 'node:stream';
import { CODEBOOK } from './codebook';
import { warmUpExportCode } from './export-warm-up';

// The spare worker's made-up export (decision 193) must really run the export's code: if the
// statements produceExport sends changed and the made-up database no longer answered them, the
// warm-up would write nothing and warm nothing, silently.
describe('warmUpExportCode', () => {
  it('writes a made-up assessments file through the export\'s own code: its header and over a thousand rows', async () => {
    let text = '';
    const sink = new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        text += chunk.toString('utf8');
        done();
      },
    });
    const outcome = await warmUpExportCode(sink);
    const lines = text.replace(/^\uFEFF/, '').split('\n').filter((line) => line !== '');
    expect(lines[0]?.split(',')).toEqual(CODEBOOK.assessments.map((v) => v.name));
    expect(outcome.rows).toBeGreaterThan(1000);
    expect(lines).toHaveLength(outcome.rows + 1);
    // Released under k-anonymity like any file: its disclosure summary is there.
    expect(outcome.disclosure?.k).toBe(5);
  });
});
