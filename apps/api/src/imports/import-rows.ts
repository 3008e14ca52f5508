import { HttpException, Injectable } from '@nestjs/common';
import type { ImportKind } from '@outcomes/contracts';
import { TIMEPOINTS } from '@outcomes/contracts';
import { danishToday, parseCpr } from '@outcomes/domain';
import { plainToInstance } from 'class-transformer';
import type { ClassConstructor } from 'class-transformer';
import { validate } from 'class-validator';
import { AssessmentsService } from '../assessments/assessments.service';
import { CreateAssessmentDto } from '../assessments/dto/assessment.dto';
import { citizenIdByCprHash, citizenIdsByCprHashes } from '../citizens/citizens.queries';
import { CitizensService } from '../citizens/citizens.service';
import { CreateCitizenDto, UpdateCitizenDto } from '../citizens/dto/citizen.dto';
import { IdentifierCrypto } from '../common/crypto/identifier-crypto';
import { flattenValidationErrors } from '../common/errors/validation-errors';
import { CreateEnrolmentDto } from '../enrolments/dto/enrolment.dto';
import { EnrolmentsService } from '../enrolments/enrolments.service';
import { CreateSessionDto } from '../sessions/dto/session.dto';
import { SessionsService } from '../sessions/sessions.service';
import { Db } from '../tenancy/db.service';
import { copenhagenInstant, DATE_RULE, parseImportDate, SERVICE_FIELDS, TIMEPOINT_LIST } from './import-kinds';
import { worded } from './import-refusals';
import { assessmentExists, centreIdByName, enrolmentExists, latestEnrolment, programmeIdByCode } from './imports.queries';

/** A row's problem, by field; the runner names the column it came from. */
export interface FieldError {
  field: string | null;
  rule: string;
  ruleDa: string;
}

export interface ImportLookups {
  programmes: Map<string, string | null>;
  centres: Map<string, string | null>;
  /** CPR blind index → the citizen's id (null: none registered), read for the whole file at once and kept as rows make citizens. */
  citizens: Map<string, string | null>;
  /** The hashes of the citizens made since the runner last emptied it (a batch it may roll back). */
  added: string[];
}

export interface RowOutcome {
  action: 'create' | 'update';
  recordId: string;
  citizenId: string;
}

/** Thrown for a row that cannot be imported: every problem found, by field. */
export class RowRefused extends Error {
  constructor(readonly errors: FieldError[]) {
    super('row refused');
  }
}

/** A service's field as the file's: its import field (an ASI item's `items.M6` is `item:M6`). */
const fileField = (field: string): string => SERVICE_FIELDS[field] ?? field.replace(/^items\./, 'item:');

/** The first rule of a validated DTO, or the service's refusal, as field errors in the file's words (import-refusals.ts). */
export function refusalOf(error: unknown): FieldError[] | null {
  if (error instanceof RowRefused) return error.errors;
  if (!(error instanceof HttpException)) return null;
  const body = error.getResponse() as { code?: string; message?: string; errors?: Record<string, string>; failures?: { rule: string; message: string }[] };
  // Eligibility names each failed rule: worded one by one, not as the joined sentence.
  if (body.failures && body.failures.length > 0) return worded({ field: null, rule: body.message ?? 'refused', code: body.code, failures: body.failures });
  const entries = Object.entries(body.errors ?? {}).filter(([field]) => field !== 'version');
  if (entries.length === 0) return worded({ field: null, rule: body.message ?? 'refused', code: body.code });
  return entries.flatMap(([field, rule]) => worded({ field: fileField(field), rule, code: body.code }));
}

/** Runs a row's independent checks and keeps every problem, so that a row's errors are listed together. */
class Checks {
  private readonly errors: FieldError[] = [];

  async check<T>(work: () => Promise<T>): Promise<T | undefined> {
    try {
      return await work();
    } catch (error) {
      const refusal = refusalOf(error);
      if (!refusal) throw error;
      this.errors.push(...refusal);
      return undefined;
    }
  }

  /** Refuses the row with everything found so far. */
  end(): void {
    if (this.errors.length > 0) throw new RowRefused(this.errors);
  }
}

/** class-validator's type rules, named by their constraint. */
const TYPE_RULES = new Set(['isInt', 'isString', 'isNumber', 'isBoolean']);

async function validated<T extends object>(type: ClassConstructor<T>, plain: Record<string, unknown>): Promise<T> {
  const dto = plainToInstance(type, plain);
  const problems = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
  // A cell that is not a number breaks the type rule and the range rules at once; flattening keeps
  // the first listed, which is the range ("must be at most 720" for "45 min"). The type comes first.
  for (const problem of problems) {
    const constraints = problem.constraints ?? {};
    const type = Object.keys(constraints).find((k) => TYPE_RULES.has(k));
    if (type) problem.constraints = { [type]: constraints[type] as string, ...constraints };
  }
  if (problems.length > 0) {
    throw new RowRefused(Object.entries(flattenValidationErrors(problems)).flatMap(([field, rule]) => worded({ field: fileField(field), rule })));
  }
  return dto;
}

/** A whole number as a number; anything else as given, for the DTO's rule to name. */
const numberOr = (text: string): number | string => (/^-?\d+$/.test(text) ? Number(text) : text);

/**
 * One row of an import, through the same service method the API's POST (or PUT) uses, in the
 * import's transaction: the same validation, state rules, encryption and scoring. A row's values
 * arrive by field (its mapped columns), '' for an empty cell.
 */
@Injectable()
export class ImportRows {
  constructor(
    private readonly db: Db,
    private readonly crypto: IdentifierCrypto,
    private readonly citizens: CitizensService,
    private readonly enrolments: EnrolmentsService,
    private readonly sessions: SessionsService,
    private readonly assessments: AssessmentsService,
  ) {}

  /** One row; `lookups` caches programme and centre look-ups for one run (one user, one transaction), never shared between runs. */
  async import(kind: ImportKind, values: Record<string, string>, lookups: ImportLookups): Promise<RowOutcome> {
    switch (kind) {
      case 'citizens':
        return this.citizen(values, lookups);
      case 'enrolments':
        return this.enrolment(values, lookups);
      case 'sessions':
        return this.session(values, lookups);
      case 'assessments':
        return this.assessment(values, lookups);
    }
  }

  /** The CPR number's citizen, if one is registered in the municipality (by its keyed hash). A bad number: the row's error. */
  private async citizenByCpr(cpr: string, lookups: ImportLookups): Promise<{ hash: string; id: string | null }> {
    const parsed = parseCpr(cpr, danishToday());
    if (!parsed.valid) throw new RowRefused(refusalOf(new HttpException({ errors: { cpr: parsed.rule } }, 400)) ?? []);
    const hash = this.crypto.blindIndex('cpr', parsed.info.digits);
    if (!lookups.citizens.has(hash)) lookups.citizens.set(hash, (await citizenIdByCprHash(this.db.manager(), hash))?.id ?? null);
    return { hash, id: lookups.citizens.get(hash) ?? null };
  }

  /** The citizens of the file's CPR numbers, in one query (each row would otherwise ask for its own). */
  async preload(cprs: string[], lookups: ImportLookups): Promise<void> {
    const hashes = new Map<string, string>();
    for (const cpr of cprs) {
      const parsed = parseCpr(cpr, danishToday());
      if (parsed.valid) hashes.set(this.crypto.blindIndex('cpr', parsed.info.digits), cpr);
    }
    for (const hash of hashes.keys()) lookups.citizens.set(hash, null);
    for (const row of await citizenIdsByCprHashes(this.db.manager(), [...hashes.keys()])) lookups.citizens.set(row.cprHash as string, row.id);
  }

  private async citizen(values: Record<string, string>, lookups: ImportLookups): Promise<RowOutcome> {
    const given: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(values)) if (value !== '') given[field] = field === 'birthYear' ? numberOr(value) : value;
    // The form's rules and the CPR number's, all at once: a row's errors are listed together.
    const row = new Checks();
    const input = await row.check(() => validated(CreateCitizenDto, given));
    const found = values['cpr'] ? await row.check(() => this.citizenByCpr(values['cpr'] as string, lookups)) : undefined;
    const existing = found?.id ?? null;
    row.end();
    if (existing) {
      // A CPR number already registered updates that citizen (never a second one): the file's values over the record's.
      const current = await this.citizens.get(existing);
      const { cpr, firstName, lastName, birthYear, sex, phone, email, address, preferredLanguage, version } = current;
      const changed = await validated(UpdateCitizenDto, { cpr, firstName, lastName, birthYear, sex, phone, email, address, preferredLanguage, ...given, version });
      await this.citizens.update(existing, changed);
      return { action: 'update', recordId: existing, citizenId: existing };
    }
    const created = await this.citizens.insert(input as CreateCitizenDto);
    // A later row of the file with the same CPR number updates this citizen.
    if (found) {
      lookups.citizens.set(found.hash, created);
      lookups.added.push(found.hash);
    }
    return { action: 'create', recordId: created, citizenId: created };
  }

  private date(values: Record<string, string>, field: string): string {
    const value = values[field] ?? '';
    const date = parseImportDate(value);
    if (!date) throw new RowRefused([{ field, rule: `${field} ${DATE_RULE.en}`, ruleDa: `${field} ${DATE_RULE.da}` }]);
    return date;
  }

  /** The row's citizen (by CPR number) and programme (by code); every problem of the two at once. */
  private async references(values: Record<string, string>, lookups: ImportLookups): Promise<{ citizenId: string; programmeId: string }> {
    const errors: FieldError[] = [];
    let citizenId: string | null = null;
    try {
      citizenId = (await this.citizenByCpr(values['cpr'] ?? '', lookups)).id;
      if (!citizenId) errors.push({ field: 'cpr', rule: 'no citizen with this CPR number is registered in your municipality; import or register the citizen first', ruleDa: 'Ingen borger med dette CPR-nummer er registreret i kommunen; indlæs eller opret borgeren først' });
    } catch (error) {
      errors.push(...(refusalOf(error) ?? []));
    }
    const code = values['programmeCode'] ?? '';
    if (!lookups.programmes.has(code)) lookups.programmes.set(code, await programmeIdByCode(this.db.manager(), code));
    const programmeId = lookups.programmes.get(code) ?? null;
    if (!programmeId) errors.push({ field: 'programmeCode', rule: 'programmeCode is not the code of a programme of your municipality or the national catalogue', ruleDa: 'Programkoden findes ikke blandt kommunens eller det nationale katalogs programmer' });
    if (errors.length > 0 || !citizenId || !programmeId) throw new RowRefused(errors);
    return { citizenId, programmeId };
  }

  private async enrolmentOf(values: Record<string, string>, lookups: ImportLookups): Promise<{ enrolmentId: string; citizenId: string }> {
    const { citizenId, programmeId } = await this.references(values, lookups);
    const id = await latestEnrolment(this.db.manager(), citizenId, programmeId);
    if (!id) throw new RowRefused([{ field: 'programmeCode', rule: 'the citizen has no enrolment in this programme; import the enrolment first', ruleDa: 'Borgeren har intet forløb i dette program; indlæs forløbet først' }]);
    return { enrolmentId: id, citizenId };
  }

  private async enrolment(values: Record<string, string>, lookups: ImportLookups): Promise<RowOutcome> {
    const row = new Checks();
    const referralDate = await row.check(async () => this.date(values, 'referralDate'));
    const refs = await row.check(() => this.references(values, lookups));
    const centreId = await row.check(async () => {
      const name = values['centre'] ?? '';
      if (!lookups.centres.has(name)) lookups.centres.set(name, await centreIdByName(this.db.manager(), name));
      const id = lookups.centres.get(name);
      if (!id) throw new RowRefused([{ field: 'centre', rule: 'centre is not the name of a centre of your municipality', ruleDa: 'Behandlingsstedet findes ikke i kommunen' }]);
      return id;
    });
    row.end();
    const { citizenId, programmeId } = refs as { citizenId: string; programmeId: string };
    if (await enrolmentExists(this.db.manager(), citizenId, programmeId, referralDate as string)) {
      throw new RowRefused([{ field: null, rule: 'the citizen already has an enrolment in this programme referred on this date; it is not imported twice', ruleDa: 'Borgeren har allerede et forløb i programmet henvist denne dato; det indlæses ikke to gange' }]);
    }
    const input = await validated(CreateEnrolmentDto, { citizenId, programmeId, centreId, referralDate, ...(values['referralSource'] ? { referralSource: values['referralSource'] } : {}) });
    const created = await this.enrolments.insert(input);
    return { action: 'create', recordId: created, citizenId };
  }

  private async session(values: Record<string, string>, lookups: ImportLookups): Promise<RowOutcome> {
    const row = new Checks();
    const date = await row.check(async () => this.date(values, 'date'));
    const time = await row.check(async () => {
      const text = values['time'] || '12:00';
      const match = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/.exec(text);
      if (!match) throw new RowRefused([{ field: 'time', rule: 'time must be a time of day hh:mm', ruleDa: 'Klokkeslættet skal skrives tt:mm' }]);
      return `${(match[1] as string).padStart(2, '0')}:${match[2] as string}`;
    });
    const refs = await row.check(() => this.enrolmentOf(values, lookups));
    row.end();
    const input = await validated(CreateSessionDto, {
      enrolmentId: refs?.enrolmentId,
      startsAt: copenhagenInstant(date as string, time as string),
      durationMinutes: numberOr(values['durationMinutes'] ?? ''),
      kind: values['kind'],
      attendance: values['attendance'],
      ...(values['sessionNumber'] ? { sessionNumber: numberOr(values['sessionNumber']) } : {}),
      ...(values['note'] ? { note: values['note'] } : {}),
    });
    const created = await this.sessions.insert(input);
    return { action: 'create', recordId: created, citizenId: (refs as { citizenId: string }).citizenId };
  }

  private async assessment(values: Record<string, string>, lookups: ImportLookups): Promise<RowOutcome> {
    const row = new Checks();
    const date = (await row.check(async () => this.date(values, 'date'))) as string;
    const timepoint = values['timepoint'] ?? '';
    await row.check(async () => {
      if (!(TIMEPOINTS as readonly string[]).includes(timepoint)) throw new RowRefused([{ field: 'timepoint', rule: `timepoint must be one of ${TIMEPOINT_LIST}`, ruleDa: `Tidspunktet skal være et af ${TIMEPOINT_LIST}` }]);
    });
    const refs = (await row.check(() => this.enrolmentOf(values, lookups))) as { enrolmentId: string; citizenId: string };
    const enrolmentId = refs.enrolmentId;
    row.end();
    if (await assessmentExists(this.db.manager(), enrolmentId, timepoint, date)) {
      throw new RowRefused([{ field: null, rule: 'the enrolment already has an assessment of this timepoint on this date; it is not imported twice', ruleDa: 'Forløbet har allerede en måling af dette tidspunkt denne dato; den indlæses ikke to gange' }]);
    }
    const items: Record<string, number | string> = {};
    for (const [field, value] of Object.entries(values)) if (field.startsWith('item:') && value !== '') items[field.slice(5)] = /^\d+(\.\d+)?$/.test(value) ? Number(value) : value;
    const input = await validated(CreateAssessmentDto, { enrolmentId, timepoint, date, items });
    // The composites are scored by the service (scoreAsi), as for the form: a file's own scores are never read.
    const created = await this.assessments.insert(input);
    return { action: 'create', recordId: created, citizenId: (refs as { citizenId: string }).citizenId };
  }
}

