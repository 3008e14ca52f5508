import { Injectable } from '@nestjs/common';
import type { ContactType, OutreachContact, PlaceType, RawListQuery } from '@outcomes/contracts';
import { CitizensService } from '../citizens/citizens.service';
import type { ListPage } from '../common/list-query/list-page';
import { IdentifierCrypto } from '../common/crypto/identifier-crypto';
import { ApiException, ReferenceRefused } from '../common/errors/api.exception';
import type { ListSpec } from '../common/list-query/list-query';
import { listPage } from '../common/list-query/list-page';
import { programmeById } from '../programmes/programmes.queries';
import { Db } from '../tenancy/db.service';
import type { CreateOutreachContactDto, UpdateOutreachContactDto } from './dto/outreach-contact.dto';
import type { OutreachContactEntity } from './outreach-contact.entity';
import { contactList, contactOr404, insertContact, moveAliasToCitizen, updateContact } from './outreach.queries';

const LIST_SPEC: ListSpec = {
  fields: {
    id: { type: 'uuid', column: 'id', filterable: true },
    contactAt: { type: 'datetime', column: 'contact_at', sortable: true, filterable: true },
    staffUserId: { type: 'uuid', column: 'staff_user_id', sortable: true, filterable: true },
    placeType: { type: 'string', column: 'place_type', sortable: true, filterable: true },
    contactType: { type: 'string', column: 'contact_type', sortable: true, filterable: true },
    citizenId: { type: 'uuid', column: 'citizen_id', filterable: true },
  },
  searchColumns: [],
  defaultSort: ['contactAt', 'DESC'],
};

/** The alias as the worker wrote it, for its keyed hash: case and spacing do not matter. */
const normaliseAlias = (alias: string): string => alias.trim().toLowerCase().replace(/\s+/g, ' ');

/** Outreach contacts, with citizens or with anonymous people by alias, and the linking of an alias to a citizen. */
@Injectable()
export class OutreachService {
  constructor(
    private readonly db: Db,
    private readonly crypto: IdentifierCrypto,
    private readonly citizens: CitizensService,
  ) {}

  async list(raw: RawListQuery): Promise<ListPage<OutreachContact>> {
    return listPage(contactList(this.db.manager()), raw, LIST_SPEC, (rows) => rows.map((r) => this.toContact(r)));
  }

  async get(id: string): Promise<OutreachContact> {
    return this.toContact(await this.entity(id));
  }

  async create(input: CreateOutreachContactDto): Promise<OutreachContact> {
    const hasCitizen = Boolean(input.citizenId);
    const hasAlias = Boolean(input.alias);
    if (hasCitizen === hasAlias) throw ApiException.validation({ alias: 'give either citizenId or alias, not both and not neither' });
    if (input.citizenId) await this.citizenOrRefuse(input.citizenId);
    await this.checkRules(input);
    const id = await insertContact(this.db.manager(), {
      municipalityId: this.db.municipalityId(),
      contactAt: new Date(input.contactAt),
      staffUserId: input.staffUserId ?? this.db.user().id,
      placeType: input.placeType,
      durationMinutes: input.durationMinutes,
      contactType: input.contactType,
      citizenId: input.citizenId ?? null,
      aliasEncrypted: input.alias ? this.crypto.encrypt('outreach_alias', input.alias) : null,
      aliasHash: input.alias ? this.crypto.blindIndex('alias', normaliseAlias(input.alias)) : null,
      referredProgrammeId: input.referredProgrammeId ?? null,
      referralStarted: input.referralStarted ?? null,
      referralStartedDate: input.referralStartedDate ?? null,
    });
    return this.get(id);
  }

  async update(id: string, input: UpdateOutreachContactDto): Promise<OutreachContact> {
    await this.entity(id);
    await this.checkRules(input);
    const { version, ...fields } = input;
    const affected = await updateContact(this.db.manager(), id, version, {
      ...fields,
      contactAt: new Date(fields.contactAt),
      referredProgrammeId: fields.referredProgrammeId ?? null,
      referralStarted: fields.referralStarted ?? null,
      referralStartedDate: fields.referralStartedDate ?? null,
    });
    if (affected === 0) throw ApiException.versionConflict('Contact');
    return this.get(id);
  }

  /** Moves every contact with the alias to the citizen, in one statement; the alias is then gone. */
  async linkAlias(alias: string, citizenId: string): Promise<{ citizenId: string; moved: number }> {
    await this.citizenOrRefuse(citizenId);
    const aliasHash = this.crypto.blindIndex('alias', normaliseAlias(alias));
    const moved = await moveAliasToCitizen(this.db.manager(), aliasHash, citizenId);
    if (!moved) throw ApiException.validation({ alias: 'no contacts are registered under this alias' });
    this.db.context().criterion = JSON.stringify({ aliasHash });
    return { citizenId, moved };
  }

  private async entity(id: string): Promise<OutreachContactEntity> {
    return contactOr404(this.db.manager(), id);
  }

  private async citizenOrRefuse(id: string): Promise<void> {
    await this.citizens.entity(id).catch(() => {
      throw new ReferenceRefused('citizenId', 'citizenId must name a citizen of your municipality');
    });
  }

  private async checkRules(input: Pick<CreateOutreachContactDto, 'contactAt' | 'contactType' | 'referredProgrammeId' | 'referralStarted' | 'referralStartedDate'>): Promise<void> {
    if (new Date(input.contactAt).getTime() > Date.now() + 60_000) throw ApiException.validation({ contactAt: 'contactAt must not be in the future' });
    if (input.contactType === 'referral' && !input.referredProgrammeId) {
      throw ApiException.validation({ referredProgrammeId: 'a referral must name the offer referred to (referredProgrammeId)' });
    }
    if (input.referredProgrammeId) {
      const programme = await programmeById(this.db.manager(), input.referredProgrammeId);
      // Not visible: another municipality's local programme (row-level security), or none at all.
      if (!programme) throw new ReferenceRefused('referredProgrammeId', 'referredProgrammeId must name a national programme or one of your municipality');
    }
    if (input.referralStartedDate) {
      if (input.referralStarted !== true) throw ApiException.validation({ referralStartedDate: 'referralStartedDate needs referralStarted = true' });
      if (input.referralStartedDate < input.contactAt.slice(0, 10)) throw ApiException.validation({ referralStartedDate: 'referralStartedDate must not be before the contact' });
    }
  }

  private toContact(row: OutreachContactEntity): OutreachContact {
    return {
      id: row.id,
      version: row.version,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      municipalityId: row.municipalityId,
      contactAt: row.contactAt.toISOString(),
      staffUserId: row.staffUserId,
      placeType: row.placeType as PlaceType,
      durationMinutes: row.durationMinutes,
      contactType: row.contactType as ContactType,
      citizenId: row.citizenId,
      alias: this.crypto.decryptNullable('outreach_alias', row.aliasEncrypted),
      referredProgrammeId: row.referredProgrammeId,
      referralStarted: row.referralStarted,
      referralStartedDate: row.referralStartedDate,
    };
  }
}
