import { Inject, Injectable } from '@nestjs/common';
import { ANONYMOUS_COURSE_KIND } from '@outcomes/contracts';
import type { KeptOutcomeReport, OutcomeReport, PublishedPopulation, PublishedResult, ReportBudget } from '@outcomes/contracts';
import { danishToday, evaluatorPeriodErrors, outcomeReport, perturbationTable } from '@outcomes/domain';
import type { PerturbationTable, ReportAssessment, ReportEnrolment } from '@outcomes/domain';
import type { EntityManager } from 'typeorm';
import { ApiException } from '../common/errors/api.exception';
import { APP_CONFIG } from '../config/config';
import type { AppConfig } from '../config/config';
import { municipalityById } from '../municipalities/municipalities.queries';
import type { MunicipalityEntity } from '../municipalities/municipality.entity';
import type { ProgrammeEntity } from '../programmes/programme.entity';
import { programmeById } from '../programmes/programmes.queries';
import { Db } from '../tenancy/db.service';
import { ReadTransaction } from '../tenancy/read-transaction.service';
import { asMunicipality } from '../tenancy/tenant-settings';
import type { KeptQueryDto, OutcomeQueryDto } from './dto/outcome-query.dto';
import { keptReports, keptYearsIn, publishedResultsOf, reportAssessments, reportEnrolments } from './outcomes.queries';
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
    const { programme, municipality } = await this.subject(query.programmeId, municipalityId);
    // Spent only once the query is known to be a valid one; a refusal (429) writes nothing.
    const budget = controlled ? await this.budgets.spend({ programmeId: programme.id, municipalityId, from: query.from, to: query.to }) : null;
    const published = await this.published(this.db.manager(), programme.code);

    // The counting reads everything of the programme in the period: on the read replica, when there is one.
    return this.reads.run(user, (read) =>
      read.as(municipalityId, () => this.count(read.manager, { programme, municipality, from: query.from, to: query.to, published, controlled, budget })),
    );
  }

  /**
   * The report of a programme and period, read and counted with `m`, a transaction already in the
   * municipality (row-level security decides what it reads): the request's read transaction, or the
   * retention run's own transaction before it erases (decision 166), so the kept figures are exactly
   * what the rows said. `controlled`: through the cell key method, as an evaluator sees it.
   */
  async count(
    m: EntityManager,
    input: { programme: ProgrammeEntity; municipality: MunicipalityEntity; from: string; to: string; published: PublishedResult[]; controlled: boolean; budget: ReportBudget | null },
  ): Promise<OutcomeReport> {
    const { programme, municipality } = input;
    const enrolments = await reportEnrolments(m, programme.id, input.from, input.to);
    const ids = enrolments.map((r) => r.id);
    const assessments = ids.length === 0 ? [] : await reportAssessments(m, ids);
    const keptYears = await keptYearsIn(m, municipality.id, programme.id, input.from, input.to);
    return outcomeReport({
      programmeId: programme.id,
      municipalityId: municipality.id,
      from: input.from,
      to: input.to,
      enrolments: enrolments.map((r): ReportEnrolment => ({
        id: r.id, state: r.state, startDate: r.start_date, endDate: r.end_date, attended: Number(r.attended), minutes: Number(r.minutes), recordKey: Number(r.record_key), anonymous: r.course_kind === ANONYMOUS_COURSE_KIND,
      })),
      // The row's score columns are the domains themselves: the row is its own `scores` (no object made per row).
      assessments: assessments.map((a): ReportAssessment => ({ enrolmentId: a.enrolment_id, timepoint: a.timepoint, drugFree: a.drug_free, scores: a })),
      protocol: { expectedSessions: programme.expectedSessions, courseWeeks: programme.courseWeeks, followUpMonths: programme.followUpMonths, followUpWindowDays: programme.followUpWindowDays },
      published: input.published,
      hourlyRate: municipality.hourlyRate,
      today: danishToday(),
      disclosure: input.controlled ? this.table : null,
      budget: input.budget,
      keptYears,
    });
  }

  /** The programme and municipality a report is about; 400 naming the field when either is unknown. */
  async subject(programmeId: string, municipalityId: string, m: EntityManager = this.db.manager()): Promise<{ programme: ProgrammeEntity; municipality: MunicipalityEntity }> {
    const programme = await programmeById(m, programmeId);
    if (!programme) throw ApiException.validation({ programmeId: 'programmeId must name a programme' });
    const municipality = await municipalityById(m, municipalityId);
    if (!municipality) throw ApiException.validation({ municipalityId: 'municipalityId must name a municipality' });
    return { programme, municipality };
  }

  /** The published results a programme's report is compared with. */
  async published(m: EntityManager, programmeCode: string): Promise<PublishedResult[]> {
    return (await publishedResultsOf(m, programmeCode)).map(
      (r): PublishedResult => ({
        programmeCode: r.programmeCode, measure: 'drug-free', population: r.population as PublishedPopulation,
        publishedMonths: r.publishedMonths, publishedFrom: r.publishedFrom as PublishedResult['publishedFrom'], proportion: r.proportion, source: r.source,
      }),
    );
  }

  /**
   * The kept figures of a programme in a municipality (decision 166), oldest year first: staff get
   * the exact report, evaluators the disclosure-controlled one, and only of a municipality that is
   * theirs or granted to them (403 otherwise, as the report). No budget is spent: a snapshot answers
   * one fixed question per year, which asking again cannot vary (decision 167).
   */
  async kept(query: KeptQueryDto): Promise<KeptOutcomeReport[]> {
    const user = this.db.user();
    const m = this.db.manager();
    const municipalityId = query.municipalityId ?? this.db.municipalityId();
    const { programme } = await this.subject(query.programmeId, municipalityId);
    const version = user.role === 'evaluator' ? 'controlled' : 'exact';
    const rows = await asMunicipality(m, user, municipalityId, () => keptReports(m, municipalityId, programme.id, version));
    return rows.map((r) => ({
      programmeId: r.programmeId, municipalityId: r.municipalityId, year: r.year, keptAt: new Date(r.keptAt).toISOString(), retentionRunId: r.retentionRunId, courses: r.courses, report: r.report,
    }));
  }
}
