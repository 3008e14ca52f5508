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
    // The pseudonyms were made (HMACs under the throwaway key), not the made-up ids copied.
    const person = CODEBOOK.assessments.findIndex((v) => v.name === 'person_id');
    for (const line of lines.slice(1, 50)) expect(line.split(',')[person]).toMatch(/^[0-9a-f]{20}$/);
  });

  it('stops at its next batch once told to (a real order has come)', async () => {
    let batches = 0;
    const outcome = await warmUpExportCode(undefined, () => ++batches > 1);
    // One batch of 500 rows written, then none: fewer rows than the whole made-up export.
    expect(outcome.rows).toBeGreaterThan(0);
    expect(outcome.rows).toBeLessThanOrEqual(500);
  });
});
