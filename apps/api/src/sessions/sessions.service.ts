import { Injectable } from '@nestjs/common';
import type { Attendance, NoteHistory, RawListQuery, TreatmentSession } from '@outcomes/contracts';
import { danishDate } from '@outcomes/domain';
import type { ListPage, RawRow } from '../common/list-query/list-page';
import { IdentifierCrypto } from '../common/crypto/identifier-crypto';
import { ApiException } from '../common/errors/api.exception';
import type { ListSpec } from '../common/list-query/list-query';
import { listPage } from '../common/list-query/list-page';
import type { EnrolmentEntity } from '../enrolments/enrolment.entity';
import { enrolmentReferenceOr400 } from '../enrolments/enrolments.queries';
import { programmeById } from '../programmes/programmes.queries';
import { NoteVersions } from '../notes/note-versions.service';
import type { NoteRef } from '../notes/note-versions.service';
import { Db } from '../tenancy/db.service';
import type { CreateSessionDto, EnteredInErrorDto, UpdateSessionDto } from './dto/session.dto';
import type { TreatmentSessionEntity } from './session.entity';
import { SESSION_LIST_EXTRAS, hasSessionOnDanishDay, insertSession, markSessionEnteredInError, sessionList, sessionOr404, updateSession, userNames, withSessionListExtras } from './sessions.queries';

const LIST_SPEC: ListSpec = {
  fields: {
    id: { type: 'uuid', column: 'id', filterable: true },
    enrolmentId: { type: 'uuid', column: 'enrolment_id', filterable: true },
    citizenId: { type: 'uuid', column: 'citizen_id', filterable: true },
    staffUserId: { type: 'uuid', column: 'staff_user_id', sortable: true, filterable: true },
    startsAt: { type: 'datetime', column: 'starts_at', sortable: true, filterable: true },
    attendance: { type: 'string', column: 'attendance', sortable: true, filterable: true },
    kind: { type: 'string', column: 'kind', sortable: true, filterable: true },
    sessionNumber: { type: 'number', column: 'session_number', sortable: true, filterable: true },
  },
  searchColumns: [],
  defaultSort: ['startsAt', 'DESC'],
};

/** Individual sessions on active enrolments; the note is encrypted like every identifier. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly db: Db,
    private readonly crypto: IdentifierCrypto,
    private readonly notes: NoteVersions,
  ) {}

  async list(raw: RawListQuery): Promise<ListPage<TreatmentSession>> {
    return listPage(sessionList(this.db.manager()), raw, LIST_SPEC, (rows) => this.toSessions(rows), 'id', {
      add: withSessionListExtras,
      shape: (rows, raws) => this.toListedSessions(rows, raws),
    });
  }

  async get(id: string): Promise<TreatmentSession> {
    const [session] = await this.toSessions([await this.entity(id)]);
    return session as TreatmentSession;
  }

  /** The note's every version, oldest first (GET /sessions/:id/note-versions). */
  async noteHistory(id: string): Promise<NoteHistory> {
    const session = await this.entity(id);
    return { id, citizenId: session.citizenId, versions: await this.notes.history(this.noteRef(session)) };
  }

  /**
   * Marks a session entered in error (fejlregistreret), with who, when and why. It stays on the
   * citizen's page, marked, and leaves every figure; it is never deleted (docs/domain.md).
   */
  async markEnteredInError(id: string, input: EnteredInErrorDto): Promise<TreatmentSession> {
    const current = await this.entity(id);
    if (current.enteredInErrorAt) throw new ApiException(409, 'ILLEGAL_TRANSITION', 'The session is already marked entered in error', { version: 'already marked entered in error' });
    const affected = await markSessionEnteredInError(this.db.manager(), id, input.version, this.db.user().id, input.reason);
    if (affected === 0) throw ApiException.versionConflict('Session');
    return this.get(id);
  }

  async create(input: CreateSessionDto): Promise<TreatmentSession> {
    return this.get(await this.insert(input));
  }

  /** create without reading the session back: the new id (for an import). */
  async insert(input: CreateSessionDto): Promise<string> {
    const enrolment = await this.enrolmentOrRefuse(input.enrolmentId);
    await this.checkRules(enrolment, input);
    if (!input.confirmDuplicate && input.attendance !== 'cancelled') await this.refuseSecondSessionOnDay(enrolment.id, input.startsAt);
    const id = await insertSession(this.db.manager(), {
      municipalityId: this.db.municipalityId(),
      enrolmentId: enrolment.id,
      citizenId: enrolment.citizenId,
      startsAt: new Date(input.startsAt),
      durationMinutes: input.durationMinutes,
      staffUserId: input.staffUserId ?? this.db.user().id,
      kind: input.kind,
      sessionNumber: input.sessionNumber ?? null,
      attendance: input.attendance,
      noteEncrypted: this.crypto.encryptNullable('session_note', input.note),
    });
    return id;
  }

  async update(id: string, input: UpdateSessionDto): Promise<TreatmentSession> {
    const current = await this.entity(id);
    const enrolment = await this.enrolmentOrRefuse(current.enrolmentId);
    await this.checkRules(enrolment, input);
    if (current.enteredInErrorAt) {
      throw new ApiException(409, 'ILLEGAL_TRANSITION', 'A session entered in error is kept as it was; log a new session instead', { version: 'the session is marked entered in error' });
    }
    const { version, note, correctionReason, typoFix, ...fields } = input;
    // A stale edit is refused before its note version is written (the version check below repeats it atomically).
    if (current.version !== version) throw ApiException.versionConflict('Session');
    const noteEncrypted = await this.notes.change(this.noteRef(current), current.noteEncrypted, note, { correctionReason, typoFix });
    const affected = await updateSession(this.db.manager(), id, version, {
      ...fields,
      startsAt: new Date(fields.startsAt),
      sessionNumber: fields.sessionNumber ?? null,
      noteEncrypted,
    });
    if (affected === 0) throw ApiException.versionConflict('Session');
    return this.get(id);
  }


  /** One session a day is the rule: a second (not cancelled) on the same Danish day is asked about first (409). */
  private async refuseSecondSessionOnDay(enrolmentId: string, startsAt: string): Promise<void> {
    if (await hasSessionOnDanishDay(this.db.manager(), enrolmentId, startsAt)) {
      throw new ApiException(409, 'DUPLICATE_DATE', 'The enrolment already has a session on this day; send confirmDuplicate: true to log a second one', {
        startsAt: 'a session is already logged on this day',
      });
    }
  }

  private async entity(id: string): Promise<TreatmentSessionEntity> {
    return sessionOr404(this.db.manager(), id);
  }

  private async enrolmentOrRefuse(id: string): Promise<EnrolmentEntity> {
    return enrolmentReferenceOr400(this.db.manager(), id);
  }

  private async checkRules(
    enrolment: EnrolmentEntity,
    input: { startsAt: string; sessionNumber?: number | null; attendance: Attendance },
  ): Promise<void> {
    if (enrolment.state !== 'active') {
      throw new ApiException(422, 'NOT_ELIGIBLE', `Sessions are logged on active enrolments; this one is ${enrolment.state}`, { enrolmentId: `the enrolment is ${enrolment.state}, not active` });
    }
    const startsAt = new Date(input.startsAt);
    // A logged session happened: attended or a no-show cannot lie in the future (a minute's clock skew aside).
    if (input.attendance !== 'cancelled' && startsAt.getTime() > Date.now() + 60_000) {
      throw ApiException.validation({ startsAt: 'startsAt must not be in the future for an attended or missed session' });
    }
    if (enrolment.startDate && danishDate(startsAt) < enrolment.startDate) {
      throw ApiException.validation({ startsAt: `startsAt must not be before the enrolment started (${enrolment.startDate})` });
    }
    if (input.sessionNumber !== undefined && input.sessionNumber !== null) {
      const programme = await programmeById(this.db.manager(), enrolment.programmeId);
      if (programme?.expectedSessions && input.sessionNumber > programme.expectedSessions) {
        throw ApiException.validation({ sessionNumber: `sessionNumber must be between 1 and ${programme.expectedSessions} for ${programme.code}` });
      }
    }
  }

  private noteRef(session: TreatmentSessionEntity): NoteRef {
    return { recordKind: 'session', recordId: session.id, citizenId: session.citizenId, field: 'note', cryptoField: 'session_note' };
  }

  private async toSessions(rows: TreatmentSessionEntity[]): Promise<TreatmentSession[]> {
    return this.shape(rows, await this.notes.changeCounts('session', rows.map((r) => r.id)));
  }

  /** A list page, whose note-change counts and enrolments' citizens came with its rows (withSessionListExtras()). */
  private async toListedSessions(rows: TreatmentSessionEntity[], raws: RawRow[]): Promise<TreatmentSession[]> {
    const enrolmentOf = new Map(rows.map((r) => [r.id, r.enrolmentId]));
    const changes = new Map<string, number>();
    const citizens: [string, string][] = [];
    for (const raw of raws) {
      const id = String(raw[SESSION_LIST_EXTRAS.id]);
      changes.set(id, Number(raw[SESSION_LIST_EXTRAS.noteChanges]));
      const enrolmentId = enrolmentOf.get(id);
      const enrolmentCitizen = raw[SESSION_LIST_EXTRAS.enrolmentCitizen];
      if (enrolmentId !== undefined && typeof enrolmentCitizen === 'string') citizens.push([enrolmentId, enrolmentCitizen]);
    }
    this.db.knowEnrolmentCitizens(citizens);
    return this.shape(rows, changes);
  }

  private async shape(rows: TreatmentSessionEntity[], changes: Map<string, number>): Promise<TreatmentSession[]> {
    const names = await userNames(this.db.manager(), [...new Set(rows.flatMap((r) => (r.enteredInErrorBy ? [r.enteredInErrorBy] : [])))]);
    return rows.map((r) => this.toSession(r, changes.get(r.id) ?? 0, r.enteredInErrorBy ? (names.get(r.enteredInErrorBy) ?? '') : ''));
  }

  private toSession(row: TreatmentSessionEntity, noteChanges: number, markedByName: string): TreatmentSession {
    return {
      id: row.id,
      version: row.version,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      municipalityId: row.municipalityId,
      enrolmentId: row.enrolmentId,
      citizenId: row.citizenId,
      startsAt: row.startsAt.toISOString(),
      durationMinutes: row.durationMinutes,
      staffUserId: row.staffUserId,
      kind: row.kind,
      sessionNumber: row.sessionNumber,
      attendance: row.attendance as Attendance,
      note: this.crypto.decryptNullable('session_note', row.noteEncrypted),
      noteChanges,
      enteredInError:
        row.enteredInErrorAt && row.enteredInErrorBy && row.enteredInErrorReason
          ? { at: row.enteredInErrorAt.toISOString(), byUserId: row.enteredInErrorBy, byName: markedByName, reason: row.enteredInErrorReason }
          : null,
    };
  }
}
