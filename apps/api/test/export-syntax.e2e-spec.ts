import type { ApiErrorBody, ExportJob } from '@outcomes/contracts';
import ExcelJS from 'exceljs';
import { readR, readSpss, readStata } from '../src/exports/syntax/testing/syntax-readers';
import { createUser, staff } from './support/fixtures';
import { call, closeDb, db, tokenFor } from './support/http';
import { download, EVALUATOR, finished, ownProgramme, project, startExport } from './support/exports';

afterAll(closeDb);

/** GET of a syntax file as `as` (the evaluator by default), with its headers. */
async function syntax(id: string, format: string, lang: string | null, as = EVALUATOR): Promise<{ status: number; type: string | null; disposition: string | null; text: string; body: ApiErrorBody | null }> {
  const query = lang === null ? '' : `?lang=${encodeURIComponent(lang)}`;
  const res = await fetch(`${process.env['API_BASE_URL']}/api/export-jobs/${id}/syntax/${format}${query}`, { headers: { authorization: `Bearer ${await tokenFor(as)}` } });
  const text = await res.text();
  let body: ApiErrorBody | null = null;
  if (res.headers.get('content-type')?.startsWith('application/json')) body = JSON.parse(text) as ApiErrorBody;
  return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), text, body };
}

const syntaxRows = async (jobId: string): Promise<string[]> =>
  (await db().query<{ criterion: string }>(`SELECT criterion FROM access_log WHERE action = 'export' AND record_id = $1 AND criterion LIKE 'syntax:%' ORDER BY seq`, [jobId])).rows.map((r) => r.criterion);

describe('R, Stata and SPSS syntax files of a CSV export', () => {
  let projectId: string;
  let job: ExportJob;
  let header: string[];

  beforeAll(async () => {
    projectId = (await project([await ownProgramme()])).body.id;
    job = await finished((await startExport(projectId, 'enrolments')).body.id);
    expect(job.status).toBe('done');
    const csv = await download(job.id);
    header = (csv.body.toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '').split(',');
  });

  it('R, Danish: the script reads the downloaded CSV by its name, every column of it, with labels and value labels', async () => {
    const file = await syntax(job.id, 'r', 'da');
    expect([file.status, file.type, file.disposition]).toEqual([200, 'text/plain; charset=utf-8', `attachment; filename="${job.fileName.replace(/\.csv$/, '')}-da.R"`]);
    const read = readR(file.text);
    expect(read.csvFile).toBe(job.fileName);
    expect(read.names).toEqual(header);
    expect(read.labels['sex']).toBe('Køn');
    expect(read.labels['fu3_drug_free']).toBe('Stoffri (opfølgning 3 mdr.)');
    expect(read.valueLabels['state']).toEqual({ referred: 'Henvist', active: 'Aktiv', completed: 'Gennemført', dropped_out: 'Frafaldet', transferred: 'Overført', cancelled: 'Annulleret' });
    expect(read.colClasses['sessions_attended']).toBe('integer');
  });

  it('Stata and SPSS, English: the same columns, in order, with English labels', async () => {
    const stata = await syntax(job.id, 'stata', 'en');
    expect([stata.status, stata.disposition]).toEqual([200, `attachment; filename="${job.fileName.replace(/\.csv$/, '')}-en.do"`]);
    const s = readStata(stata.text);
    expect([s.csvFile, s.names, s.labels['sex'], s.valueLabels['sex']]).toEqual([job.fileName, header, 'Sex', { male: 'Male', female: 'Female' }]);
    const spss = await syntax(job.id, 'spss', 'en');
    expect(spss.status).toBe(200);
    const p = readSpss(spss.text);
    expect([p.csvFile, p.names, p.labels['state'], p.valueLabels['intake_drug_free']]).toEqual([job.fileName, header, 'State', { false: 'No', true: 'Yes' }]);
  });

  it('logs each syntax file as a download of the CSV it reads', async () => {
    const before = (await syntaxRows(job.id)).length;
    await syntax(job.id, 'spss', 'da');
    const rows = await syntaxRows(job.id);
    expect(rows.length).toBe(before + 1);
    expect(rows[rows.length - 1]).toBe(`syntax: ${job.fileName.replace(/\.csv$/, '')}-da.sps for ${job.fileName} project=${projectId}`);
  });

  it('400 naming lang or format for a bad value, whatever the job', async () => {
    for (const lang of [null, 'fr', 'DA', '']) {
      const bad = await syntax(job.id, 'r', lang);
      expect([lang, bad.status, bad.body?.errors?.['lang']]).toEqual([lang, 400, 'lang must be one of: da, en']);
    }
    for (const format of ['sas', 'R', 'csv']) {
      const bad = await syntax(job.id, format, 'da');
      expect([format, bad.status, bad.body?.errors?.['format']]).toEqual([format, 400, 'format must be one of: r, stata, spss']);
    }
  });

  it('refuses where the download refuses: 409 before the file is done, 409 for an XLSX export (which keeps its codebook sheet), 410 after it expired; none is logged', async () => {
    const other = (await project([await ownProgramme()])).body.id;
    const xlsx = await finished((await startExport(other, 'sessions', 'xlsx')).body.id);
    const notCsv = await syntax(xlsx.id, 'r', 'en');
    expect([notCsv.status, notCsv.body?.code]).toEqual([409, 'NOT_CSV']);
    // The XLSX keeps its codebook as its second sheet instead.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download(xlsx.id)).body as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['sessions', 'codebook']);
    const book: string[][] = [];
    workbook.getWorksheet('codebook')?.eachRow((row) => book.push((row.values as unknown[]).slice(1, 4).map(String)));
    expect(book[0]).toEqual(['variable', 'label_da', 'label_en']);
    expect(book.find((r) => r[0] === 'sessions_no_show')).toEqual(['sessions_no_show', 'Udeblevne sessioner', 'Sessions missed']);

    const csv = await finished((await startExport(other, 'sessions')).body.id);
    // Back to running for a moment, as the runner has it while it writes.
    await db().query(`UPDATE export_job SET status = 'running' WHERE id = $1`, [csv.id]);
    const early = await syntax(csv.id, 'stata', 'da');
    await db().query(`UPDATE export_job SET status = 'done' WHERE id = $1`, [csv.id]);
    expect([early.status, early.body?.code]).toEqual([409, 'NOT_READY']);
    expect((await syntax(csv.id, 'stata', 'da')).status).toBe(200);

    await db().query(`UPDATE export_job SET expires_at = now() - interval '1 second' WHERE id = $1`, [csv.id]);
    const gone = await syntax(csv.id, 'r', 'da');
    expect([gone.status, gone.body?.code]).toEqual([410, 'GONE']);
    expect((await download(csv.id)).status).toBe(410);
    expect(await syntaxRows(xlsx.id)).toEqual([]);
    expect(await syntaxRows(csv.id)).toHaveLength(1); // the one 200 above
  });

  it('is the requesting evaluator’s alone: another evaluator, of the same municipality or another, gets 404, staff 403, with no file and no log row', async () => {
    const before = (await syntaxRows(job.id)).length;
    const odense = await syntax(job.id, 'r', 'da', 'evaluator@odense.demo');
    expect([odense.status, odense.text]).toEqual([404, expect.not.stringContaining('read.csv')]);
    // Another evaluator of the same municipality: row-level security lets the row through, the requester check does not.
    const colleague = await createUser('aarhus', 'evaluator');
    await tokenFor(colleague.email, colleague.password);
    const sameTown = await syntax(job.id, 'stata', 'en', colleague.email);
    expect([sameTown.status, sameTown.text]).toEqual([404, expect.not.stringContaining('import delimited')]);
    const byRole = await syntax(job.id, 'r', 'da', staff.aarhus);
    expect([byRole.status, byRole.text]).toEqual([403, expect.not.stringContaining('read.csv')]);
    expect(await syntaxRows(job.id)).toHaveLength(before);
    // An unknown id is a 404 too, not a 500.
    const unknown = await call('GET', `/api/export-jobs/00000000-0000-4000-8000-000000000000/syntax/r?lang=da`, undefined, { as: EVALUATOR });
    expect(unknown.status).toBe(404);
  });
});
