import { Injectable } from '@nestjs/common';
import { ANONYMOUS_COURSE_KIND, approvedOn } from '@outcomes/contracts';
import type { RawListQuery, Referral, ReferralProgress, ReferralState } from '@outcomes/contracts';
import { danishToday } from '@outcomes/domain';
import { CitizensService } from '../citizens/citizens.service';
import type { CitizenEntity } from '../citizens/citizen.entity';
import { IdentifierCrypto } from '../common/crypto/identifier-crypto';
import { ApiException, ReferenceRefused } from '../common/errors/api.exception';
import type { ListPage } from '../common/list-query/list-page';
import { listPage } from '../common/list-query/list-page';
import type { ListSpec } from '../common/list-query/list-query';
import { EnrolmentsService } from '../enrolments/enrolments.service';
import { Db } from '../tenancy/db.service';
import type { AcceptReferralDto, AnswerReasonDto, CreateReferralDto, ProviderAnswerDto, ProviderOutcomeDto } from './dto/referral.dto';
import type { ReferralEntity } from './referral.entity';
import type { IncomingReferralRow } from './referrals.queries';
import {
  answerReferral,
  centreById,
  citizensOfEnrolments,
  decidedKind,
  endStatusExists,
  providerById,
  requestReference,
  updateReferralVersion,
  incomingReferrals,
  insertReferral,
  ownReferral,
  ownReferralOr404,
  referenceNames,
  referralList,
  referralProgress,
  sentReferralExists,
  updateSentReferral,
  waiveGuaranteeByChoice,
} from './referrals.queries';

const LIST_SPEC: ListSpec = {
  fields: {
    id: { type: 'uuid', column: 'id', filterable: true },
    citizenId: { type: 'uuid', column: 'citizen_id', filterable: true },
    caseRequestId: { type: 'uuid', column: 'case_request_id', filterable: true },
    state: { type: 'string', column: 'state', sortable: true, filterable: true },
    referredOn: { type: 'date', column: 'referred_on', sortable: true, filterable: true },
    createdAt: { type: 'datetime', column: 'created_at', sortable: true },
  },
  searchColumns: [],
  defaultSort: ['createdAt', 'DESC'],
};

/** Who is referred, as the referral carries them (encrypted as one JSON object). */
interface Identity {
  cpr: string | null;
  firstName: string;
  lastName: string;
  birthYear: number | null;
  sex: string | null;
}

/**
 * Free choice (Serviceloven § 101 stk. 5-7, docs/domain.md "Free choice"): the referring
 * municipality refers its citizen to another municipality's treatment place and keeps the decision;
 * the receiving municipality accepts (opening its own citizen record and enrolment) or declines; the
 * referring side follows the course through referral_progress. What crosses municipalities goes
 * through the definer functions of migration ReferralsTenancy only (decision 101).
 */
@Injectable()
export class ReferralsService {
  constructor(
    private readonly db: Db,
    private readonly crypto: IdentifierCrypto,
    private readonly citizens: CitizensService,
    private readonly enrolments: EnrolmentsService,
  ) {}

  /** The caller's outgoing referrals. */
  list(raw: RawListQuery): Promise<ListPage<Referral>> {
    return listPage(referralList(this.db.manager()), raw, LIST_SPEC, (rows) => this.outgoing(rows));
  }

  /** The referrals addressed to the caller's municipality: sent (to answer) and accepted. */
  async incoming(): Promise<Referral[]> {
    return this.toIncoming(await incomingReferrals(this.db.manager(), null));
  }

  /** One referral, from either side; 404 for anyone else (and for the receiving side once declined or withdrawn). */
  async get(id: string): Promise<Referral> {
    const own = await ownReferral(this.db.manager(), id);
    if (own) return (await this.outgoing([own]))[0] as Referral;
    const [row] = await incomingReferrals(this.db.manager(), id);
    if (!row) throw ApiException.notFound('Referral');
    return (await this.toIncoming([row]))[0] as Referral;
  }

  async create(input: CreateReferralDto): Promise<Referral> {
    const m = this.db.manager();
    const citizen = await this.citizens.entity(input.citizenId).catch(() => {
      throw new ReferenceRefused('citizenId', 'citizenId must name a citizen of your municipality');
    });
    const request = await requestReference(m, input.caseRequestId);
    if (request.citizenId !== citizen.id) throw ApiException.validation({ caseRequestId: "caseRequestId must name the citizen's own request" });
    // Anonymous treatment (§ 101 a) has no free choice: the place is the one that treats anonymously.
    if (request.courseKind === ANONYMOUS_COURSE_KIND) {
      throw new ApiException(409, 'ANONYMOUS_TREATMENT', 'Anonymous treatment (serviceloven § 101 a) has no free choice of treatment place', {
        caseRequestId: 'a request for anonymous treatment (§ 101 a) cannot be referred under free choice (§ 101 stk. 5)',
      });
    }
    if (request.status !== 'open') throw new ApiException(409, 'REQUEST_CLOSED', 'The request is closed: refer on an open request', { caseRequestId: 'caseRequestId must name an open request' });
    // Exactly one place: another municipality's centre or an approved provider (decision 105).
    if (Boolean(input.toCentreId) === Boolean(input.providerId)) {
      const rule = 'name exactly one place: toCentreId (another municipality\'s centre) or providerId (an approved provider)';
      throw ApiException.validation({ toCentreId: rule, providerId: rule });
    }
    const today = danishToday();
    for (const field of ['referredOn', 'citizenChoiceOn'] as const) {
      const day = input[field];
      if (day && day > today) throw ApiException.validation({ [field]: `${field} must not be after today` });
      if (day && day < request.requestedOn) throw ApiException.validation({ [field]: `${field} must not be before the request (${request.requestedOn})` });
    }
    // A place of a similar kind (§ 101 stk. 5): when the decision and the place both record a kind (decision 106).
    const kind = await decidedKind(m, request.id);
    if (input.providerId) return this.createToProvider(input, input.providerId, { citizen, request, kind });
    const centre = await centreById(m, input.toCentreId as string);
    if (!centre) throw ApiException.validation({ toCentreId: 'toCentreId must name a treatment place' });
    if (centre.municipality_id === this.db.municipalityId()) {
      throw ApiException.validation({ toCentreId: "toCentreId must name another municipality's treatment place (your own centres take the citizen by an enrolment)" });
    }
    if (!centre.active) throw ApiException.validation({ toCentreId: 'toCentreId must name a treatment place that takes citizens (this one is inactive)' });
    if (kind && centre.kind && centre.kind !== kind) {
      throw ApiException.validation({ toCentreId: `toCentreId must name a place of the kind decided (${kind}); this centre gives ${centre.kind}` });
    }
    if (await sentReferralExists(m, citizen.id, { centreId: centre.id })) {
      throw new ApiException(409, 'DUPLICATE', 'The citizen already has a referral to this place waiting for its answer', { toCentreId: 'a referral to this place is already sent' });
    }
    return this.insert(input, citizen, request.id, { toMunicipalityId: centre.municipality_id, toCentreId: centre.id, providerId: null });
  }

  /**
   * A referral to an approved private provider (decision 105): of the kind decided, approved on the
   * referral day (409 PROVIDER_NOT_APPROVED otherwise, nothing written). The row is the referring
   * municipality's alone; the provider has no users, so its answer and outcome are recorded here by
   * the referring staff (decision 107).
   */
  private async createToProvider(input: CreateReferralDto, providerId: string, c: { citizen: CitizenEntity; request: { id: string }; kind: string | null }): Promise<Referral> {
    const m = this.db.manager();
    const provider = await providerById(m, providerId);
    if (!provider) throw ApiException.validation({ providerId: 'providerId must name a treatment provider of the national register' });
    if (c.kind && provider.kind !== c.kind) {
      throw ApiException.validation({ providerId: `providerId must name a place of the kind decided (${c.kind}); this provider gives ${provider.kind}` });
    }
    if (!approvedOn({ approvedFrom: provider.approved_from, approvedUntil: provider.approved_until }, input.referredOn)) {
      const why = provider.approved_from > input.referredOn ? `its approval begins ${provider.approved_from}` : `its approval lapsed after ${provider.approved_until as string}`;
      throw new ApiException(409, 'PROVIDER_NOT_APPROVED', `The provider is not approved on the referral day: ${why}`, {
        providerId: `the provider must be approved on the referral day (${input.referredOn}); ${why}`,
      });
    }
    if (await sentReferralExists(m, c.citizen.id, { providerId: provider.id })) {
      throw new ApiException(409, 'DUPLICATE', 'The citizen already has a referral to this provider waiting for its answer', { providerId: 'a referral to this provider is already sent' });
    }
    return this.insert(input, c.citizen, c.request.id, { toMunicipalityId: null, toCentreId: null, providerId: provider.id });
  }

  private async insert(input: CreateReferralDto, citizen: CitizenEntity, caseRequestId: string, place: { toMunicipalityId: string | null; toCentreId: string | null; providerId: string | null }): Promise<Referral> {
    const m = this.db.manager();
    const identity: Identity = {
      cpr: citizen.cprEncrypted ? this.crypto.decrypt('cpr', citizen.cprEncrypted) : null,
      firstName: this.crypto.decrypt('first_name', citizen.firstNameEncrypted),
      lastName: this.crypto.decrypt('last_name', citizen.lastNameEncrypted),
      birthYear: citizen.birthYear,
      sex: citizen.sex,
    };
    const id = await insertReferral(m, {
      municipalityId: this.db.municipalityId(),
      citizenId: citizen.id,
      caseRequestId,
      ...place,
      referredOn: input.referredOn,
      citizenChoiceOn: input.citizenChoiceOn ?? null,
      messageEncrypted: this.crypto.encryptNullable('referral_message', input.message),
      identityEncrypted: this.crypto.encrypt('referral_identity', JSON.stringify(identity)),
      state: 'sent',
      createdByUserId: this.db.user().id,
    });
    // The citizen's own choice of another place is the guarantee's only waiver (§ 101 stk. 6).
    if (input.citizenChoiceOn) await waiveGuaranteeByChoice(m, caseRequestId, input.citizenChoiceOn);
    return this.get(id);
  }

  /** The provider's answer, recorded by the referring staff on their own referral to a provider (decision 107). */
  async recordProviderAnswer(id: string, input: ProviderAnswerDto): Promise<Referral> {
    const current = await this.ownProviderReferral(id);
    if (current.state !== 'sent') throw this.answered(current.state as ReferralState);
    if (input.answeredOn > danishToday()) throw ApiException.validation({ answeredOn: 'answeredOn must not be after today' });
    if (input.answeredOn < current.referredOn) throw ApiException.validation({ answeredOn: `answeredOn must not be before the referral (${current.referredOn})` });
    const affected = await updateSentReferral(this.db.manager(), id, input.version, {
      state: input.answer,
      answeredOn: input.answeredOn,
      reasonEncrypted: this.crypto.encryptNullable('referral_reason', input.answer === 'declined' ? input.reason : null),
      answeredByUserId: this.db.user().id,
    });
    if (affected === 0) throw ApiException.versionConflict('Referral');
    return this.get(id);
  }

  /** The course's end as the provider reported it, on an accepted referral to a provider; recorded again to correct it. */
  async recordProviderOutcome(id: string, input: ProviderOutcomeDto): Promise<Referral> {
    const current = await this.ownProviderReferral(id);
    if (current.state !== 'accepted') {
      throw new ApiException(409, 'NOT_READY', `The referral is ${current.state}: an outcome is recorded only after the provider accepted`, { id: `the referral is ${current.state}` });
    }
    if (input.endDate > danishToday()) throw ApiException.validation({ endDate: 'endDate must not be after today' });
    if (current.answeredOn && input.endDate < current.answeredOn) throw ApiException.validation({ endDate: `endDate must not be before the provider's acceptance (${current.answeredOn})` });
    if (!(await endStatusExists(this.db.manager(), input.endStatus))) throw ApiException.validation({ endStatus: "endStatus must be a code of the register's end statuses" });
    const affected = await updateReferralVersion(this.db.manager(), id, input.version, { outcomeEndDate: input.endDate, outcomeEndStatus: input.endStatus });
    if (affected === 0) throw ApiException.versionConflict('Referral');
    return this.get(id);
  }

  /** The caller's own referral to a provider; 404 if not theirs, 409 if it is to another municipality (that one answers). */
  private async ownProviderReferral(id: string): Promise<ReferralEntity> {
    const current = await ownReferralOr404(this.db.manager(), id);
    if (!current.providerId) {
      throw new ApiException(409, 'ILLEGAL_TRANSITION', 'A referral to another municipality is answered by that municipality, not recorded here', { id: 'the referral is to another municipality\'s centre' });
    }
    return current;
  }

  /** The referring side withdraws a referral not yet answered. */
  async withdraw(id: string, input: AnswerReasonDto): Promise<Referral> {
    const current = await ownReferralOr404(this.db.manager(), id);
    if (current.state !== 'sent') throw this.answered(current.state as ReferralState);
    const affected = await updateSentReferral(this.db.manager(), id, input.version, {
      state: 'withdrawn',
      answeredOn: danishToday(),
      reasonEncrypted: this.crypto.encrypt('referral_reason', input.reason),
    });
    if (affected === 0) throw ApiException.versionConflict('Referral');
    return this.get(id);
  }

  /**
   * The receiving side accepts: its own citizen record (the one with the referral's CPR number, or a
   * new one made from the referral's identity), an enrolment at the referral's centre in its own
   * programme, and the referral marked accepted naming that enrolment, in one transaction.
   */
  async accept(id: string, input: AcceptReferralDto): Promise<Referral> {
    const row = await this.incomingSent(id, input.version);
    const identity = JSON.parse(this.crypto.decrypt('referral_identity', row.identity_encrypted)) as Identity;
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
    const enrolment = await this.enrolments.create({
      citizenId: citizen.id,
      programmeId: input.programmeId,
      centreId: row.to_centre_id,
      referralDate: danishToday(),
      referralSource: 'free-choice referral',
    });
    const changed = await answerReferral(this.db.manager(), { id, version: input.version, state: 'accepted', answeredOn: danishToday(), reasonEncrypted: null, enrolmentId: enrolment.id });
    if (changed !== 1) throw ApiException.versionConflict('Referral');
    return this.get(id);
  }

  /**
   * The receiving side declines, with a reason the referring side sees. The answer is the referral as
   * it was answered: from now on the receiving side reads it no more (declined gives no access).
   */
  async decline(id: string, input: AnswerReasonDto): Promise<Referral> {
    const row = await this.incomingSent(id, input.version);
    const answeredOn = danishToday();
    const reasonEncrypted = this.crypto.encrypt('referral_reason', input.reason);
    const changed = await answerReferral(this.db.manager(), { id, version: input.version, state: 'declined', answeredOn, reasonEncrypted, enrolmentId: null });
    if (changed !== 1) throw ApiException.versionConflict('Referral');
    const [answer] = await this.toIncoming([{ ...row, state: 'declined', version: row.version + 1, answered_on: answeredOn, reason_encrypted: reasonEncrypted }]);
    return answer as Referral;
  }

  /** The course an accepted referral led to, for the referring side (which keeps the decision). */
  async progress(id: string): Promise<ReferralProgress> {
    const own = await ownReferralOr404(this.db.manager(), id);
    const row = own.state === 'accepted' ? await referralProgress(this.db.manager(), id) : undefined;
    if (!row) throw new ApiException(409, 'NOT_READY', 'The referral has not been accepted, or its course was erased: there is no course to follow', { id: `the referral is ${own.state}` });
    return {
      referralId: id,
      citizenId: own.citizenId,
      state: row.state,
      referralDate: row.referral_date,
      startDate: row.start_date,
      endDate: row.end_date,
      endStatus: row.end_status,
      sessionsAttended: row.sessions_attended,
      sessionsRecorded: row.sessions_recorded,
      asiLatest: row.asi_assessed_on
        ? { assessedOn: row.asi_assessed_on, medical: row.asi_medical, employment: row.asi_employment, alcohol: row.asi_alcohol, drug: row.asi_drug, legal: row.asi_legal, family: row.asi_family, psychiatric: row.asi_psychiatric }
        : null,
      asiDates: row.asi_dates,
    };
  }

  private async incomingSent(id: string, version: number): Promise<IncomingReferralRow> {
    const [row] = await incomingReferrals(this.db.manager(), id);
    if (!row) throw ApiException.notFound('Referral');
    if (row.state !== 'sent') throw this.answered(row.state as ReferralState);
    if (row.version !== version) throw ApiException.versionConflict('Referral');
    return row;
  }

  private answered(state: ReferralState): ApiException {
    return new ApiException(409, 'REFERRAL_ANSWERED', `The referral is ${state}: only a sent referral is answered or withdrawn`, { id: `the referral is ${state}` });
  }

  private async outgoing(rows: ReferralEntity[]): Promise<Referral[]> {
    const present = (ids: (string | null)[]): string[] => ids.filter((x): x is string => x !== null);
    const names = await referenceNames(
      this.db.manager(),
      present([...rows.map((r) => r.municipalityId), ...rows.map((r) => r.toMunicipalityId)]),
      present(rows.map((r) => r.toCentreId)),
      present(rows.map((r) => r.providerId)),
    );
    const name = (id: string | null): string | null => (id ? (names.get(id) ?? '') : null);
    return rows.map((r) => {
      const identity = JSON.parse(this.crypto.decrypt('referral_identity', r.identityEncrypted)) as Identity;
      return {
        id: r.id,
        version: r.version,
        createdAt: r.createdAt.toISOString(),
        updatedAt: r.updatedAt.toISOString(),
        direction: 'outgoing',
        citizenId: r.citizenId,
        caseRequestId: r.caseRequestId,
        enrolmentId: null,
        fromMunicipalityId: r.municipalityId,
        fromMunicipalityName: names.get(r.municipalityId) ?? '',
        toMunicipalityId: r.toMunicipalityId,
        toMunicipalityName: name(r.toMunicipalityId),
        toCentreId: r.toCentreId,
        toCentreName: name(r.toCentreId),
        providerId: r.providerId,
        providerName: name(r.providerId),
        referredOn: r.referredOn,
        citizenChoiceOn: r.citizenChoiceOn,
        message: this.crypto.decryptNullable('referral_message', r.messageEncrypted),
        firstName: identity.firstName,
        lastName: identity.lastName,
        birthYear: identity.birthYear,
        sex: identity.sex,
        state: r.state as ReferralState,
        answeredOn: r.answeredOn,
        reason: this.crypto.decryptNullable('referral_reason', r.reasonEncrypted),
        outcomeEndDate: r.outcomeEndDate,
        outcomeEndStatus: r.outcomeEndStatus,
      };
    });
  }

  /** An incoming referral never names the referring side's records; its citizen is the receiving side's own, found through its enrolment. */
  private async toIncoming(rows: IncomingReferralRow[]): Promise<Referral[]> {
    const names = await referenceNames(this.db.manager(), [...rows.map((r) => r.municipality_id), ...rows.map((r) => r.to_municipality_id)], rows.map((r) => r.to_centre_id));
    const enrolmentIds = rows.map((r) => r.receiving_enrolment_id).filter((x): x is string => x !== null);
    const citizenOf = await citizensOfEnrolments(this.db.manager(), enrolmentIds);
    return rows.map((r) => {
      const identity = JSON.parse(this.crypto.decrypt('referral_identity', r.identity_encrypted)) as Identity;
      return {
        id: r.id,
        version: r.version,
        createdAt: new Date(r.created_at).toISOString(),
        updatedAt: new Date(r.updated_at).toISOString(),
        direction: 'incoming',
        citizenId: r.receiving_enrolment_id ? (citizenOf.get(r.receiving_enrolment_id) ?? null) : null,
        caseRequestId: null,
        enrolmentId: r.receiving_enrolment_id,
        fromMunicipalityId: r.municipality_id,
        fromMunicipalityName: names.get(r.municipality_id) ?? '',
        toMunicipalityId: r.to_municipality_id,
        toMunicipalityName: names.get(r.to_municipality_id) ?? '',
        toCentreId: r.to_centre_id,
        toCentreName: names.get(r.to_centre_id) ?? '',
        providerId: null,
        providerName: null,
        referredOn: r.referred_on,
        citizenChoiceOn: r.citizen_choice_on,
        message: this.crypto.decryptNullable('referral_message', r.message_encrypted),
        firstName: identity.firstName,
        lastName: identity.lastName,
        birthYear: identity.birthYear,
        sex: identity.sex,
        state: r.state as ReferralState,
        answeredOn: r.answered_on,
        reason: this.crypto.decryptNullable('referral_reason', r.reason_encrypted),
        outcomeEndDate: null,
        outcomeEndStatus: null,
      };
    });
  }
}
