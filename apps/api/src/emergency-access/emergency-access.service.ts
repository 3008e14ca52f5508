import { Injectable } from '@nestjs/common';
import { MAX_PAGE_SIZE } from '@outcomes/contracts';
import type { EmergencyAccess, EmergencyRecord, RawListQuery } from '@outcomes/contracts';
import { danishToday, parseCpr } from '@outcomes/domain';
import { IdentifierCrypto } from '../common/crypto/identifier-crypto';
import { ApiException } from '../common/errors/api.exception';
import type { ListPage } from '../common/list-query/list-page';
import { listPage } from '../common/list-query/list-page';
import type { ListSpec } from '../common/list-query/list-query';
import { Db } from '../tenancy/db.service';
import type { OpenEmergencyAccessDto, ReviewEmergencyAccessDto } from './dto/emergency-access.dto';
import type { EmergencyAccessEntity } from './emergency-access.entity';
import {
  emergencyAccessList,
  emergencyAccessOr404,
  municipalityNames,
  openEmergencyAccess,
  ownCitizenByCprHash,
  readUnderEmergencyAccess,
  reviewEmergencyAccess,
  sharedCitizen,
  sharedConsents,
  sharedEnrolments,
  sharedSessions,
} from './emergency-access.queries';

const LIST_SPEC: ListSpec = {
  fields: {
    id: { type: 'uuid', column: 'id', filterable: true },
    // 'pending' < 'raised' < 'reviewed': sorted ascending, the queue shows what is waiting first.
    reviewState: { type: 'string', column: 'review_state', sortable: true, filterable: true },
    municipalityId: { type: 'uuid', column: 'municipality_id', filterable: true },
    accessorMunicipalityId: { type: 'uuid', column: 'accessor_municipality_id', filterable: true },
    accessorUserId: { type: 'uuid', column: 'accessor_user_id', filterable: true },
    citizenId: { type: 'uuid', column: 'citizen_id', filterable: true },
    openedAt: { type: 'datetime', column: 'opened_at', sortable: true, filterable: true },
    expiresAt: { type: 'datetime', column: 'expires_at', sortable: true },
  },
  searchColumns: [],
  defaultSort: ['openedAt', 'DESC'],
};

/** The latest sessions the emergency view shows: enough to see the current treatment, not the whole history. */
const SESSIONS_SHOWN = 50;
/** The latest courses shown (every answer's arrays stay within a page). */
const ENROLMENTS_SHOWN = MAX_PAGE_SIZE;
const RESOURCE = 'emergency-accesses';

/**
 * Emergency access (break-the-glass; docs/decisions.md 81-84): a staff member opens another
 * municipality's citizen's record, found by exact CPR number, with a reason, read-only, for the
 * owner's `emergencyAccessHours`; the owner's admin reviews it. The database holds every rule that
 * matters (row-level security, emergency_access_open(), app_shared_citizen_ids()); this service says
 * why in the answer and writes each read to both municipalities' access logs.
 */
@Injectable()
export class EmergencyAccessService {
  constructor(
    private readonly db: Db,
    private readonly crypto: IdentifierCrypto,
  ) {}

  list(raw: RawListQuery): Promise<ListPage<EmergencyAccess>> {
    return listPage(emergencyAccessList(this.db.manager()), raw, LIST_SPEC, (rows) => this.toAccesses(rows));
  }

  async get(id: string): Promise<EmergencyAccess> {
    const [access] = await this.toAccesses([await emergencyAccessOr404(this.db.manager(), id)]);
    return access as EmergencyAccess;
  }

  /**
   * Opens the record of the citizen with this CPR number in another municipality (each, when the person
   * is registered in more than one): 409 for the own municipality's citizen (use the ordinary record),
   * 404 when no other municipality has one. Written to the accessor's log and to the owner's.
   */
  async open(input: OpenEmergencyAccessDto): Promise<EmergencyAccess> {
    const parsed = parseCpr(input.cpr, danishToday());
    if (!parsed.valid) throw ApiException.validation({ cpr: parsed.rule });
    const cprHash = this.crypto.blindIndex('cpr', parsed.info.digits);
    const manager = this.db.manager();
    if (await ownCitizenByCprHash(manager, cprHash)) {
      throw new ApiException(409, 'OWN_CITIZEN', 'The citizen belongs to your own municipality: open their ordinary record', {
        cpr: 'cpr names a citizen of your own municipality; emergency access is for another municipality’s citizen',
      });
    }
    const ids = await openEmergencyAccess(manager, cprHash, input.reason);
    if (ids.length === 0) throw ApiException.notFound('Citizen with this CPR number in another municipality');
    // The owner's log rows below are allowed (policy shared_citizen_log) only while the accesses are named.
    await readUnderEmergencyAccess(manager, ids);
    // One after another: the queries share the request's one connection (pg refuses, with a warning
    // on the process's output, a second query on a client still busy with one).
    const accesses: Awaited<ReturnType<typeof emergencyAccessOr404>>[] = [];
    for (const id of ids) accesses.push(await emergencyAccessOr404(manager, id));
    this.logBoth(accesses, 'create');
    const [first] = await this.toAccesses(accesses);
    return first as EmergencyAccess;
  }

  /**
   * The record, read-only, while the access lasts, for the staff member who opened it and no one
   * else (a colleague does not see the access: 404). Expired: 410. Every read is in both logs.
   */
  async record(id: string): Promise<EmergencyRecord> {
    const manager = this.db.manager();
    const access = await emergencyAccessOr404(manager, id);
    if (access.accessorUserId !== this.db.user().id) {
      // Not the opener (their admin, the owner's admin): the attempt is in the reader's own log.
      throw this.refused(new ApiException(403, 'FORBIDDEN', 'Only the staff member who opened an emergency access reads under it'), access, 'not the opener', false);
    }
    if (access.expiresAt.getTime() <= Date.now()) throw this.refused(this.expired(), access, 'expired', true);
    await readUnderEmergencyAccess(manager, [access.id]);
    const citizen = await sharedCitizen(manager, access.citizenId);
    // The database decides (expiry by its clock, the user, the role): nothing shared, nothing shown.
    if (!citizen) throw this.refused(this.expired(), access, 'expired', true);
    // In turn, on the request's one connection (see open()).
    const enrolments = await sharedEnrolments(manager, citizen.id, ENROLMENTS_SHOWN);
    const sessions = await sharedSessions(manager, citizen.id, SESSIONS_SHOWN);
    // Whether the citizen consented to sharing (with the region's psychiatry, the GP…): what an
    // emergency needs (decision 170). Part of this read of the record, so in the same two log rows.
    const consents = await sharedConsents(manager, citizen.id);
    const [shaped] = await this.toAccesses([access]);
    this.logBoth([access], 'read');
    return {
      access: shaped as EmergencyAccess,
      citizen: {
        id: citizen.id,
        firstName: this.crypto.decrypt('first_name', citizen.firstNameEncrypted),
        lastName: this.crypto.decrypt('last_name', citizen.lastNameEncrypted),
        cpr: citizen.cprEncrypted ? this.crypto.decrypt('cpr', citizen.cprEncrypted) : null,
        birthYear: citizen.birthYear,
        sex: citizen.sex,
        phone: this.crypto.decryptNullable('phone', citizen.phoneEncrypted),
      },
      enrolments: enrolments.map((e) => ({ id: e.id, programmeName: e.programme_name ?? '', state: e.state, referralDate: e.referral_date, startDate: e.start_date, endDate: e.end_date })),
      sessions: sessions.map((s) => ({ id: s.id, enrolmentId: s.enrolment_id, startsAt: s.starts_at.toISOString(), kind: s.kind, attendance: s.attendance, durationMinutes: s.duration_minutes })),
      consents: consents.map((c) => ({ purpose: c.purpose, labelDa: c.label_da, labelEn: c.label_en, event: c.event, onDate: c.on_date })),
    };
  }

  /** The owner's admin: pending → reviewed or raised; reviewed → raised (something came to light later). */
  async review(id: string, input: ReviewEmergencyAccessDto): Promise<EmergencyAccess> {
    const manager = this.db.manager();
    const current = await emergencyAccessOr404(manager, id);
    if (current.municipalityId !== this.db.municipalityId()) {
      throw new ApiException(403, 'FORBIDDEN', 'Only the citizen’s municipality reviews an emergency access');
    }
    const allowed = current.reviewState === 'pending' ? ['reviewed', 'raised'] : current.reviewState === 'reviewed' ? ['raised'] : [];
    if (!allowed.includes(input.reviewState)) {
      throw new ApiException(409, 'ILLEGAL_TRANSITION', `An emergency access marked ${current.reviewState} cannot be marked ${input.reviewState}`, { reviewState: `must be one of: ${allowed.join(', ') || 'none (already raised)'}` }, { allowed });
    }
    if (current.version !== input.version) throw ApiException.versionConflict('Emergency access');
    const done = await reviewEmergencyAccess(manager, id, input.version, { reviewState: input.reviewState, reviewNote: input.reviewNote?.trim() || null, reviewedByUserId: this.db.user().id });
    if (!done) throw ApiException.versionConflict('Emergency access');
    return this.get(id);
  }

  private expired(): ApiException {
    return new ApiException(410, 'GONE', 'The emergency access has expired; open a new one with a new reason if the record is still needed');
  }

  /**
   * A refused read is logged after the rollback (decision 115): in the reader's own log and, for the
   * opener's read of an expired access, in the owner's log too (policy refused_emergency_log, which
   * needs the access named in the transaction as for an ordinary read).
   */
  private refused(error: ApiException, access: EmergencyAccessEntity, why: string, bothLogs: boolean): ApiException {
    error.logRefusal = async (ctx) => {
      if (bothLogs) await readUnderEmergencyAccess(ctx.manager, [access.id]);
      const row = { action: 'read' as const, resource: RESOURCE, recordId: access.id, citizenId: access.citizenId, criterion: `emergency access: ${why}`, outcome: 'refused' as const };
      ctx.accesses.push(row);
      if (bothLogs && access.municipalityId !== ctx.user.municipalityId) ctx.accesses.push({ ...row, municipalityId: access.municipalityId });
    };
    return error;
  }

  /** One row in the accessor's log and one in the owner's, per access, in this transaction. */
  private logBoth(accesses: EmergencyAccessEntity[], action: 'create' | 'read'): void {
    const ctx = this.db.context();
    ctx.selfLogged = true;
    for (const a of accesses) {
      const row = { action, resource: RESOURCE, recordId: a.id, citizenId: a.citizenId, criterion: 'emergency access', outcome: 'ok' as const };
      ctx.accesses.push(row, { ...row, municipalityId: a.municipalityId });
    }
  }

  private async toAccesses(rows: EmergencyAccessEntity[]): Promise<EmergencyAccess[]> {
    const names = await municipalityNames(this.db.manager(), [...new Set(rows.flatMap((r) => [r.municipalityId, r.accessorMunicipalityId]))]);
    const now = Date.now();
    return rows.map((r) => ({
      id: r.id,
      version: r.version,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      municipalityId: r.municipalityId,
      municipalityName: names.get(r.municipalityId) ?? '',
      citizenId: r.citizenId,
      accessorUserId: r.accessorUserId,
      accessorName: r.accessorName,
      accessorMunicipalityId: r.accessorMunicipalityId,
      accessorMunicipalityName: names.get(r.accessorMunicipalityId) ?? '',
      reason: r.reason,
      openedAt: r.openedAt.toISOString(),
      expiresAt: r.expiresAt.toISOString(),
      active: r.expiresAt.getTime() > now,
      reviewState: r.reviewState,
      reviewedAt: r.reviewedAt ? r.reviewedAt.toISOString() : null,
      reviewNote: r.reviewNote,
      reviewedByUserId: r.reviewedByUserId,
    }));
  }
}
