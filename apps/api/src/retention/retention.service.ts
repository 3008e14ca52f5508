import { Injectable } from '@nestjs/common';
import { MAX_PAGE_SIZE } from '@outcomes/contracts';
import type { KeptYear, LegalHold, OutcomeReport, RawListQuery, RetentionDueCitizen, RetentionOverview, RetentionRun } from '@outcomes/contracts';
import type { EntityManager } from 'typeorm';
import { ApiException } from '../common/errors/api.exception';
import type { ListPage } from '../common/list-query/list-page';
import { listPage } from '../common/list-query/list-page';
import type { ListSpec } from '../common/list-query/list-query';
import type { CitizenDataTable } from '../database/citizen-data-tables';
import type { PendingAccess } from '../audit/access-log-chain';
import { insertKeptReport, notYetKept } from '../outcomes/outcomes.queries';
import { OutcomeCounting } from '../outcomes/outcome-counting.service';
import { Db } from '../tenancy/db.service';
import type { EraseCitizenDto, LiftLegalHoldDto, PlaceLegalHoldDto } from './dto/retention.dto';
import type { LegalHoldEntity } from './legal-hold.entity';
import { RETENTION_TABLES } from './retention-tables';
import {
  citizenExists,
  courseYearsOf,
  dueCitizens,
  eraseCitizen,
  heldCount,
  holdInForce,
  insertLegalHold,
  insertRun,
  latestRuns,
  legalHoldList,
  legalHoldOrNull,
  liftLegalHold,
  lockRuns,
  retentionSettings,
  rowsOfCitizens,
} from './retention.queries';
import type { Erased, RunRow } from './retention.queries';

interface KeptFigures {
  programmeId: string;
  year: number;
  report: OutcomeReport;
}

/** How many of the latest runs the admin's page shows. */
const RUNS_SHOWN = 20;

const LIST_SPEC: ListSpec = {
  fields: {
    id: { type: 'uuid', column: 'id', filterable: true },
    citizenId: { type: 'uuid', column: 'citizen_id', filterable: true },
    createdAt: { type: 'datetime', column: 'created_at', sortable: true, filterable: true },
  },
  searchColumns: [],
  defaultSort: ['createdAt', 'DESC'],
};

const zeroRows = (): Record<CitizenDataTable, number> => Object.fromEntries(RETENTION_TABLES.map((t) => [t, 0])) as Record<CitizenDataTable, number>;

function toRun(r: RunRow): RetentionRun {
  return { id: r.id, startedAt: new Date(r.startedAt).toISOString(), trigger: r.trigger, userId: r.userId, citizens: r.citizens, erased: r.erased, courses: r.courses };
}

function toHold(r: LegalHoldEntity | NonNullable<Awaited<ReturnType<typeof legalHoldOrNull>>>): LegalHold {
  return {
    id: r.id,
    version: r.version,
    createdAt: new Date(r.createdAt).toISOString(),
    updatedAt: new Date(r.updatedAt).toISOString(),
    citizenId: r.citizenId,
    reason: r.reason,
    placedByUserId: r.placedByUserId,
    liftedAt: r.liftedAt ? new Date(r.liftedAt).toISOString() : null,
    liftedByUserId: r.liftedByUserId,
    liftReason: r.liftReason,
  };
}

/** Adds one citizen's erased rows to a run's totals, and their courses to its aggregate. */
function accumulate(totals: Record<CitizenDataTable, number>, courses: Erased['courses'], erased: Erased): void {
  for (const table of RETENTION_TABLES) totals[table] += erased.erased[table] ?? 0;
  for (const c of erased.courses) {
    const same = courses.find((x) => x.programmeId === c.programmeId && x.year === c.year && x.courseKind === c.courseKind && x.state === c.state);
    if (same) same.count += c.count;
    else courses.push({ ...c });
  }
}

/**
 * Retention (docs/domain.md "Retention", decisions 97-100): the dry run an admin reads, the run that
 * erases exactly what the dry run lists, one citizen's erasure on request, and legal holds. Every
 * erased citizen is written to the access log (a `delete` of resource `retention` naming the citizen
 * and the rows erased per table) in the transaction that erases them, so the hash chain and its
 * signed anchors cover the erasure; the run's row names counts only.
 */
@Injectable()
export class RetentionService {
  constructor(
    private readonly db: Db,
    private readonly outcomes: OutcomeCounting,
  ) {}

  /** The dry run: who the next run erases, with their rows per table, and the latest runs. */
  async overview(): Promise<RetentionOverview> {
    const m = this.db.manager();
    const municipalityId = this.db.municipalityId();
    const settings = await retentionSettings(m, municipalityId);
    const { due, rows } = await this.dryRun(m, municipalityId);
    const runs = await latestRuns(m, municipalityId, RUNS_SHOWN);
    return {
      municipalityId,
      healthYears: settings.healthYears,
      socialYears: settings.socialYears,
      due: due.slice(0, MAX_PAGE_SIZE),
      dueTotal: due.length,
      rows,
      held: await heldCount(m, municipalityId),
      keptYears: await this.yearsToKeep(m, municipalityId, due.map((d) => d.citizenId)),
      runs: runs.map(toRun),
    };
  }

  /** Every citizen due now in the municipality, and the rows their erasure removes per table. */
  async dryRun(m: EntityManager, municipalityId: string): Promise<{ due: RetentionDueCitizen[]; rows: Record<CitizenDataTable, number> }> {
    const dueRows = await dueCitizens(m, municipalityId);
    const perCitizen = await rowsOfCitizens(
      m,
      dueRows.map((d) => d.citizenId),
    );
    const rows = zeroRows();
    const due = dueRows.map((d): RetentionDueCitizen => {
      const counts = perCitizen.get(d.citizenId) ?? zeroRows();
      for (const table of RETENTION_TABLES) rows[table] += counts[table];
      return { citizenId: d.citizenId, lastEntryAt: new Date(d.lastEntryAt).toISOString(), health: d.health, dueAt: new Date(d.dueAt).toISOString(), rows: counts };
    });
    return { due, rows };
  }

  /**
   * Erases every citizen the dry run lists, in this transaction (as `user`: an admin, or the system
   * for the schedule), writes the run and one access-log row per erased citizen. Another replica's
   * run of the same municipality at the same moment: this one erases nothing (false).
   */
  async run(trigger: 'schedule' | 'admin', expectedCount?: number): Promise<RetentionRun | null> {
    const m = this.db.manager();
    const ctx = this.db.context();
    const accesses = ctx.accesses;
    ctx.selfLogged = true;
    const municipalityId = this.db.municipalityId();
    if (!(await lockRuns(m, municipalityId))) return null;
    const due = await dueCitizens(m, municipalityId);
    // The admin's run erases what the admin read: the dry run's total they confirmed (decision 118).
    if (expectedCount !== undefined && expectedCount !== due.length) {
      throw new ApiException(409, 'COUNT_CHANGED', `The dry run now lists ${due.length} citizens, not the ${expectedCount} you confirmed; nothing was erased. Read the dry run again and confirm its count`, {
        expectedCount: `the dry run now lists ${due.length}; read it again and confirm that count`,
      });
    }
    // The figures the outcomes need, counted before a row is erased (decision 166).
    const kept = await this.countYears(m, municipalityId, await this.yearsToKeep(m, municipalityId, due.map((d) => d.citizenId)));
    const totals = zeroRows();
    const courses: Erased['courses'] = [];
    const erasedCitizens: { citizenId: string; erased: Erased }[] = [];
    for (const d of due) {
      const erased = await eraseCitizen(m, d.citizenId);
      accumulate(totals, courses, erased);
      erasedCitizens.push({ citizenId: d.citizenId, erased });
    }
    const run = await insertRun(m, { municipalityId, trigger, userId: trigger === 'schedule' ? null : ctx.user.id, citizens: due.length, erased: totals, courses });
    await this.keep(m, municipalityId, run.id, kept);
    for (const e of erasedCitizens) accesses.push(this.erasureAccess(run.id, e.citizenId, e.erased));
    // The run itself, naming counts only, and the years whose figures it kept (decision 166): the
    // admin's "run now" and the schedule alike, so the chain anchors what was kept as well as erased.
    const keptYears = kept.map((k) => ({ programmeId: k.programmeId, year: k.year }));
    accesses.push({ action: 'create', resource: 'retention', recordId: run.id, outcome: 'ok', change: { before: null, after: { citizens: run.citizens, erased: run.erased, keptYears } } });
    return toRun(run);
  }

  /**
   * Erases one citizen now, if the rule says they are due: 409 LEGAL_HOLD under a hold (naming its
   * reason), 409 NOT_DUE otherwise, 404 if not the municipality's; nothing written on a refusal.
   */
  async erase(input: EraseCitizenDto): Promise<RetentionRun> {
    const m = this.db.manager();
    const municipalityId = this.db.municipalityId();
    if (!(await citizenExists(m, input.citizenId))) throw ApiException.notFound('Citizen');
    const hold = await holdInForce(m, input.citizenId);
    if (hold) {
      throw new ApiException(409, 'LEGAL_HOLD', `The citizen is under a legal hold (“${hold.reason}”): nothing of theirs is erased until it is lifted`, {
        citizenId: `is under a legal hold: ${hold.reason}`,
      });
    }
    const due = await dueCitizens(m, municipalityId);
    if (!due.some((d) => d.citizenId === input.citizenId)) {
      throw new ApiException(409, 'NOT_DUE', 'The citizen is not due for erasure: a course is open, or the last entry is inside the retention period', {
        citizenId: 'is not due for erasure (an open course, or the last entry inside the retention period)',
      });
    }
    const kept = await this.countYears(m, municipalityId, await this.yearsToKeep(m, municipalityId, [input.citizenId]));
    const erased = await eraseCitizen(m, input.citizenId);
    const totals = zeroRows();
    const courses: Erased['courses'] = [];
    accumulate(totals, courses, erased);
    const run = await insertRun(m, { municipalityId, trigger: 'erasure', userId: this.db.user().id, citizens: 1, erased: totals, courses });
    await this.keep(m, municipalityId, run.id, kept);
    const ctx = this.db.context();
    ctx.accesses.push(this.erasureAccess(run.id, input.citizenId, erased));
    ctx.selfLogged = true;
    return toRun(run);
  }

  /** The programmes' referral years among these citizens' courses that have no kept figures yet. */
  private async yearsToKeep(m: EntityManager, municipalityId: string, citizenIds: string[]): Promise<KeptYear[]> {
    return notYetKept(m, municipalityId, await courseYearsOf(m, citizenIds));
  }

  /**
   * Counts each year's outcome report as an evaluator would see it (decision 182), in this
   * transaction and before anything is erased: the figures are the rows as they are now. A year kept
   * once is never counted again (yearsToKeep), so its figures stay those of its first erasure.
   */
  private async countYears(m: EntityManager, municipalityId: string, years: KeptYear[]): Promise<KeptFigures[]> {
    const out: KeptFigures[] = [];
    for (const { programmeId, year } of years) {
      const { programme, municipality } = await this.outcomes.subject(programmeId, municipalityId, m);
      const published = await this.outcomes.published(m, programme.code);
      const period = { programme, municipality, from: `${year}-01-01`, to: `${year}-12-31`, published, budget: null };
      out.push({ programmeId, year, report: await this.outcomes.count(m, { ...period, controlled: true }) });
    }
    return out;
  }

  /** Writes the counted figures, naming the run that erased the first course of each year. */
  private async keep(m: EntityManager, municipalityId: string, retentionRunId: string, kept: KeptFigures[]): Promise<void> {
    for (const k of kept) await insertKeptReport(m, { municipalityId, retentionRunId, ...k });
  }

  private erasureAccess(runId: string, citizenId: string, erased: Erased): PendingAccess {
    const rows = Object.fromEntries(Object.entries(erased.erased).filter(([, n]) => n > 0));
    return { action: 'delete', resource: 'retention', recordId: runId, citizenId, outcome: 'ok', change: { before: { rows }, after: null } };
  }

  // Legal holds.

  listHolds(raw: RawListQuery): Promise<ListPage<LegalHold>> {
    return listPage(legalHoldList(this.db.manager()), raw, LIST_SPEC, (rows) => rows.map(toHold));
  }

  async getHold(id: string): Promise<LegalHold> {
    const row = await legalHoldOrNull(this.db.manager(), id);
    if (!row) throw ApiException.notFound('Legal hold');
    return toHold(row);
  }

  async placeHold(input: PlaceLegalHoldDto): Promise<LegalHold> {
    const m = this.db.manager();
    if (!(await citizenExists(m, input.citizenId))) throw ApiException.validation({ citizenId: 'citizenId must name a citizen of your municipality' });
    const existing = await holdInForce(m, input.citizenId);
    if (existing) throw new ApiException(409, 'DUPLICATE', 'The citizen is already under a legal hold; lift it before placing another', { citizenId: 'is already under a legal hold' });
    const id = await insertLegalHold(m, { municipalityId: this.db.municipalityId(), citizenId: input.citizenId, reason: input.reason, userId: this.db.user().id });
    return this.getHold(id);
  }

  async liftHold(id: string, input: LiftLegalHoldDto): Promise<LegalHold> {
    const m = this.db.manager();
    const before = await this.getHold(id);
    if (before.liftedAt) throw new ApiException(409, 'VERSION_CONFLICT', 'The legal hold is already lifted', { version: 'the hold is already lifted' });
    if (!(await liftLegalHold(m, id, input.version, this.db.user().id, input.liftReason))) throw ApiException.versionConflict('Legal hold');
    return this.getHold(id);
  }
}
