import { Injectable } from '@nestjs/common';
import { MAX_PAGE_SIZE } from '@outcomes/contracts';
import type { Handover, HandoverRecord, HandoverState, RawListQuery } from '@outcomes/contracts';
import { danishToday } from '@outcomes/domain';
import { CitizensService } from '../citizens/citizens.service';
import { IdentifierCrypto } from '../common/crypto/identifier-crypto';
import { ApiException, ReferenceRefused } from '../common/errors/api.exception';
import type { ListPage } from '../common/list-query/list-page';
import { listPage } from '../common/list-query/list-page';
import type { ListSpec } from '../common/list-query/list-query';
import { sharedCitizen, sharedEnrolments, sharedSessions } from '../emergency-access/emergency-access.queries';
import { EnrolmentsService } from '../enrolments/enrolments.service';
import { Db } from '../tenancy/db.service';
import type { AcceptHandoverDto, CreateHandoverDto, HandoverReasonDto } from './dto/handover.dto';
import type { HandoverEntity } from './handover.entity';
import type { IncomingHandoverRow } from './handovers.queries';
import {
  answerHandover,
  citizensOfEnrolments,
  handoverList,
  incomingHandovers,
  insertHandover,
  municipalityNames,
  ownHandover,
  ownHandoverOr404,
  readUnderHandover,
  sentHandoverExists,
  sharedCitizenIds,
  updateSentHandover,
} from './handovers.queries';

const LIST_SPEC: ListSpec = {
  fields: {
    id: { type: 'uuid', column: 'id', filterable: true },
    citizenId: { type: 'uuid', column: 'citizen_id', filterable: true },
    toMunicipalityId: { type: 'uuid', column: 'to_municipality_id', filterable: true },
    state: { type: 'string', column: 'state', sortable: true, filterable: true },
    createdAt: { type: 'datetime', column: 'created_at', sortable: true },
  },
  searchColumns: [],
  defaultSort: ['createdAt', 'DESC'],
};

/** As the emergency view (decision 84): the latest sessions and courses, no notes. */
const SESSIONS_SHOWN = 50;
const ENROLMENTS_SHOWN = MAX_PAGE_SIZE;
const RESOURCE = 'handovers';

/** Who is handed over, as the hand-over carries them (encrypted as one JSON object). */
interface Identity {
  cpr: string | null;
  firstName: string;
  lastName: string;
  birthYear: number | null;
  sex: string | null;
}

const gone = (): ApiException =>
  new ApiException(410, 'GONE', 'The period to read the old record under this hand-over has ended (the sending municipality’s handoverReadDays)');

/**
 * A read of the old record that was refused (not accepted, or the period ended) is logged after the
 * rollback, as decision 115 logs one under an emergency access: in the reader's own log, naming the
 * hand-over. Not in the sender's: its log takes rows only while the hand-over gives access.
 */
function refusedRead(error: ApiException, handoverId: string, why: string): ApiException {
  error.logRefusal = async (ctx) => {
    ctx.accesses.push({ action: 'read', resource: RESOURCE, recordId: handoverId, citizenId: null, criterion: `hand-over: ${why}`, outcome: 'refused' });
  };
  return error;
}

/**
 * Moves between municipalities (issue 22, docs/decisions.md 110-114): the old municipality hands its
 * citizen over to the new one, which accepts (opening its own citizen and course in one transaction)
 * or declines; the old side may withdraw an unanswered one. An accepted hand-over is a basis of
 * app_shared_citizen_ids(), so the new side's staff read the old record read-only until `readUntil`,
 * through `record()` only, each read in both municipalities' logs. What crosses municipalities goes
 * through the definer functions of migration HandoversTenancy only.
 */
@Injectable()
export class HandoversService {
  constructor(
    private readonly db: Db,
    private readonly crypto: IdentifierCrypto,
    private readonly citizens: CitizensService,
    private readonly enrolments: EnrolmentsService,
  ) {}

  /** The caller's outgoing hand-overs. */
  list(raw: RawListQuery): Promise<ListPage<Handover>> {
    return listPage(handoverList(this.db.manager()), raw, LIST_SPEC, (rows) => this.outgoing(rows));
  }

  /** The hand-overs addressed to the caller's municipality: sent (to answer) and accepted. */
  async incoming(): Promise<Handover[]> {
    return this.toIncoming(await incomingHandovers(this.db.manager(), null));
  }

  /** One hand-over, from either side; 404 for anyone else (and for the new side once declined or withdrawn). */
  async get(id: string): Promise<Handover> {
    const own = await ownHandover(this.db.manager(), id);
    if (own) return (await this.outgoing([own]))[0] as Handover;
    const [row] = await incomingHandovers(this.db.manager(), id);
    if (!row) throw ApiException.notFound('Hand-over');
    return (await this.toIncoming([row]))[0] as Handover;
  }

  async create(input: CreateHandoverDto): Promise<Handover> {
    const m = this.db.manager();
    const citizen = await this.citizens.entity(input.citizenId).catch(() => {
      throw new ReferenceRefused('citizenId', 'citizenId must name a citizen of your municipality');
    });
    if (input.toMunicipalityId === this.db.municipalityId()) throw ApiException.validation({ toMunicipalityId: 'toMunicipalityId must name another municipality than your own' });
    const names = await municipalityNames(m, [input.toMunicipalityId]);
    if (!names.has(input.toMunicipalityId)) throw ApiException.validation({ toMunicipalityId: 'toMunicipalityId must name a municipality' });
    if (input.enrolmentId) {
      const course = await this.enrolments.get(input.enrolmentId).catch(() => {
        throw new ReferenceRefused('enrolmentId', 'enrolmentId must name a course of your municipality');
      });
      if (course.citizenId !== citizen.id) throw ApiException.validation({ enrolmentId: "enrolmentId must name the citizen's own course" });
      if (course.state !== 'transferred' || course.transferredToMunicipalityId !== input.toMunicipalityId) {
        throw ApiException.validation({ enrolmentId: 'enrolmentId must name a course ended transferred to toMunicipalityId' });
      }
    }
    if (await sentHandoverExists(m, citizen.id, input.toMunicipalityId)) {
      throw new ApiException(409, 'DUPLICATE', 'The citizen already has a hand-over to this municipality waiting for its answer', { toMunicipalityId: 'a hand-over to this municipality is already sent' });
    }
    const identity: Identity = {
      cpr: citizen.cprEncrypted ? this.crypto.decrypt('cpr', citizen.cprEncrypted) : null,
      firstName: this.crypto.decrypt('first_name', citizen.firstNameEncrypted),
      lastName: this.crypto.decrypt('last_name', citizen.lastNameEncrypted),
      birthYear: citizen.birthYear,
      sex: citizen.sex,
    };
    const id = await insertHandover(m, {
      municipalityId: this.db.municipalityId(),
      citizenId: citizen.id,
      enrolmentId: input.enrolmentId ?? null,
      toMunicipalityId: input.toMunicipalityId,
      messageEncrypted: this.crypto.encryptNullable('handover_message', input.message),
      identityEncrypted: this.crypto.encrypt('handover_identity', JSON.stringify(identity)),
      state: 'sent',
      createdByUserId: this.db.user().id,
    });
    return this.get(id);
  }

  /** The old side withdraws a hand-over not yet answered: the new side reads nothing more of it. */
  async withdraw(id: string, input: HandoverReasonDto): Promise<Handover> {
    const current = await ownHandoverOr404(this.db.manager(), id);
    if (current.state !== 'sent') throw this.answered(current.state as HandoverState);
    const affected = await updateSentHandover(this.db.manager(), id, input.version, {
      state: 'withdrawn',
      answeredAt: () => 'now()',
      reasonEncrypted: this.crypto.encrypt('handover_reason', input.reason),
    });
    if (affected === 0) throw ApiException.versionConflict('Hand-over');
    return this.get(id);
  }

  /**
   * The new side accepts: its own citizen record (the one with the hand-over's CPR number, or a new one
   * made from its identity), its own course in a programme and centre it picks, and the hand-over marked
   * accepted naming that course, in one transaction. Logged in both municipalities' logs: the new
   * side's with its own citizen, the old side's with the old citizen (policy shared_citizen_log).
   */
  async accept(id: string, input: AcceptHandoverDto): Promise<Handover> {
    const m = this.db.manager();
    const row = await this.incomingSent(id, input.version);
    const identity = JSON.parse(this.crypto.decrypt('handover_identity', row.identity_encrypted)) as Identity;
    const found = identity.cpr ? (await this.citizens.lookup(identity.cpr)).citizen : null;
    const citizen =
      found ??
      (await this.citizens.create({
        cpr: identity.cpr ?? undefined,
        firstName: identity.firstName,
        lastName: identity.lastName,
        birthYear: identity.cpr ? undefined : (identity.birthYear ?? undefined),
        sex: identity.cpr ? undefined : ((identity.sex as 'male' | 'female' | null) ?? undefined),
      }));
    const names = await municipalityNames(m, [row.municipality_id]);
    const enrolment = await this.enrolments.create({
      citizenId: citizen.id,
      programmeId: input.programmeId,
      centreId: input.centreId,
      referralDate: danishToday(),
      referralSource: `hand-over from ${names.get(row.municipality_id) ?? 'another municipality'}`.slice(0, 200),
    });
    const changed = await answerHandover(m, { id, version: input.version, state: 'accepted', reasonEncrypted: null, enrolmentId: enrolment.id });
    if (changed !== 1) throw ApiException.versionConflict('Hand-over');
    await readUnderHandover(m, [id]);
    const [oldCitizenId] = await sharedCitizenIds(m);
    const ctx = this.db.context();
    ctx.selfLogged = true;
    const own = { action: 'update' as const, resource: RESOURCE, recordId: id, criterion: 'hand-over accepted', outcome: 'ok' as const };
    ctx.accesses.push({ ...own, citizenId: citizen.id });
    if (oldCitizenId) ctx.accesses.push({ ...own, citizenId: oldCitizenId, municipalityId: row.municipality_id });
    return this.get(id);
  }

  /** The new side declines, with a reason the old side sees; from now on the new side reads it no more. */
  async decline(id: string, input: HandoverReasonDto): Promise<Handover> {
    const row = await this.incomingSent(id, input.version);
    const reasonEncrypted = this.crypto.encrypt('handover_reason', input.reason);
    const changed = await answerHandover(this.db.manager(), { id, version: input.version, state: 'declined', reasonEncrypted, enrolmentId: null });
    if (changed !== 1) throw ApiException.versionConflict('Hand-over');
    const [answer] = await this.toIncoming([{ ...row, state: 'declined', version: row.version + 1, answered_at: new Date(), reason_encrypted: reasonEncrypted }]);
    return answer as Handover;
  }

  /**
   * The old record, read-only, for the new municipality's staff while an accepted hand-over lasts
   * (the emergency view's shape: the citizen, the courses and the latest sessions, no notes). The
   * database decides (app_shared_citizen_ids(): accepted, the caller's municipality, staff, its clock);
   * every read is in both municipalities' logs, as an emergency access's is.
   */
  async record(id: string): Promise<HandoverRecord> {
    const m = this.db.manager();
    const [row] = await incomingHandovers(m, id);
    if (!row) throw ApiException.notFound('Hand-over');
    if (row.state !== 'accepted') {
      throw refusedRead(new ApiException(409, 'NOT_READY', 'The hand-over has not been accepted: accept it first to read the old record', { id: `the hand-over is ${row.state}` }), id, row.state);
    }
    if (!row.read_until || new Date(row.read_until).getTime() <= Date.now()) throw refusedRead(gone(), id, 'expired');
    await readUnderHandover(m, [id]);
    const [citizenId] = await sharedCitizenIds(m);
    const citizen = citizenId ? await sharedCitizen(m, citizenId) : null;
    if (!citizen) throw gone();
    const enrolments = await sharedEnrolments(m, citizen.id, ENROLMENTS_SHOWN);
    const sessions = await sharedSessions(m, citizen.id, SESSIONS_SHOWN);
    const [handover] = await this.toIncoming([row]);
    const ctx = this.db.context();
    ctx.selfLogged = true;
    const read = { action: 'read' as const, resource: RESOURCE, recordId: id, citizenId: citizen.id, criterion: 'hand-over', outcome: 'ok' as const };
    ctx.accesses.push(read, { ...read, municipalityId: row.municipality_id });
    return {
      handover: handover as Handover,
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
    };
  }

  private async incomingSent(id: string, version: number): Promise<IncomingHandoverRow> {
    const [row] = await incomingHandovers(this.db.manager(), id);
    if (!row) throw ApiException.notFound('Hand-over');
    if (row.state !== 'sent') throw this.answered(row.state as HandoverState);
    if (row.version !== version) throw ApiException.versionConflict('Hand-over');
    return row;
  }

  private answered(state: HandoverState): ApiException {
    return new ApiException(409, 'HANDOVER_ANSWERED', `The hand-over is ${state}: only a sent hand-over is answered or withdrawn`, { id: `the hand-over is ${state}` });
  }

  private async outgoing(rows: HandoverEntity[]): Promise<Handover[]> {
    const names = await municipalityNames(this.db.manager(), [...new Set(rows.flatMap((r) => [r.municipalityId, r.toMunicipalityId]))]);
    const now = Date.now();
    return rows.map((r) => {
      const identity = JSON.parse(this.crypto.decrypt('handover_identity', r.identityEncrypted)) as Identity;
      return {
        id: r.id,
        version: r.version,
        createdAt: r.createdAt.toISOString(),
        updatedAt: r.updatedAt.toISOString(),
        direction: 'outgoing',
        citizenId: r.citizenId,
        enrolmentId: r.enrolmentId,
        fromMunicipalityId: r.municipalityId,
        fromMunicipalityName: names.get(r.municipalityId) ?? '',
        toMunicipalityId: r.toMunicipalityId,
        toMunicipalityName: names.get(r.toMunicipalityId) ?? '',
        message: this.crypto.decryptNullable('handover_message', r.messageEncrypted),
        firstName: identity.firstName,
        lastName: identity.lastName,
        birthYear: identity.birthYear,
        sex: identity.sex,
        state: r.state as HandoverState,
        answeredAt: r.answeredAt ? r.answeredAt.toISOString() : null,
        reason: this.crypto.decryptNullable('handover_reason', r.reasonEncrypted),
        readUntil: r.readUntil ? r.readUntil.toISOString() : null,
        readable: r.state === 'accepted' && !!r.readUntil && r.readUntil.getTime() > now,
      };
    });
  }

  /** An incoming hand-over never names the old side's records; its citizen is the new side's own, found through its course. */
  private async toIncoming(rows: IncomingHandoverRow[]): Promise<Handover[]> {
    const names = await municipalityNames(this.db.manager(), [...new Set(rows.flatMap((r) => [r.municipality_id, r.to_municipality_id]))]);
    const citizenOf = await citizensOfEnrolments(this.db.manager(), rows.map((r) => r.receiving_enrolment_id).filter((x): x is string => x !== null));
    const now = Date.now();
    return rows.map((r) => {
      const identity = JSON.parse(this.crypto.decrypt('handover_identity', r.identity_encrypted)) as Identity;
      const readUntil = r.read_until ? new Date(r.read_until) : null;
      return {
        id: r.id,
        version: r.version,
        createdAt: new Date(r.created_at).toISOString(),
        updatedAt: new Date(r.updated_at).toISOString(),
        direction: 'incoming',
        citizenId: r.receiving_enrolment_id ? (citizenOf.get(r.receiving_enrolment_id) ?? null) : null,
        enrolmentId: r.receiving_enrolment_id,
        fromMunicipalityId: r.municipality_id,
        fromMunicipalityName: names.get(r.municipality_id) ?? '',
        toMunicipalityId: r.to_municipality_id,
        toMunicipalityName: names.get(r.to_municipality_id) ?? '',
        message: this.crypto.decryptNullable('handover_message', r.message_encrypted),
        firstName: identity.firstName,
        lastName: identity.lastName,
        birthYear: identity.birthYear,
        sex: identity.sex,
        state: r.state as HandoverState,
        answeredAt: r.answered_at ? new Date(r.answered_at).toISOString() : null,
        reason: this.crypto.decryptNullable('handover_reason', r.reason_encrypted),
        readUntil: readUntil ? readUntil.toISOString() : null,
        readable: r.state === 'accepted' && !!readUntil && readUntil.getTime() > now,
      };
    });
  }
}
