import { Injectable } from '@nestjs/common';
import { CITIZEN_ACCESS_REPORT_FORMAT } from '@outcomes/contracts';
import type { AccessAction, AccessOutcome, AccessReportLabel, AccessReportSection, CitizenAccessReport, Role } from '@outcomes/contracts';
import { accessRequestDueOn, danishToday, parseCpr } from '@outcomes/domain';
import { IdentifierCrypto } from '../common/crypto/identifier-crypto';
import { ApiException } from '../common/errors/api.exception';
import { CITIZEN_DATA_TABLE_NAMES } from '../database/citizen-data-tables';
import { municipalityById } from '../municipalities/municipalities.queries';
import { Db } from '../tenancy/db.service';
import { citizenExists, citizenIdByCprHash, citizenLookups, citizenTableRows, namesOf } from './citizen-access-reports.queries';
import type { CitizenAccessReportDto } from './dto/citizen-access-report.dto';
import { lookupWhat, lookupWhy } from './lookup-words';
import { COLUMN_LABELS, LEFT_OUT_COLUMNS, REPORT_TABLES } from './report-tables';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const camel = (column: string): string => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
/** Columns naming a centre or a programme: shown by name, the id kept beside it. */
const NAMED_REFERENCES = new Set(['centre_id', 'programme_id', 'received_by_centre_id', 'referred_programme_id']);

/**
 * The citizen's own access (GDPR art. 15; decisions 93-96): every row of every table holding the
 * citizen's data (database/citizen-data-tables.ts), decrypted, with every version of every note and
 * every revision of plans and assessments, and every access-log row naming the citizen, told as when,
 * what, why, role and municipality, never by whom. Produced on request, never stored; each production
 * is one `export` row in the access log naming the citizen, in the request's transaction.
 */
@Injectable()
export class CitizenAccessReportsService {
  constructor(
    private readonly db: Db,
    private readonly crypto: IdentifierCrypto,
  ) {}

  async report(input: CitizenAccessReportDto, document: 'json' | 'pdf'): Promise<CitizenAccessReport> {
    // A request cannot have been received after today (the Danish date).
    if (input.requestedOn > danishToday()) throw ApiException.validation({ requestedOn: 'requestedOn must not be after today' });
    const citizenId = await this.citizenOf(input);
    const m = this.db.manager();
    const sections: AccessReportSection[] = [];
    const raw = new Map<string, Record<string, unknown>[]>();
    for (const table of CITIZEN_DATA_TABLE_NAMES) raw.set(table, await citizenTableRows(m, table, citizenId));
    const referenced = new Set<string>();
    for (const table of CITIZEN_DATA_TABLE_NAMES) {
      const spec = REPORT_TABLES[table];
      for (const row of raw.get(table) ?? []) {
        for (const column of [...(spec.staff ?? []), ...NAMED_REFERENCES]) {
          const value = row[column];
          if (typeof value === 'string' && UUID.test(value)) referenced.add(value);
        }
      }
    }
    const names = await namesOf(m, [...referenced]);
    for (const table of CITIZEN_DATA_TABLE_NAMES) {
      const spec = REPORT_TABLES[table];
      const columns: Record<string, AccessReportLabel> = {};
      const rows = (raw.get(table) ?? []).map((row) => {
        const out: Record<string, unknown> = {};
        for (const [column, value] of Object.entries(row)) {
          if (LEFT_OUT_COLUMNS.has(column)) continue;
          const encrypted = spec.encrypted?.[column];
          let key = camel(column);
          let shown: unknown = value;
          if (encrypted) {
            key = camel(column.replace(/_encrypted$/, ''));
            const context = typeof encrypted.context === 'function' ? encrypted.context(row) : encrypted.context;
            const plain = typeof value === 'string' ? this.crypto.decrypt(context, value) : null;
            shown = plain !== null && encrypted.json ? (JSON.parse(plain) as unknown) : plain;
          } else if (spec.staff?.includes(column) || NAMED_REFERENCES.has(column)) {
            // Who wrote or changed the record is part of the record (decision 95); a centre or programme by its name.
            shown = typeof value === 'string' ? (names.get(value) ?? value) : value;
          }
          out[key] = shown;
          columns[key] = COLUMN_LABELS[key] ?? { da: key, en: key };
        }
        return out;
      });
      sections.push({ table, label: spec.label, columns, rows });
    }

    const lookups = (await citizenLookups(m, citizenId)).map((l) => ({
      at: new Date(l.at).toISOString(),
      action: l.action as AccessAction,
      resource: l.resource,
      what: lookupWhat(l.action as AccessAction, l.resource),
      why: lookupWhy(l.action as AccessAction, l.resource, l.criterion),
      role: l.role as Role,
      municipality: l.municipality,
      outcome: l.outcome as AccessOutcome,
    }));

    const person = sections.find((s) => s.table === 'citizen')?.rows[0] ?? {};
    const municipality = await municipalityById(m, this.db.municipalityId());
    const report: CitizenAccessReport = {
      format: CITIZEN_ACCESS_REPORT_FORMAT,
      producedAt: new Date().toISOString(),
      producedOn: danishToday(),
      requestedOn: input.requestedOn,
      dueOn: accessRequestDueOn(input.requestedOn),
      municipality: { id: this.db.municipalityId(), name: municipality?.name ?? '' },
      citizen: {
        id: citizenId,
        firstName: String(person['firstName'] ?? ''),
        lastName: String(person['lastName'] ?? ''),
        cpr: typeof person['cpr'] === 'string' ? person['cpr'] : null,
        birthYear: typeof person['birthYear'] === 'number' ? person['birthYear'] : null,
      },
      counts: sections.map((s) => ({ table: s.table, label: s.label, rows: s.rows.length })),
      sections,
      lookups,
    };

    // A report carries no citizenId for the interceptor to find as a record: logged here, one export row.
    const ctx = this.db.context();
    ctx.selfLogged = true;
    ctx.accesses.push({
      action: 'export',
      resource: 'citizen-access-reports',
      recordId: null,
      citizenId,
      criterion: JSON.stringify({ document: `citizen-access-report-${document}`, by: input.cpr !== undefined ? 'cpr' : 'citizenId', requestedOn: input.requestedOn, rows: sections.reduce((n, s) => n + s.rows.length, 0), lookups: lookups.length }),
      outcome: 'ok',
    });
    return report;
  }

  /**
   * The citizen the admin names: by CPR number (through its keyed hash, exact) or by the record's id.
   * Unknown and another municipality's are the same 404 (row-level security hides the other's rows).
   */
  private async citizenOf(input: CitizenAccessReportDto): Promise<string> {
    const m = this.db.manager();
    if (input.cpr !== undefined) {
      const parsed = parseCpr(input.cpr, danishToday());
      if (!parsed.valid) throw ApiException.validation({ cpr: parsed.rule });
      const id = await citizenIdByCprHash(m, this.crypto.blindIndex('cpr', parsed.info.digits));
      if (!id) throw ApiException.notFound('Citizen');
      return id;
    }
    if (input.citizenId !== undefined && (await citizenExists(m, input.citizenId))) return input.citizenId;
    throw ApiException.notFound('Citizen');
  }
}
