import { Injectable } from '@nestjs/common';
import type { AccessHistoryCitizen, Citizen, LikelyDuplicate, RawListQuery } from '@outcomes/contracts';
import { danishToday, nameTokens, parseCpr } from '@outcomes/domain';
import type { CprInfo } from '@outcomes/domain';
import type { ListPage } from '../common/list-query/list-page';
import { IdentifierCrypto } from '../common/crypto/identifier-crypto';
import { searchCriterion } from '../audit/search-criterion';
import { ApiException } from '../common/errors/api.exception';
import { textProblem } from '../common/well-formed-text';
import { parseListQueryOr400 } from '../common/list-query/parse-list-query-or-400';
import type { ListSpec } from '../common/list-query/list-query';
import { Db } from '../tenancy/db.service';
import type { CitizenEntity } from './citizen.entity';
import { citizenById, citizenByCprHash, citizenIdByCprHash, citizenOr404, citizensByCprHash, citizensByNameHashes, hasAnonymousCourse, insertCitizen, likelyDuplicates, searchCitizens, updateCitizen } from './citizens.queries';
import type { CreateCitizenDto, LikelyDuplicatesDto, UpdateCitizenDto } from './dto/citizen.dto';

const LIST_SPEC: ListSpec = {
  fields: {
    id: { type: 'uuid', column: 'id', filterable: true },
    birthYear: { type: 'number', column: 'birth_year', sortable: true, filterable: true },
    sex: { type: 'string', column: 'sex', sortable: true, filterable: true },
    createdAt: { type: 'datetime', column: 'created_at', sortable: true, filterable: true },
    updatedAt: { type: 'datetime', column: 'updated_at', sortable: true, filterable: true },
  },
  // Names are encrypted: `q` is answered through name-token hashes, not a column search.
  searchColumns: [],
  defaultSort: ['createdAt', 'DESC'],
};

/** At most this many citizens answer one access-history lookup: enough to pick from, not a list of the municipality. */
const ACCESS_LOOKUP_LIMIT = 20;
/** At most this many likely duplicates are offered: enough to spot the person, not a list of the municipality. */
const LIKELY_DUPLICATES_LIMIT = 10;

/** Whether a list's filter, once parsed as JSON, has `key` (any escape spelling it); false for text that is not a JSON object. */
function filterHasKey(filter: string | undefined, key: string): boolean {
  if (filter === undefined) return false;
  let parsed: unknown;
  try {
    parsed = JSON.parse(filter);
  } catch {
    return false; // not JSON: the list's parser answers 400 for it
  }
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) && Object.hasOwn(parsed, key);
}

/**
 * Citizens, with identifiers encrypted before they reach the database: the CPR number and names
 * (AES-256-GCM) and contact details; CPR and name tokens are found through keyed hashes.
 */
@Injectable()
export class CitizensService {
  constructor(
    private readonly db: Db,
    private readonly crypto: IdentifierCrypto,
  ) {}

  /**
   * GET lists never take a name (it would sit in a URL): `q` belongs to POST /citizens/search.
   * Decided on the parsed filter, not its text: `{"\u0071":"Jens"}` is the key q once parsed, and the
   * text rule let it through (issue 17). Every other key must then be on the list's allow-list, so
   * other spellings (`Q`, a full-width q) are refused as unknown filters.
   */
  async list(raw: RawListQuery): Promise<ListPage<Citizen>> {
    if (filterHasKey(raw.filter, 'q')) {
      throw new ApiException(400, 'BAD_LIST_QUERY', 'Invalid list query. filter: search citizens by name with POST /api/citizens/search, never in a URL', {
        filter: 'q is not accepted in a URL here; use POST /api/citizens/search',
      });
    }
    return this.search(raw);
  }

  async search(raw: RawListQuery): Promise<ListPage<Citizen>> {
    let q: string | undefined;
    let rest = raw.filter;
    if (raw.filter) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw.filter);
      } catch {
        throw new ApiException(400, 'BAD_LIST_QUERY', 'Invalid list query. filter: must be valid JSON', { filter: 'must be valid JSON' });
      }
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed) && 'q' in parsed) {
        const { q: text, ...others } = parsed as Record<string, unknown>;
        if (typeof text !== 'string' || text.length > 200) throw ApiException.validation({ filter: 'q must be a string of at most 200 characters' });
        // The same text rule as every other list's q (list-query.ts): NUL or a lone surrogate is refused, not searched for.
        const problem = textProblem(text);
        if (problem) throw ApiException.validation({ filter: `q ${problem}` });
        q = text;
        rest = JSON.stringify(others);
      }
    }
    const query = parseListQueryOr400({ ...raw, filter: rest }, LIST_SPEC);
    // Logged by the interceptor as what was searched (words, CPR-shaped or not, keyed hashes), never the text.
    const hashes = q === undefined ? [] : nameTokens(q).map((t) => this.crypto.blindIndex('name', t));
    const [rows, total] = await searchCitizens(this.db.manager(), query, hashes);
    return { rows: rows.map((r) => this.toCitizen(r, false)), offset: query.offset, total };
  }

  async get(id: string): Promise<Citizen> {
    return this.toCitizen(await this.entity(id), true);
  }

  /** Finds a citizen of the own municipality by CPR number, through its keyed hash only. */
  async lookup(cpr: string): Promise<{ citizen: Citizen | null }> {
    const info = this.checkCpr(cpr);
    const hash = this.crypto.blindIndex('cpr', info.digits);
    const found = await citizenByCprHash(this.db.manager(), hash);
    return { citizen: found ? this.toCitizen(found, true) : null };
  }

  /**
   * "Who has seen this citizen", for the admin (who may not read citizens): the citizens of the own
   * municipality a CPR number or whole name words find, as name and birth year only, at most
   * ACCESS_LOOKUP_LIMIT. The lookup is itself logged, as a search of citizens carrying everyone it
   * answered, by what was searched (keyed hashes), never the text.
   */
  async findForAccessHistory(text: string): Promise<AccessHistoryCitizen[]> {
    const q = text.trim();
    const digits = q.replace(/[\s-]/g, '');
    let rows: CitizenEntity[];
    if (/^\d+$/.test(digits)) {
      // Only digits: a CPR number or nothing (a name has no digits).
      if (digits.length !== 10) throw ApiException.validation({ q: 'q must be a name or a CPR number of 10 digits' });
      const cpr = parseCpr(digits, danishToday());
      if (!cpr.valid) throw ApiException.validation({ q: cpr.rule });
      const hash = this.crypto.blindIndex('cpr', cpr.info.digits);
      rows = await citizensByCprHash(this.db.manager(), hash);
    } else {
      const tokens = nameTokens(q);
      if (tokens.length === 0) throw ApiException.validation({ q: 'q must be a name or a CPR number of 10 digits' });
      const hashes = tokens.map((t) => this.crypto.blindIndex('name', t));
      rows = await citizensByNameHashes(this.db.manager(), hashes, ACCESS_LOOKUP_LIMIT);
    }
    const found = rows.map((r) => ({
      id: r.id,
      firstName: this.crypto.decrypt('first_name', r.firstNameEncrypted),
      lastName: this.crypto.decrypt('last_name', r.lastNameEncrypted),
      birthYear: r.birthYear,
    }));
    // The one row of this request: a search of citizens (the route's own resource, the access log, would log it as a search of the log).
    this.logSearch(found, { q });
    return found.sort((a, b) => `${a.lastName} ${a.firstName}`.localeCompare(`${b.lastName} ${b.firstName}`, 'da'));
  }

  /**
   * Who may already be registered as the person on the form (issue 22): citizens of the own
   * municipality sharing a whole name word, whose birth year and sex do not contradict the form's,
   * ranked by shared words, at most LIKELY_DUPLICATES_LIMIT. Names are matched by keyed hashes only,
   * so "Jens" finds "Jens" but not "Jenz". Logged as a search of citizens carrying everyone offered.
   */
  async likelyDuplicates(input: LikelyDuplicatesDto): Promise<LikelyDuplicate[]> {
    const tokens = nameTokens(input.firstName, input.lastName);
    if (tokens.length === 0) throw ApiException.validation({ lastName: 'firstName and lastName must hold at least one letter or digit' });
    const hashes = tokens.map((t) => this.crypto.blindIndex('name', t));
    const rows = await likelyDuplicates(this.db.manager(), hashes, input.birthYear ?? null, input.sex ?? null, LIKELY_DUPLICATES_LIMIT);
    const found = rows.map(({ citizen, shared }) => ({
      id: citizen.id,
      firstName: this.crypto.decrypt('first_name', citizen.firstNameEncrypted),
      lastName: this.crypto.decrypt('last_name', citizen.lastNameEncrypted),
      birthYear: citizen.birthYear,
      sex: citizen.sex as LikelyDuplicate['sex'],
      hasCpr: citizen.cprHash !== null,
      sharedNameWords: shared,
    }));
    this.logSearch(found, { q: `${input.firstName} ${input.lastName}`, birthYear: input.birthYear ?? null, sex: input.sex ?? null });
    return found;
  }

  /**
   * A lookup's one access-log row, written by the service itself: a search of citizens carrying
   * everyone it answered, by what was searched (keyed hashes), never the text.
   */
  private logSearch(found: { id: string }[], searched: Record<string, unknown>): void {
    const ctx = this.db.context();
    ctx.selfLogged = true;
    ctx.accesses.push({
      action: 'search',
      resource: 'citizens',
      recordId: null,
      citizenId: found.length === 1 ? (found[0]?.id ?? null) : null,
      citizenIds: found.length === 1 ? [] : found.map((c) => c.id),
      criterion: searchCriterion(searched, (value) => this.crypto.blindIndex('audit-search', value)),
      outcome: 'ok',
    });
  }

  async create(input: CreateCitizenDto): Promise<Citizen> {
    return this.get(await this.insert(input));
  }

  /** create without reading the citizen back: the new id (an import makes thousands and answers none of them). */
  async insert(input: CreateCitizenDto): Promise<string> {
    const columns = this.columns(input);
    await this.refuseDuplicate(columns.cprHash, undefined);
    return insertCitizen(this.db.manager(), { ...columns, municipalityId: this.db.municipalityId() });
  }

  async update(id: string, input: UpdateCitizenDto): Promise<Citizen> {
    const { version, ...fields } = input;
    const current = await this.entity(id);
    const columns = this.columns(fields);
    await this.refuseDuplicate(columns.cprHash, id);
    // Anonymous treatment (§ 101 a) is for a citizen without a CPR number, and stays out of the
    // national register: a CPR number is not added to someone who has had such a course.
    if (columns.cprHash !== null && current.cprHash === null && (await hasAnonymousCourse(this.db.manager(), id))) {
      throw new ApiException(409, 'ANONYMOUS_TREATMENT', 'The citizen has a course of anonymous treatment (serviceloven § 101 a), which is given without a CPR number; register the citizen anew with the CPR number for treatment under § 101', {
        cpr: 'a CPR number cannot be added to a citizen with anonymous treatment (serviceloven § 101 a): register the citizen anew with it',
      });
    }
    const affected = await updateCitizen(this.db.manager(), id, version, columns);
    if (affected === 0) {
      // Read again: a save that committed while this one waited for the row makes the version stale.
      const now = await citizenById(this.db.manager(), id);
      throw (now ?? current).version !== version ? ApiException.versionConflict('Citizen') : ApiException.notFound('Citizen');
    }
    return this.get(id);
  }

  /** The birth date behind a citizen's CPR number, for eligibility; null when anonymous. */
  async birthDate(citizen: CitizenEntity): Promise<string | null> {
    if (!citizen.cprEncrypted) return null;
    const result = parseCpr(this.crypto.decrypt('cpr', citizen.cprEncrypted), '9999-12-31');
    return result.valid ? result.info.birthDate : null;
  }

  async entity(id: string): Promise<CitizenEntity> {
    return citizenOr404(this.db.manager(), id);
  }

  private checkCpr(cpr: string): CprInfo {
    const result = parseCpr(cpr, danishToday());
    if (!result.valid) throw ApiException.validation({ cpr: result.rule });
    return result.info;
  }

  /** A second citizen with the same CPR number in the municipality: 409, pointing at the first. */
  private async refuseDuplicate(cprHash: string | null, exceptId: string | undefined): Promise<void> {
    if (!cprHash) return;
    const existing = await citizenIdByCprHash(this.db.manager(), cprHash);
    if (existing && existing.id !== exceptId) {
      throw new ApiException(409, 'DUPLICATE', 'A citizen with this CPR number is already registered', { cpr: 'is already registered for another citizen' }, { existingId: existing.id });
    }
  }

  private columns(input: CreateCitizenDto): Partial<CitizenEntity> & { cprHash: string | null } {
    const info = input.cpr ? this.checkCpr(input.cpr) : undefined;
    if (info && (input.birthYear ?? info.birthYear) !== info.birthYear) {
      throw ApiException.validation({ birthYear: 'birthYear must match the CPR number (or be left out)' });
    }
    return {
      cprEncrypted: info ? this.crypto.encrypt('cpr', info.digits) : null,
      cprHash: info ? this.crypto.blindIndex('cpr', info.digits) : null,
      cprReplacement: info?.replacement ?? false,
      firstNameEncrypted: this.crypto.encrypt('first_name', input.firstName),
      lastNameEncrypted: this.crypto.encrypt('last_name', input.lastName),
      nameTokens: nameTokens(input.firstName, input.lastName).map((t) => this.crypto.blindIndex('name', t)),
      birthYear: info?.birthYear ?? input.birthYear ?? null,
      sex: info?.sex ?? input.sex ?? null,
      phoneEncrypted: this.crypto.encryptNullable('phone', input.phone),
      emailEncrypted: this.crypto.encryptNullable('email', input.email),
      addressEncrypted: this.crypto.encryptNullable('address', input.address),
      preferredLanguage: input.preferredLanguage ?? null,
    };
  }

  private toCitizen(row: CitizenEntity, withCpr: boolean): Citizen {
    const cpr = row.cprEncrypted ? this.crypto.decrypt('cpr', row.cprEncrypted) : null;
    const parsed = cpr ? parseCpr(cpr, '9999-12-31') : undefined;
    return {
      id: row.id,
      version: row.version,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      municipalityId: row.municipalityId,
      ...(withCpr ? { cpr } : {}),
      cprMasked: cpr ? `${cpr.slice(0, 6)}-xxxx` : null,
      cprReplacement: row.cprReplacement,
      cprWarnings: parsed?.valid ? parsed.info.warnings : [],
      firstName: this.crypto.decrypt('first_name', row.firstNameEncrypted),
      lastName: this.crypto.decrypt('last_name', row.lastNameEncrypted),
      birthYear: row.birthYear,
      sex: row.sex as Citizen['sex'],
      phone: this.crypto.decryptNullable('phone', row.phoneEncrypted),
      email: this.crypto.decryptNullable('email', row.emailEncrypted),
      address: this.crypto.decryptNullable('address', row.addressEncrypted),
      preferredLanguage: row.preferredLanguage,
    };
  }
}
