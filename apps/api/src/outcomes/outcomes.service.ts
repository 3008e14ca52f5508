import { Inject, Injectable } from '@nestjs/common';
import { ANONYMOUS_COURSE_KIND } from '@outcomes/contracts';
import type { OutcomeReport, PublishedPopulation, PublishedResult, ReportBudget } from '@outcomes/contracts';
import { danishToday, evaluatorPeriodErrors, outcomeReport, perturbationTable } from '@outcomes/domain';
import type { PerturbationTable, ReportAssessment, ReportEnrolment } from '@outcomes/domain';
import { ApiException } from '../common/errors/api.exception';
import { APP_CONFIG } from '../config/config';
import type { AppConfig } from '../config/config';
import { municipalityById } from '../municipalities/municipalities.queries';
import { programmeById } from '../programmes/programmes.queries';
import { Db } from '../tenancy/db.service';
import { ReadTransaction } from '../tenancy/read-transaction.service';
import type { OutcomeQueryDto } from './dto/outcome-query.dto';
import { publishedResultsOf, reportAssessments, reportEnrolments } from './outcomes.queries';
import { ReportBudgetService } from './report-budget.service';

/**
 * The outcome report of one programme in one municipality over a referral period: read here, counted
 * by libs/domain's outcomeReport; for evaluators through the cell key method, over whole months, and
 * against their daily budget of distinct queries.
 */
@Injectable()
export class OutcomesService {
  private readonly table: PerturbationTable;

  constructor(
    private readonly db: Db,
    private readonly reads: ReadTransaction,
    private readonly budgets: ReportBudgetService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.table = perturbationTable({ maxNoise: config.disclosure.maxNoise, variance: config.disclosure.variance, js: 2 });
  }

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
    const programme = await programmeById(this.db.manager(), query.programmeId);
    if (!programme) throw ApiException.validation({ programmeId: 'programmeId must name a programme' });
    const municipality = await municipalityById(this.db.manager(), municipalityId);
    if (!municipality) throw ApiException.validation({ municipalityId: 'municipalityId must name a municipality' });
    // Spent only once the query is known to be a valid one; a refusal (429) writes nothing.
    const budget = controlled ? await this.budgets.spend({ programmeId: programme.id, municipalityId, from: query.from, to: query.to }) : null;

    // The counting reads everything of the programme in the period: on the read replica, when there is one.
    const { enrolments, assessments } = await this.reads.run(user, (read) => read.as(municipalityId, async () => {
      const rows = await reportEnrolments(read.manager, programme.id, query.from, query.to);
      const ids = rows.map((r) => r.id);
      const assessed = ids.length === 0 ? [] : await reportAssessments(read.manager, ids);
      return { enrolments: rows, assessments: assessed };
    }));

    const published = (await publishedResultsOf(this.db.manager(), programme.code)).map(
      (r): PublishedResult => ({
        programmeCode: r.programmeCode, measure: 'drug-free', population: r.population as PublishedPopulation,
        publishedMonths: r.publishedMonths, publishedFrom: r.publishedFrom as PublishedResult['publishedFrom'], proportion: r.proportion, source: r.source,
      }),
    );

    return outcomeReport({
      programmeId: programme.id,
      municipalityId,
      from: query.from,
      to: query.to,
      enrolments: enrolments.map((r): ReportEnrolment => ({
        id: r.id, state: r.state, startDate: r.start_date, endDate: r.end_date, attended: Number(r.attended), minutes: Number(r.minutes), recordKey: Number(r.record_key), anonymous: r.course_kind === ANONYMOUS_COURSE_KIND,
      })),
      // The row's score columns are the domains themselves: the row is its own `scores` (no object made per row).
      assessments: assessments.map((a): ReportAssessment => ({ enrolmentId: a.enrolment_id, timepoint: a.timepoint, drugFree: a.drug_free, scores: a })),
      protocol: { expectedSessions: programme.expectedSessions, courseWeeks: programme.courseWeeks, followUpMonths: programme.followUpMonths, followUpWindowDays: programme.followUpWindowDays },
      published,
      hourlyRate: municipality.hourlyRate,
      today: danishToday(),
      disclosure: controlled ? this.table : null,
      budget,
    });
  }
}
