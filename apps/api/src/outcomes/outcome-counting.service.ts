import { Inject, Injectable } from '@nestjs/common';
import { ANONYMOUS_COURSE_KIND } from '@outcomes/contracts';
import type { OutcomeReport, PublishedPopulation, PublishedResult, ReportBudget } from '@outcomes/contracts';
import { danishToday, outcomeReport, perturbationTable } from '@outcomes/domain';
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
import { keptYearsIn, publishedResultsOf, reportAssessments, reportEnrolments } from './outcomes.queries';

/**
 * The counting of an outcome report, apart from how the request reaches it: given a transaction in
 * the municipality, it reads the rows and counts them with libs/domain's outcomeReport. The report
 * endpoint counts on its read transaction; the retention run counts on its own, before it erases, to
 * keep the figures (decision 166). No read replica, budget or request here: both callers bring theirs.
 */
@Injectable()
export class OutcomeCounting {
  private readonly table: PerturbationTable;

  constructor(
    private readonly db: Db,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.table = perturbationTable({ maxNoise: config.disclosure.maxNoise, variance: config.disclosure.variance, js: 2 });
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
}
