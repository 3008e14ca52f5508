import { Injectable } from '@nestjs/common';
import { MAX_PAGE_SIZE } from '@outcomes/contracts';
import type { CitizenConsents, ConsentEntry, ConsentPurpose, ConsentPurposeState } from '@outcomes/contracts';
import { consentEventProblem, currentConsentState, danishToday, minorsOnlyApplies } from '@outcomes/domain';
import { CitizensService } from '../citizens/citizens.service';
import { ApiException } from '../common/errors/api.exception';
import { Db } from '../tenancy/db.service';
import type { CreateConsentEntryDto } from './dto/consent.dto';
import type { ConsentRow } from './consents.queries';
import { consentHistory, consentHistoryTotal, consentNotAskedRule, consentPurposes, insertConsentEntry, latestConsentEntries, latestConsentEntry } from './consents.queries';

/**
 * Consent by purpose (issue 22; docs/domain.md, "Consent by purpose"): each citizen's append-only
 * history per purpose, its current state (the latest entry), and the rules for a new entry. What each
 * purpose governs is enforced where it is used: the evaluation purpose in the exports' SQL
 * (`exports/export-datasets.ts`), the sharing purposes wherever sharing is built (none yet: decision 91).
 */
@Injectable()
export class ConsentsService {
  constructor(
    private readonly db: Db,
    private readonly citizens: CitizensService,
  ) {}

  async consents(citizenId: string): Promise<CitizenConsents> {
    const citizen = await this.citizens.entity(citizenId);
    const m = this.db.manager();
    const purposes = await consentPurposes(m);
    const latestRows = (await latestConsentEntries(m, citizen.id)).map(toEntry);
    const history = (await consentHistory(m, citizen.id, MAX_PAGE_SIZE)).map(toEntry);
    const historyTotal = await consentHistoryTotal(m, citizen.id);
    const notAskedRule = await consentNotAskedRule(m, citizen.municipalityId);
    const birthDate = await this.citizens.birthDate(citizen);
    const today = danishToday();
    const states: ConsentPurposeState[] = purposes.map((p) => {
      const latest = latestRows.find((h) => h.purpose === p.code) ?? null;
      return {
        purpose: p.code as ConsentPurpose,
        labelDa: p.labelDa,
        labelEn: p.labelEn,
        minorsOnly: p.minorsOnly,
        applies: !p.minorsOnly || minorsOnlyApplies(birthDate, today),
        state: currentConsentState(latest),
        latest,
      };
    });
    return { citizenId: citizen.id, notAskedRule, purposes: states, history, historyTotal };
  }

  /** Appends one entry (given, refused or withdrawn) and answers the citizen's consents as they now are. */
  async record(citizenId: string, input: CreateConsentEntryDto): Promise<CitizenConsents> {
    const citizen = await this.citizens.entity(citizenId);
    const m = this.db.manager();
    const purposes = await consentPurposes(m);
    const purpose = purposes.find((p) => p.code === input.purpose);
    if (!purpose) throw ApiException.validation({ purpose: `purpose must be one of ${purposes.map((p) => p.code).join(', ')}` });
    const today = danishToday();
    if (input.onDate > today) throw ApiException.validation({ onDate: `onDate must not be after today (${today})` });
    const birthDate = await this.citizens.birthDate(citizen);
    if (birthDate !== null && input.onDate < birthDate) throw ApiException.validation({ onDate: `onDate must not be before the citizen's birth (${birthDate})` });
    if (purpose.minorsOnly && !minorsOnlyApplies(birthDate, input.onDate)) {
      throw ApiException.validation({
        purpose:
          birthDate === null
            ? `purpose ${purpose.code} is only for a citizen under 18, and this citizen's birth date is unknown (no CPR number)`
            : `purpose ${purpose.code} is only for a citizen under 18 on onDate (${input.onDate})`,
      });
    }
    const latest = await latestConsentEntry(m, citizen.id, purpose.code);
    if (input.basedOnEntry !== latest.entry) {
      throw new ApiException(409, 'VERSION_CONFLICT', `The ${purpose.code} consent has changed since it was read (its latest entry is ${latest.entry}); read it again`, { basedOnEntry: `must be ${latest.entry}, the latest entry` });
    }
    const problem = consentEventProblem(currentConsentState(latest.event ? { event: latest.event } : null), input.event);
    if (problem) throw new ApiException(409, 'CONSENT_STATE', `The ${purpose.code} consent: ${problem}`, { event: problem });
    if (latest.onDate !== null && input.onDate < latest.onDate) {
      throw ApiException.validation({ onDate: `onDate must not be before the latest entry's date (${latest.onDate})` });
    }
    await insertConsentEntry(m, {
      municipalityId: citizen.municipalityId,
      citizenId: citizen.id,
      purpose: purpose.code,
      entry: latest.entry + 1,
      event: input.event,
      onDate: input.onDate,
      recordedByUserId: this.db.user().id,
    });
    return this.consents(citizen.id);
  }
}

function toEntry(r: ConsentRow): ConsentEntry {
  return {
    id: r.id,
    citizenId: r.citizen_id,
    purpose: r.purpose as ConsentPurpose,
    entry: r.entry,
    event: r.event,
    onDate: r.on_date,
    recordedByUserId: r.recorded_by_user_id,
    recordedByName: r.recorded_by_name,
    recordedAt: new Date(r.recorded_at).toISOString(),
  };
}
