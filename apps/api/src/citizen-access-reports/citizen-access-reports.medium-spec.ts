import { CITIZEN_DATA_TABLE_NAMES } from '../database/citizen-data-tables';
import { Factories } from '../testing/factories';
import { demoUser, mediumDatabase, refusal } from '../testing/medium';
import { CitizenAccessReportsService } from './citizen-access-reports.service';
import type { CitizenAccessReportDto } from './dto/citizen-access-report.dto';
import { LEFT_OUT_COLUMNS, REPORT_TABLES } from './report-tables';

/**
 * The access report against the database itself: every encrypted column of a citizen's tables is
 * decrypted in the report (a new one would otherwise show the citizen ciphertext), every keyed hash
 * left out, every reference to a staff member shown by name (not an id); and the admin's own session
 * reaches no other municipality's citizen, whatever the service asks.
 */
const medium = mediumDatabase();
const make = new Factories(() => medium.owner, medium.crypto);
const service = new CitizenAccessReportsService(medium.db, medium.crypto);
const aarhusAdmin = demoUser('aarhus', 'admin');

async function columns(where: string): Promise<string[]> {
  const rows = (await medium.owner.query(
    `SELECT table_name || '.' || column_name AS c FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ANY($1) AND ${where} ORDER BY 1`,
    [CITIZEN_DATA_TABLE_NAMES],
  )) as { c: string }[];
  return rows.map((r) => r.c);
}

describe("the access report's tables against the catalogue", () => {
  it('decrypts every encrypted column of every citizen table', async () => {
    const declared = CITIZEN_DATA_TABLE_NAMES.flatMap((t) => Object.keys(REPORT_TABLES[t].encrypted ?? {}).map((c) => `${t}.${c}`)).sort();
    expect(declared).toEqual(await columns("column_name LIKE '%\\_encrypted'"));
  });

  it('leaves out every keyed hash', async () => {
    const hashes = await columns("(column_name LIKE '%\\_hash' OR column_name = 'name_tokens')");
    expect(hashes.length).toBeGreaterThan(0);
    expect(hashes.filter((c) => !LEFT_OUT_COLUMNS.has(c.split('.')[1] as string))).toEqual([]);
  });

  it('shows every reference to a user (who wrote or changed the record) by name', async () => {
    const rows = (await medium.owner.query(
      `SELECT c.conrelid::regclass::text || '.' || a.attname AS c
         FROM pg_constraint c JOIN unnest(c.conkey) AS k(n) ON true JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n
        WHERE c.contype = 'f' AND c.confrelid = 'app_user'::regclass AND c.conrelid::regclass::text = ANY($1) AND a.attname <> 'municipality_id'
        ORDER BY 1`,
      [CITIZEN_DATA_TABLE_NAMES],
    )) as { c: string }[];
    const declared = CITIZEN_DATA_TABLE_NAMES.flatMap((t) => (REPORT_TABLES[t].staff ?? []).map((c) => `${t}.${c}`)).sort();
    // Every key to app_user is declared (treatment_session.entered_in_error_by names a user without a key, declared too).
    expect(rows.length).toBeGreaterThan(10);
    // Or deliberately left out: who looked the record up (an emergency access's opener and reviewer), with
    // the municipality column of that composite key.
    const leftOut = (c: string): boolean => LEFT_OUT_COLUMNS.has(c.split('.')[1] as string) || c.endsWith('_municipality_id');
    expect(rows.map((r) => r.c).filter((c) => !declared.includes(c) && !leftOut(c))).toEqual([]);
  });
});

describe('CitizenAccessReportsService', () => {
  it("finds the own municipality's citizen by id and logs one export naming them", async () => {
    const enrolment = await make.enrolment('aarhus');
    const report = await medium.as(aarhusAdmin, async (ctx) => {
      const r = await service.report({ citizenId: enrolment.citizenId, requestedOn: '2026-01-31' } as CitizenAccessReportDto, 'json');
      expect(ctx.accesses).toEqual([expect.objectContaining({ action: 'export', resource: 'citizen-access-reports', citizenId: enrolment.citizenId, outcome: 'ok' })]);
      expect(ctx.selfLogged).toBe(true);
      return r;
    });
    expect(report.citizen.firstName).toBe('Karen');
    expect(report.counts.find((c) => c.table === 'enrolment')?.rows).toBe(1);
  });

  it("answers another municipality's citizen as not found, and the admin's own session reads none of its rows directly", async () => {
    const theirs = await make.enrolment('odense');
    expect(await refusal(medium.as(aarhusAdmin, () => service.report({ citizenId: theirs.citizenId, requestedOn: '2026-01-31' } as CitizenAccessReportDto, 'json')))).toMatchObject({ statusCode: 404 });
    const seen = await medium.as(aarhusAdmin, (ctx) => ctx.manager.query('SELECT (SELECT count(*) FROM citizen WHERE id = $1)::int AS c, (SELECT count(*) FROM enrolment WHERE citizen_id = $1)::int AS e', [theirs.citizenId]));
    expect(seen).toEqual([{ c: 0, e: 0 }]);
  });
});
