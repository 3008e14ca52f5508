import { Injectable } from '@nestjs/common';
import type { KeptOutcomeReport, OutcomeReport, ReportBudget } from '@outcomes/contracts';
import { evaluatorPeriodErrors } from '@outcomes/domain';
import { ApiException } from '../common/errors/api.exception';
import { Db } from '../tenancy/db.service';
import { ReadTransaction } from '../tenancy/read-transaction.service';
import { asMunicipality } from '../tenancy/tenant-settings';
import type { KeptQueryDto, OutcomeQueryDto } from './dto/outcome-query.dto';
import { OutcomeCounting } from './outcome-counting.service';
import { keptReports } from './outcomes.queries';
import { ReportBudgetService } from './report-budget.service';

/**
 * The outcome report of one programme in one municipality over a referral period: read here, counted
 * by libs/domain's outcomeReport; for evaluators through the cell key method, over whole months, and
 * against their daily budget of distinct queries.
 */
@Injectable()
export class OutcomesService {
  constructor(
    private readonly db: Db,
    private readonly reads: ReadTransaction,
    private readonly budgets: ReportBudgetService,
    private readonly counting: OutcomeCounting,
  ) {}

  /** An evaluator's budget today; other roles have none. */
  async budget(): Promise<ReportBudget> {
    if (this.db.user().role !== 'evaluator') throw new ApiException(404, 'NOT_FOUND', 'Only evaluators have a budget of report queries');
    return this.budgets.current();
  }

  async report(query: OutcomeQueryDto): Promise<OutcomeReport> {
    if (query.to < query.from) throw ApiException.validation({ to: 'to must not be before from' });
    const user = this.db.user();
    // Staff and admins see their own municipality's exact figures; evaluators, perturbed ones.
    const controlled = user.role === 'evaluator';
    if (controlled) {
      const errors = evaluatorPeriodErrors(query.from, query.to);
      if (errors) throw ApiException.validation(errors);
    }
    const municipalityId = query.municipalityId ?? this.db.municipalityId();
    const { programme, municipality } = await this.counting.subject(query.programmeId, municipalityId);
    // Spent only once the query is known to be a valid one; a refusal (429) writes nothing.
    const budget = controlled ? await this.budgets.spend({ programmeId: programme.id, municipalityId, from: query.from, to: query.to }) : null;
    const published = await this.counting.published(this.db.manager(), programme.code);

    // The counting reads everything of the programme in the period: on the read replica, when there is one.
    return this.reads.run(user, (read) =>
      read.as(municipalityId, () => this.counting.count(read.manager, { programme, municipality, from: query.from, to: query.to, published, controlled, budget })),
    );
  }

  /**
   * The kept figures of a programme in a municipality (decision 166), oldest year first: the
   * disclosure-controlled report for staff and evaluators alike (decision 182), and only of a
   * municipality that is theirs or granted to them (403 otherwise, as the report). No budget is spent: a snapshot answers
   * one fixed question per year, which asking again cannot vary (decision 167).
   */
  async kept(query: KeptQueryDto): Promise<KeptOutcomeReport[]> {
    const user = this.db.user();
    const m = this.db.manager();
    const municipalityId = query.municipalityId ?? this.db.municipalityId();
    const { programme } = await this.counting.subject(query.programmeId, municipalityId);
    const rows = await asMunicipality(m, user, municipalityId, () => keptReports(m, municipalityId, programme.id));
    return rows.map((r) => ({
      programmeId: r.programmeId, municipalityId: r.municipalityId, year: r.year, keptAt: new Date(r.keptAt).toISOString(), retentionRunId: r.retentionRunId, report: r.report,
    }));
  }
}
