import { Inject, Injectable } from '@nestjs/common';
import { COMPOSITE_DOMAINS } from '@outcomes/contracts';
import type { CompositeDomain, EnrolmentState, OutcomeReport, PublishedPopulation, PublishedResult, ReportBudget, Timepoint } from '@outcomes/contracts';
import { COUNTED_GROUP_ATTENDANCE, danishToday, evaluatorPeriodErrors, outcomeReport, perturbationTable } from '@outcomes/domain';
import type { PerturbationTable, ReportAssessment, ReportEnrolment } from '@outcomes/domain';
import { ApiException } from '../common/errors/api.exception';
import { APP_CONFIG } from '../config/config';
import type { AppConfig } from '../config/config';
import { attendedCountSql } from '../enrolments/rules-sql';
import { MunicipalityEntity } from '../municipalities/municipality.entity';
import { ProgrammeEntity } from '../programmes/programme.entity';
import { Db } from '../tenancy/db.service';
import { ReadTransaction } from '../tenancy/read-transaction.service';
import type { OutcomeQueryDto } from './dto/outcome-query.dto';
import { PublishedResultEntity } from './published-result.entity';
import { ReportBudgetService } from './report-budget.service';

interface EnrolmentRow {
  id: string;
  state: EnrolmentState;
  start_date: string | null;
  end_date: string | null;
  attended: string;
  minutes: string;
  record_key: number;
}

type AssessmentRow = { enrolment_id: string; timepoint: Timepoint; drug_free: boolean | null } & Record<CompositeDomain, number | null>;

/**
 * The report's enrolments ($1 programme, $2 and $3 the referral period) with their attendance toward
 * the protocol (attendedCountSql: the enrolment page's count) and the staff minutes spent on them.
 * Attendance is counted per enrolment by index probes; a group meeting's minutes are shared by those
 * present, each meeting's headcount counted once, by the attendance primary key (meeting first), in a MATERIALIZED CTE: inlined, it is
 * counted again for every attendance row; grouped over the attendance table, PostgreSQL read all of
 * it (1.9 million rows at national scale, 1 s of the report's 1.7 s for HCS in Aarhus; now 0.5 s).
 * record_key is the cell key method's secret key: it goes into libs/domain's arithmetic and no further.
 * Exported for `cli.js report-sql` (the benchmark's baseline).
 */
export const REPORT_ENROLMENTS_SQL = `
  WITH e AS (
    SELECT id, state, start_date, end_date, record_key FROM enrolment
    WHERE programme_id = $1 AND referral_date BETWEEN $2 AND $3),
  present AS (
    SELECT a.enrolment_id, a.meeting_id FROM group_attendance a JOIN e ON e.id = a.enrolment_id WHERE a.status = '${COUNTED_GROUP_ATTENDANCE}'),
  meetings AS MATERIALIZED (
    SELECT m.id, m.duration_minutes,
      (SELECT count(*) FROM group_attendance p WHERE p.meeting_id = m.id AND p.status = '${COUNTED_GROUP_ATTENDANCE}') AS n
    FROM group_meeting m WHERE m.id IN (SELECT meeting_id FROM present)),
  groups AS (
    SELECT present.enrolment_id, sum(meetings.duration_minutes::numeric / meetings.n) AS minutes
    FROM present JOIN meetings ON meetings.id = present.meeting_id
    GROUP BY present.enrolment_id)
  SELECT e.id, e.state, e.start_date::text, e.end_date::text, e.record_key,
    ${attendedCountSql('e.id')} AS attended,
    (SELECT coalesce(sum(s.duration_minutes), 0) FROM treatment_session s WHERE s.enrolment_id = e.id AND s.attendance <> 'cancelled' AND s.entered_in_error_at IS NULL)
      + coalesce(g.minutes, 0) AS minutes
  FROM e LEFT JOIN groups g ON g.enrolment_id = e.id`;

/**
 * The report's assessments of those enrolments ($1, an array of ids): the scheduled timepoints only.
 * Progress reviews (ad hoc) count toward no figure, and in long programmes they are most of the rows.
 */
export const REPORT_ASSESSMENTS_SQL = `SELECT enrolment_id, timepoint, drug_free, ${COMPOSITE_DOMAINS.join(', ')} FROM assessment
  WHERE enrolment_id = ANY($1) AND timepoint <> 'ad-hoc'`;

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
    const programme = await this.db.repo(ProgrammeEntity).createQueryBuilder('p').where('p.id = :id', { id: query.programmeId }).getOne();
    if (!programme) throw ApiException.validation({ programmeId: 'programmeId must name a programme' });
    const municipality = await this.db.repo(MunicipalityEntity).createQueryBuilder('m').where('m.id = :id', { id: municipalityId }).getOne();
    if (!municipality) throw ApiException.validation({ municipalityId: 'municipalityId must name a municipality' });
    // Spent only once the query is known to be a valid one; a refusal (429) writes nothing.
    const budget = controlled ? await this.budgets.spend({ programmeId: programme.id, municipalityId, from: query.from, to: query.to }) : null;

    // The counting reads everything of the programme in the period: on the read replica, when there is one.
    const { enrolments, assessments } = await this.reads.run(user, (read) => read.as(municipalityId, async () => {
      const rows = (await read.manager.query(REPORT_ENROLMENTS_SQL, [programme.id, query.from, query.to])) as EnrolmentRow[];
      const ids = rows.map((r) => r.id);
      const assessed = ids.length === 0 ? [] : ((await read.manager.query(REPORT_ASSESSMENTS_SQL, [ids])) as AssessmentRow[]);
      return { enrolments: rows, assessments: assessed };
    }));

    const published = (await this.db.repo(PublishedResultEntity).createQueryBuilder('r').where('r.programme_code = :code', { code: programme.code }).getMany()).map(
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
        id: r.id, state: r.state, startDate: r.start_date, endDate: r.end_date, attended: Number(r.attended), minutes: Number(r.minutes), recordKey: Number(r.record_key),
      })),
      assessments: assessments.map((a): ReportAssessment => ({
        enrolmentId: a.enrolment_id, timepoint: a.timepoint, drugFree: a.drug_free, scores: Object.fromEntries(COMPOSITE_DOMAINS.map((d) => [d, a[d]])),
      })),
      protocol: { expectedSessions: programme.expectedSessions, courseWeeks: programme.courseWeeks, followUpMonths: programme.followUpMonths, followUpWindowDays: programme.followUpWindowDays },
      published,
      hourlyRate: municipality.hourlyRate,
      today: danishToday(),
      disclosure: controlled ? this.table : null,
      budget,
    });
  }
}
