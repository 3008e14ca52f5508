import { Injectable } from '@nestjs/common';
import { MAX_PAGE_SIZE } from '@outcomes/contracts';
import type { CitizenMerge, CitizenMergePreview, MergeCounts } from '@outcomes/contracts';
import { danishToday, parseCpr } from '@outcomes/domain';
import { hasAnonymousCourse } from '../citizens/citizens.queries';
import type { CitizenEntity } from '../citizens/citizen.entity';
import { CITIZEN_DATA_TABLE_NAMES, CITIZEN_DATA_TABLES } from '../database/citizen-data-tables';
import type { CitizenDataTable } from '../database/citizen-data-tables';
import { IdentifierCrypto } from '../common/crypto/identifier-crypto';
import { ApiException, ReferenceRefused } from '../common/errors/api.exception';
import { Db } from '../tenancy/db.service';
import { searchCriterion } from '../audit/search-criterion';
import type { CitizenMergeEntity } from './citizen-merge.entity';
import { citizenTableLinks, insertMerge, liveCitizenByCprHash, lockCitizen, lockMerge, markUndone, mergeById, mergeUndoDays, mergesOf, moveRows, noteVersionsAddedOnMoved, openRequestId, repointAppendOnly, rowCount, rowIds, rowsAddedOnMoved, setMergedInto, sharedConsentPurposes, sharedOpenProgrammes } from './citizen-merges.queries';
import type { MergeRow } from './citizen-merges.queries';
import type { CreateCitizenMergeDto, UndoCitizenMergeDto } from './dto/citizen-merge.dto';

/**
 * How a merge treats each table holding a citizen's data. A `Record` over the list, so a table added
 * to database/citizen-data-tables.ts is a compile error here until someone decides:
 * - `moves`: the row names the citizen and the API's role may update it: its citizen_id changes;
 * - `append-only`: the same, through the database's narrow function (note versions, plan revisions
 *   and written decisions are never updated otherwise, and only citizen_id changes);
 * - `with-parent`: reaches the citizen through a parent row that moves, so it moves with it untouched;
 * - `stays`: the citizen record itself (kept as the tombstone) and the merges' own history.
 */
const HANDLING: Record<CitizenDataTable, 'moves' | 'append-only' | 'with-parent' | 'stays'> = {
  citizen: 'stays',
  case_request: 'moves',
  case_decision: 'append-only',
  enrolment: 'moves',
  enrolment_transition: 'with-parent',
  follow_up_attempt: 'with-parent',
  group_member: 'with-parent',
  group_attendance: 'with-parent',
  treatment_session: 'moves',
  treatment_plan_revision: 'append-only',
  note_version: 'append-only',
  assessment: 'moves',
  assessment_revision: 'with-parent',
  outreach_contact: 'moves',
  youth_consent: 'moves',
  citizen_consent: 'append-only',
  citizen_merge: 'stays',
  referral: 'moves',
  legal_hold: 'moves',
  // An opening of the alias's record by another municipality is a record of that look-up: it stays with what was opened.
  emergency_access: 'stays',
  // The old municipality's hand-over is its record of the citizen's move, as a referral is: it moves with the citizen.
  handover: 'moves',
};

const MOVED_TABLES = CITIZEN_DATA_TABLE_NAMES.filter((t) => HANDLING[t] !== 'stays');
/** The tables whose rows name the citizen themselves: the ones whose citizen_id a merge changes. */
const DIRECT_TABLES = CITIZEN_DATA_TABLE_NAMES.filter((t) => HANDLING[t] === 'moves' || HANDLING[t] === 'append-only');
/** A citizen's merges answered at once: a handful in practice, capped like every array. */
const MERGES_LIMIT = MAX_PAGE_SIZE;
const DAY_MS = 24 * 60 * 60 * 1000;

const conflict = (message: string, errors: Record<string, string>): ApiException => new ApiException(409, 'MERGE_CONFLICT', message, errors);

/**
 * Merging a citizen registered without a CPR number (an alias, a no-CPR record) into the record with
 * the person's CPR number, and undoing it within the municipality's period (docs/domain.md, "Merging
 * duplicate records"). Every row of every table of the citizen moves, the ids kept on the merge record;
 * the undo moves exactly those back. Both are logged as updates naming both citizens.
 */
@Injectable()
export class CitizenMergesService {
  constructor(
    private readonly db: Db,
    private readonly crypto: IdentifierCrypto,
  ) {}

  /** The record the CPR number finds, and how many rows of each table a merge into it would move; refused as the merge would be. */
  async preview(sourceId: string, targetCpr: string): Promise<CitizenMergePreview> {
    const m = this.db.manager();
    const source = await lockCitizen(m, sourceId);
    if (!source) throw new ReferenceRefused('sourceId', 'sourceId must name a citizen of your municipality');
    const cpr = parseCpr(targetCpr, danishToday());
    if (!cpr.valid) throw ApiException.validation({ targetCpr: cpr.rule });
    const target = await liveCitizenByCprHash(m, this.crypto.blindIndex('cpr', cpr.info.digits));
    if (!target) throw new ApiException(404, 'NOT_FOUND', 'No citizen with this CPR number in your municipality');
    await this.refuse(source, target);
    const counts: MergeCounts = {};
    for (const table of MOVED_TABLES) counts[table] = await rowCount(m, table, source.id);
    this.log('read', null, target.id, source.id, null);
    return {
      source: { id: source.id, version: source.version },
      target: {
        id: target.id,
        version: target.version,
        firstName: this.crypto.decrypt('first_name', target.firstNameEncrypted),
        lastName: this.crypto.decrypt('last_name', target.lastNameEncrypted),
        cprMasked: `${cpr.info.digits.slice(0, 6)}-xxxx`,
        birthYear: target.birthYear,
      },
      counts,
    };
  }

  async merge(input: CreateCitizenMergeDto): Promise<CitizenMerge> {
    if (input.sourceId === input.targetId) throw ApiException.validation({ targetId: 'targetId must name another citizen than sourceId' });
    const m = this.db.manager();
    // Both locked, in one order, so two merges touching the same records wait for each other.
    const locked = new Map<string, CitizenEntity | null>();
    for (const id of [input.sourceId, input.targetId].sort()) locked.set(id, await lockCitizen(m, id));
    const source = locked.get(input.sourceId);
    const target = locked.get(input.targetId);
    if (!source) throw new ReferenceRefused('sourceId', 'sourceId must name a citizen of your municipality');
    if (!target) throw new ReferenceRefused('targetId', 'targetId must name a citizen of your municipality');
    if (source.version !== input.sourceVersion || target.version !== input.targetVersion) throw ApiException.versionConflict('Citizen');
    await this.refuse(source, target);

    const moved: Record<string, string[]> = {};
    // The ids of the rows that name the citizen themselves; their children (transitions, attendance, ...) move with them.
    for (const table of DIRECT_TABLES) moved[table] = await rowIds(m, table, source.id);
    const user = this.db.user();
    const now = new Date();
    const days = await mergeUndoDays(m, this.db.municipalityId());
    const id = await insertMerge(m, {
      municipalityId: this.db.municipalityId(),
      sourceCitizenId: source.id,
      targetCitizenId: target.id,
      mergedByUserId: user.id,
      mergedAt: now,
      reasonEncrypted: this.crypto.encrypt('merge_reason', input.reason),
      moved,
      undoUntil: new Date(now.getTime() + days * DAY_MS),
    });
    await this.moveAll(id, moved, source.id, target.id, false);
    if ((await setMergedInto(m, source.id, source.version, target.id)) === 0) throw ApiException.versionConflict('Citizen');
    const counts = countsOf(moved);
    this.log('update', id, target.id, source.id, { before: { mergedIntoId: null }, after: { mergedIntoId: target.id, moved: counts } });
    return this.get(id);
  }

  async undo(id: string, input: UndoCitizenMergeDto): Promise<CitizenMerge> {
    const m = this.db.manager();
    const merge = await lockMerge(m, id);
    if (!merge) throw ApiException.notFound('Merge');
    if (merge.undoneAt) throw new ApiException(409, 'MERGE_UNDO_CLOSED', 'This merge was undone already', { id: 'the merge was undone already' });
    if (Date.now() > merge.undoUntil.getTime()) {
      throw new ApiException(409, 'MERGE_UNDO_CLOSED', `The period to undo this merge ended at ${merge.undoUntil.toISOString()} (the municipality's mergeUndoDays)`, {
        id: 'the period to undo the merge has ended',
      });
    }
    if (merge.version !== input.version) throw ApiException.versionConflict('Merge');
    // Both locked in the merge's one order (by id), so an undo and a merge of the same two records wait, not deadlock.
    const locked = new Map<string, CitizenEntity | null>();
    for (const citizenId of [merge.sourceCitizenId, merge.targetCitizenId].sort()) locked.set(citizenId, await lockCitizen(m, citizenId));
    const source = locked.get(merge.sourceCitizenId);
    if (!source || source.mergedIntoId !== merge.targetCitizenId) throw conflict('The merged-away record is no longer merged into this one', { id: 'the source record is not merged into the target' });
    await this.refuseSplit(merge);

    const user = this.db.user();
    const affected = await markUndone(m, id, input.version, { undoneAt: new Date(), undoneByUserId: user.id, undoReasonEncrypted: this.crypto.encrypt('merge_reason', input.reason) });
    if (affected === 0) throw ApiException.versionConflict('Merge');
    // The record is live again before its rows come back: the database refuses a row on a merged-away record.
    if ((await setMergedInto(m, source.id, source.version, null)) === 0) throw ApiException.versionConflict('Citizen');
    await this.moveAll(id, merge.moved, merge.targetCitizenId, merge.sourceCitizenId, true);
    this.log('update', id, merge.targetCitizenId, merge.sourceCitizenId, { before: { mergedIntoId: merge.targetCitizenId }, after: { mergedIntoId: null, movedBack: countsOf(merge.moved) } });
    return this.get(id);
  }

  /** The merges into the citizen or of it, newest first; logged as a list naming every citizen in them. */
  async list(citizenId: string): Promise<CitizenMerge[]> {
    const rows = await mergesOf(this.db.manager(), citizenId, MERGES_LIMIT);
    const people = new Set<string>([citizenId]);
    for (const r of rows) [r.merge.sourceCitizenId, r.merge.targetCitizenId].forEach((c) => people.add(c));
    this.push({ action: 'search', recordId: null, citizenId, citizenIds: [...people].filter((c) => c !== citizenId), criterion: searchCriterion({ citizenId }, (value) => this.crypto.blindIndex('audit-search', value)), change: null });
    return rows.map((r) => this.toMerge(r));
  }

  private async get(id: string): Promise<CitizenMerge> {
    const row = await mergeById(this.db.manager(), id);
    if (!row) throw ApiException.notFound('Merge');
    return this.toMerge(row);
  }

  /** The rules a merge must keep; each a 409 naming the field and the rule, before anything is written. */
  private async refuse(source: CitizenEntity, target: CitizenEntity): Promise<void> {
    const m = this.db.manager();
    if (source.mergedIntoId) throw conflict('This record is already merged into another', { sourceId: 'the record is already merged into another' });
    if (target.mergedIntoId) throw conflict('The record to merge into is itself merged into another', { targetId: 'the record is merged into another' });
    if (source.cprHash !== null) {
      throw conflict('Both records have a CPR number: two CPR numbers are two people, and records are merged only from one without a CPR number', {
        sourceId: 'the record has a CPR number; only a record without one (an alias) is merged into another',
      });
    }
    if (target.cprHash === null) throw conflict('The record to merge into has no CPR number', { targetId: 'the record to merge into must have a CPR number' });
    if (await hasAnonymousCourse(m, source.id)) {
      throw new ApiException(409, 'ANONYMOUS_TREATMENT', 'The record has a course of anonymous treatment (serviceloven § 101 a), given without a CPR number; it is not merged into a record with one', {
        sourceId: 'a record with anonymous treatment (serviceloven § 101 a) is not joined to a CPR number',
      });
    }
    if ((await openRequestId(m, source.id)) && (await openRequestId(m, target.id))) {
      throw conflict('Both records have an open request; a citizen has one open request: close one of them first', { sourceId: 'both records have an open request (close one first)' });
    }
    // A consent history is numbered per citizen and purpose, its latest entry the current state: two
    // histories of one purpose cannot be joined without deciding which state holds. The caseworker
    // records the current state on the CPR record; purposes only one record has move with it.
    const purposes = await sharedConsentPurposes(m, source.id, target.id);
    if (purposes.length > 0) {
      throw conflict(`Both records have consent entries for the same purpose (${purposes.join(', ')}); record the current state on the record with the CPR number, then merge`, {
        sourceId: `both records have consent entries for: ${purposes.join(', ')}`,
      });
    }
    if ((await sharedOpenProgrammes(m, source.id, target.id)).length > 0) {
      throw conflict('Both records have an open course in the same programme; a citizen has one open course per programme: end one of them first', {
        sourceId: 'both records have an open course in the same programme (end one first)',
      });
    }
  }

  /**
   * An undo moves back exactly the rows that moved. A row added to the target since, that belongs to
   * a moved row (a session on a moved course, a decision on a moved request, a note version of a moved
   * session), or a moved row now tied to one of the target's own, would be split from what it belongs
   * to: refused, naming the table, rather than guessing where it goes.
   */
  private async refuseSplit(merge: CitizenMergeEntity): Promise<void> {
    const m = this.db.manager();
    const ids = (t: string): string[] => merge.moved[t] ?? [];
    const links = await citizenTableLinks(m, DIRECT_TABLES);
    for (const link of links) {
      const child = link.child as CitizenDataTable;
      const column = (CITIZEN_DATA_TABLES[child] as { citizen?: string }).citizen;
      if (!column || ids(link.parent).length === 0) continue;
      const added = await rowsAddedOnMoved(m, link, column, merge.targetCitizenId, ids(link.parent), ids(child));
      if (added > 0) {
        throw conflict(`Since the merge, ${added} row(s) of ${child} were added to a moved ${link.parent}; an undo would split them from it`, {
          id: `${child}: ${added} row(s) added since the merge belong to a moved ${link.parent}`,
        });
      }
    }
    const movedRecords = DIRECT_TABLES.flatMap((t) => ids(t));
    const notes = movedRecords.length === 0 ? 0 : await noteVersionsAddedOnMoved(m, merge.targetCitizenId, movedRecords, ids('note_version'));
    if (notes > 0) {
      throw conflict(`Since the merge, ${notes} note version(s) were written on moved records; an undo would split them from them`, { id: `note_version: ${notes} version(s) added since the merge` });
    }
  }

  /** Moves the listed rows of every table from one citizen to the other; the counts must agree with the list, or nothing is kept. */
  private async moveAll(mergeId: string, moved: Record<string, string[]>, from: string, to: string, undo: boolean): Promise<void> {
    const m = this.db.manager();
    for (const table of DIRECT_TABLES) {
      const ids = moved[table] ?? [];
      if (ids.length === 0) continue;
      const n = HANDLING[table] === 'append-only' ? await repointAppendOnly(m, mergeId, table, undo) : await moveRows(m, table, ids, from, to);
      if (n !== ids.length) throw conflict(`${ids.length - n} row(s) of ${table} are no longer where the merge left them; nothing was changed`, { id: `${table}: rows changed since the merge` });
    }
  }

  private log(action: 'read' | 'update', recordId: string | null, targetId: string, sourceId: string, change: { before: unknown; after: unknown } | null): void {
    this.push({ action, recordId, citizenId: targetId, citizenIds: [sourceId], criterion: null, change });
  }

  /** The request's one access-log row, naming both citizens (in the request's transaction). */
  private push(row: { action: 'read' | 'update' | 'search'; recordId: string | null; citizenId: string; citizenIds: string[]; criterion: string | null; change: { before: unknown; after: unknown } | null }): void {
    const ctx = this.db.context();
    ctx.selfLogged = true;
    ctx.accesses.push({ resource: 'citizen-merges', outcome: 'ok', ...row });
  }

  private toMerge(row: MergeRow): CitizenMerge {
    const g = row.merge;
    return {
      id: g.id,
      version: g.version,
      sourceCitizenId: g.sourceCitizenId,
      targetCitizenId: g.targetCitizenId,
      sourceName: `${this.crypto.decrypt('first_name', row.sourceFirst)} ${this.crypto.decrypt('last_name', row.sourceLast)}`,
      mergedAt: g.mergedAt.toISOString(),
      mergedBy: row.mergedBy,
      reason: this.crypto.decrypt('merge_reason', g.reasonEncrypted),
      counts: countsOf(g.moved),
      undoUntil: g.undoUntil.toISOString(),
      undoable: g.undoneAt === null && Date.now() <= g.undoUntil.getTime(),
      undoneAt: g.undoneAt?.toISOString() ?? null,
      undoneBy: row.undoneBy,
      undoReason: g.undoReasonEncrypted ? this.crypto.decrypt('merge_reason', g.undoReasonEncrypted) : null,
    };
  }
}

function countsOf(moved: Record<string, string[]>): MergeCounts {
  return Object.fromEntries(DIRECT_TABLES.map((t) => [t, moved[t]?.length ?? 0]));
}
