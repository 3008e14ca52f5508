import { Injectable } from '@nestjs/common';
import type { RawListQuery, YouthConsent, YouthConsentKind, YouthConsentStatus } from '@outcomes/contracts';
import { ageOn, danishToday, isOpen, youthConsentsMissing, youthConsentsRequired } from '@outcomes/domain';
import type { EnrolmentState } from '@outcomes/contracts';
import { CitizensService } from '../citizens/citizens.service';
import { IdentifierCrypto } from '../common/crypto/identifier-crypto';
import { ApiException } from '../common/errors/api.exception';
import type { ListPage } from '../common/list-query/list-page';
import { listPage } from '../common/list-query/list-page';
import type { ListSpec } from '../common/list-query/list-query';
import { Db } from '../tenancy/db.service';
import type { CreateYouthConsentDto, WithdrawYouthConsentDto } from './dto/youth-consent.dto';
import type { EnrolmentEntity } from './enrolment.entity';
import { enrolmentOr404, enrolmentReferenceOr400 } from './enrolments.queries';
import type { YouthConsentEntity } from './youth-consent.entity';
import { insertYouthConsent, withdrawYouthConsent, youthConsentList, youthConsentOr404, youthConsentsOfEnrolment } from './youth-consents.queries';

const LIST_SPEC: ListSpec = {
  fields: {
    id: { type: 'uuid', column: 'id', filterable: true },
    enrolmentId: { type: 'uuid', column: 'enrolment_id', filterable: true },
    citizenId: { type: 'uuid', column: 'citizen_id', filterable: true },
    kind: { type: 'string', column: 'kind', sortable: true, filterable: true },
    givenOn: { type: 'date', column: 'given_on', sortable: true, filterable: true },
    createdAt: { type: 'datetime', column: 'created_at', sortable: true },
  },
  searchColumns: [],
  defaultSort: ['createdAt', 'ASC'],
};

const KIND_TEXT: Record<YouthConsentKind, string> = {
  'custodial-parent': "a custodial parent's consent",
  'young-person': "the young person's own consent (from age 15)",
};

/**
 * Consents to a young person's treatment, and the rule that treatment of someone under 18 does not
 * start without them (docs/domain.md, "Young people under 18").
 */
@Injectable()
export class YouthConsentsService {
  constructor(
    private readonly db: Db,
    private readonly crypto: IdentifierCrypto,
    private readonly citizens: CitizensService,
  ) {}

  list(raw: RawListQuery): Promise<ListPage<YouthConsent>> {
    return listPage(youthConsentList(this.db.manager()), raw, LIST_SPEC, (rows) => rows.map((r) => this.toConsent(r)));
  }

  async get(id: string): Promise<YouthConsent> {
    return this.toConsent(await youthConsentOr404(this.db.manager(), id));
  }

  async create(input: CreateYouthConsentDto): Promise<YouthConsent> {
    const enrolment = await enrolmentReferenceOr400(this.db.manager(), input.enrolmentId);
    if (!isOpen(enrolment.state as EnrolmentState)) throw ApiException.validation({ enrolmentId: 'enrolmentId must name an open enrolment (referred or active)' });
    if (input.kind === 'young-person' && input.givenBy) throw ApiException.validation({ givenBy: "givenBy must be empty for the young person's own consent" });
    const birthDate = await this.citizens.birthDate(await this.citizens.entity(enrolment.citizenId));
    this.checkDay('givenOn', input.givenOn, birthDate);
    if (input.kind === 'young-person' && birthDate !== null && ageOn(birthDate, input.givenOn) < 15) {
      throw ApiException.validation({ givenOn: "givenOn must be on or after the young person's 15th birthday for their own consent" });
    }
    const id = await insertYouthConsent(this.db.manager(), {
      municipalityId: this.db.municipalityId(),
      enrolmentId: enrolment.id,
      citizenId: enrolment.citizenId,
      kind: input.kind,
      givenByEncrypted: input.kind === 'custodial-parent' ? this.crypto.encrypt('consent_given_by', (input.givenBy ?? '').trim()) : null,
      givenOn: input.givenOn,
      recordedByUserId: this.db.user().id,
      withdrawnOn: null,
    });
    return this.get(id);
  }

  async withdraw(id: string, input: WithdrawYouthConsentDto): Promise<YouthConsent> {
    const current = await youthConsentOr404(this.db.manager(), id);
    if (current.version !== input.version) throw ApiException.versionConflict('Youth consent');
    if (current.withdrawnOn !== null) throw new ApiException(409, 'VERSION_CONFLICT', `This consent was withdrawn on ${current.withdrawnOn}`);
    if (input.withdrawnOn < current.givenOn) throw ApiException.validation({ withdrawnOn: `withdrawnOn must not be before the consent was given (${current.givenOn})` });
    this.checkDay('withdrawnOn', input.withdrawnOn, null);
    if (!(await withdrawYouthConsent(this.db.manager(), id, input.version, input.withdrawnOn))) throw ApiException.versionConflict('Youth consent');
    return this.get(id);
  }

  /**
   * What the consents are today for an open enrolment (before the start: what the start needs; during
   * treatment: whether it still has them), and on the start date for one that has ended.
   */
  async status(enrolmentId: string): Promise<YouthConsentStatus> {
    const enrolment = await enrolmentOr404(this.db.manager(), enrolmentId);
    const birthDate = await this.citizens.birthDate(await this.citizens.entity(enrolment.citizenId));
    const onDate = isOpen(enrolment.state as EnrolmentState) ? danishToday() : (enrolment.startDate ?? danishToday());
    const consents = await youthConsentsOfEnrolment(this.db.manager(), enrolment.id);
    return {
      enrolmentId: enrolment.id,
      citizenId: enrolment.citizenId,
      onDate,
      ageOnDate: birthDate === null ? null : ageOn(birthDate, onDate),
      required: youthConsentsRequired(birthDate, onDate).length > 0,
      missing: youthConsentsMissing(birthDate, onDate, consents),
    };
  }

  /** A 422 naming each consent a start on `onDate` lacks; nothing for an adult or an unknown age. */
  async refuseStartWithoutConsent(enrolment: EnrolmentEntity, birthDate: string | null, onDate: string): Promise<void> {
    if (youthConsentsRequired(birthDate, onDate).length === 0) return;
    const missing = youthConsentsMissing(birthDate, onDate, await youthConsentsOfEnrolment(this.db.manager(), enrolment.id));
    if (missing.length === 0) return;
    const failures = missing.map((kind) => ({ rule: `consent-missing:${kind}`, message: `treatment of a citizen under 18 cannot start on ${onDate} without ${KIND_TEXT[kind]} given by then` }));
    throw new ApiException(
      422,
      'YOUTH_CONSENT_MISSING',
      `The citizen is under 18 on ${onDate}: record ${missing.map((k) => KIND_TEXT[k]).join(' and ')} before the start`,
      { consent: failures.map((f) => f.message).join('; ') },
      { failures },
    );
  }

  private checkDay(field: string, date: string, birthDate: string | null): void {
    if (birthDate !== null && date < birthDate) throw ApiException.validation({ [field]: `${field} must not be before the citizen's birth (${birthDate})` });
    if (date > danishToday()) throw ApiException.validation({ [field]: `${field} must not be after today (${danishToday()})` });
  }

  private toConsent(row: YouthConsentEntity): YouthConsent {
    return {
      id: row.id,
      version: row.version,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      municipalityId: row.municipalityId,
      citizenId: row.citizenId,
      enrolmentId: row.enrolmentId,
      kind: row.kind,
      givenBy: this.crypto.decryptNullable('consent_given_by', row.givenByEncrypted),
      givenOn: row.givenOn,
      recordedByUserId: row.recordedByUserId,
      withdrawnOn: row.withdrawnOn,
    };
  }
}
