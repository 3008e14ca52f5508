import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { ASI_ITEMS } from '@outcomes/domain';
import type { AuthUser } from '../auth/auth-user';
import type { SqlRunner } from '../tenancy/tenant-session';
import type { Row } from './export-datasets';
import { produceExport } from './export-production';
import type { ExportOrder, ExportOutcome } from './export-production';

// A spare export worker (decision 193) writes one made-up export while it waits for its order, so
// that the real one runs in code V8 has already compiled and optimised: in a new process the first
// thousands of rows are written at about three times the cost of the rest (3,349 rows took 300 ms
// to write cold, against 30 µs a row at 70,000). Nothing here touches a database, the IPC channel or
// a file: the rows are invented below, the key is random and thrown away, and the file goes nowhere.

const ENROLMENTS = 400;
const TIMEPOINTS = ['intake', 'end', 'follow-up-3', 'follow-up-6'] as const;
const MUNICIPALITY = '00000000-0000-4000-8000-00000000beef';
const STATES = ['active', 'completed', 'dropped_out'] as const;
/** Some 65 answered items per assessment, as the data has: every third item of the instrument. */
const ANSWERED = ASI_ITEMS.filter((_, i) => i % 3 === 0).map((i) => i.code);

const uuid = (n: number): string => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

function quasiIdentifiers(i: number): Row {
  const month = (offset: number) => `20${20 + (i % 5)}-${String(1 + ((i + offset) % 4) * 3).padStart(2, '0')}`;
  return {
    qi_birth_year: 1960 + (i % 8) * 5, qi_sex: i % 3 === 0 ? 'female' : 'male', qi_municipality: '999', qi_programme: `P${i % 4}`,
    qi_referral_month: month(0), qi_start_month: month(1), qi_end_month: i % 4 === 0 ? null : month(2), qi_state: STATES[i % 3],
  };
}

function assessmentRows(): Row[] {
  const rows: Row[] = [];
  for (let i = 0; i < ENROLMENTS; i++) {
    for (const [t, timepoint] of TIMEPOINTS.entries()) {
      const items: Row = {};
      for (const [n, code] of ANSWERED.entries()) items[code] = (i + n + t) % 5;
      rows.push({
        enrolment_id: uuid(2 * i), citizen_id: uuid(2 * i + 1), ...quasiIdentifiers(i), timepoint, assessment_quarter: `202${t}-Q${1 + (i % 4)}`,
        instrument: 'asi-europasi', instrument_version: '1', items, medical: 0.25, employment: 0.5, alcohol: 0.125, drug: 0.375, legal: 0, family: 0.75, psychiatric: 1, drug_free: i % 2 === 0,
      });
    }
  }
  return rows;
}

/**
 * The statements produceExport sends, answered from the made-up rows (every FETCH the next slice);
 * once `stop()` says so, every FETCH answers no rows, so the made-up export ends at its next batch.
 */
function madeUpDatabase(rows: Row[], stop: () => boolean): SqlRunner {
  const groups = new Map<string, Row>();
  for (let i = 0; i < ENROLMENTS; i++) {
    const qi = quasiIdentifiers(i);
    const key = JSON.stringify(qi);
    const group = groups.get(key) ?? { ...qi, n: 0 };
    group['n'] = (group['n'] as number) + 1;
    groups.set(key, group);
  }
  let fetched = 0;
  return {
    query: async (sql: string) => {
      if (sql.startsWith('FETCH')) {
        if (stop()) return [];
        const batch = rows.slice(fetched, fetched + 500);
        fetched += batch.length;
        return batch;
      }
      return sql.includes('GROUP BY') ? [...groups.values()] : [];
    },
  };
}

/**
 * Writes the made-up assessments export into `sink` (by default nowhere); answers what it wrote.
 * `stop` is asked before each batch: a real order that arrives meanwhile waits one batch, not the rest.
 */
export async function warmUpExportCode(sink: Writable = new Writable({ write: (_chunk, _encoding, done) => done() }), stop: () => boolean = () => false): Promise<ExportOutcome> {
  const user: AuthUser = {
    id: uuid(1 << 30), email: '', displayName: '', role: 'evaluator', municipalityId: MUNICIPALITY, municipalityName: null,
    grantedMunicipalityIds: [], tokenVersion: 0, authTime: 0, issuedAt: 0,
  };
  const order: ExportOrder = {
    dataset: 'assessments', format: 'csv', user, municipalityIds: [MUNICIPALITY],
    scope: { programmeIds: [], periodFrom: '2020-01-01', periodTo: '2024-12-31' }, k: 5, consentNotAsked: [],
  };
  return produceExport(madeUpDatabase(assessmentRows(), stop), order, randomBytes(32), sink, () => undefined);
}
