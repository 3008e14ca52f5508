import { IMPORT_DATE_FORMATS, TIMEPOINTS } from '@outcomes/contracts';
import type { ImportKind, ImportMapping } from '@outcomes/contracts';
import { ApiException } from '../common/errors/api.exception';
import { IMPORT_FIELDS } from './import-fields';

/** The service's field for an import field, where they differ: a service's error on it names the import's column. */
export const SERVICE_FIELDS: Record<string, string> = { programmeId: 'programmeCode', centreId: 'centre', startsAt: 'date', citizenId: 'cpr', enrolmentId: 'programmeCode' };

const normal = (text: string): string => text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]/g, '');

/** A first mapping for a file never mapped before: each column whose header is a field's name or label. */
export function suggestMapping(kind: ImportKind, columns: string[]): ImportMapping {
  const mapping: ImportMapping = {};
  const taken = new Set<string>();
  for (const column of columns) {
    const key = normal(column);
    const field = IMPORT_FIELDS[kind].find((x) => !taken.has(x.field) && [x.field, x.da, x.en, x.field.replace(/^item:/, '')].some((name) => normal(name) === key));
    if (field) {
      mapping[column] = field.field;
      taken.add(field.field);
    }
  }
  return mapping;
}

/** A saved mapping's entries that still fit this file (its columns, this kind's fields). */
export function fittingMapping(kind: ImportKind, columns: string[], saved: ImportMapping): ImportMapping {
  const fields = new Set(IMPORT_FIELDS[kind].map((x) => x.field));
  return Object.fromEntries(Object.entries(saved).filter(([column, field]) => columns.includes(column) && fields.has(field)));
}

/** 400 naming what is wrong with a mapping: an unknown column or field, a field mapped twice, a required field left out. */
export function checkMapping(kind: ImportKind, columns: string[], mapping: ImportMapping): void {
  const fields = IMPORT_FIELDS[kind];
  const errors: Record<string, string> = {};
  const byField = new Map<string, string>();
  for (const [column, field] of Object.entries(mapping)) {
    if (!columns.includes(column)) errors[`mapping.${column}`] = `the file has no column "${column}"`;
    else if (!fields.some((x) => x.field === field)) errors[`mapping.${column}`] = `"${field}" is not a field of a ${kind} import; it must be one of ${fields.map((x) => x.field).join(', ')}`;
    else if (byField.has(field)) errors[`mapping.${column}`] = `the field ${field} is mapped twice (columns "${byField.get(field)}" and "${column}"); map each field from one column only`;
    else byField.set(field, column);
  }
  for (const field of fields) if (field.required && !byField.has(field.field)) errors[`mapping.${field.field}`] = `the required field ${field.field} (${field.en}) is not mapped to a column`;
  if (Object.keys(errors).length > 0) throw ApiException.validation(errors);
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * An import's date: ISO yyyy-mm-dd, or Danish dd-mm-yyyy or dd.mm.yyyy; a real calendar date.
 * null for anything else (the caller names the column and the accepted formats).
 */
export function parseImportDate(text: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const danish = /^(\d{1,2})([-.])(\d{1,2})\2(\d{4})$/.exec(text);
  const [y, m, d] = iso ? [Number(iso[1]), Number(iso[2]), Number(iso[3])] : danish ? [Number(danish[4]), Number(danish[3]), Number(danish[1])] : [NaN, NaN, NaN];
  if (!Number.isInteger(y)) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

export const DATE_RULE = { en: `must be a date in one of the formats ${IMPORT_DATE_FORMATS.join(', ')}`, da: `skal være en dato i et af formaterne ${IMPORT_DATE_FORMATS.join(', ')} (åååå-mm-dd, dd-mm-åååå, dd.mm.åååå)` };

/** Copenhagen's wall-clock time on a date, as an ISO instant (summer and winter time both). */
export function copenhagenInstant(date: string, time: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  const offsetAt = (instant: number): number => {
    const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(new Date(instant));
    const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
    return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute')) - instant;
  };
  const first = wall - offsetAt(wall);
  return new Date(wall - offsetAt(first)).toISOString();
}

export const TIMEPOINT_LIST = TIMEPOINTS.join(', ');
