import { Injectable } from '@nestjs/common';
import { COMPOSITE_DOMAINS } from '@outcomes/contracts';
import type { CompositeDomain, EnrolmentState, OutcomeReport, ProportionFigure, PublishedResult, Timepoint } from '@outcomes/contracts';
import { disclosedProportion, DISCLOSURE_THRESHOLD, exactBinomialTest, followUpSchedule, pairedChange, quartiles, suppress, wilson } from '@outcomes/domain';
import { ApiException } from '../common/errors/api.exception';
import { MunicipalityEntity } from '../municipalities/municipality.entity';
import { ProgrammeEntity } from '../programmes/programme.entity';
import { Db } from '../tenancy/db.service';
import { ReadTransaction } from '../tenancy/read-transaction.service';
import type { OutcomeQueryDto } from './dto/outcome-query.dto';
import { PublishedResultEntity } from './published-result.entity';

interface EnrolmentRow {
  id: string;
  state: EnrolmentState;
  start_date: string | null;
  end_date: string | null;
  attended: number;
  minutes: number;
}

type AssessmentRow = { enrolment_id: string; timepoint: Timepoint; drug_free: boolean | null } & Record<CompositeDomain, number | null>;

const today = (): string => new Date().toISOString().slice(0, 10);
const FOLLOW_UP: Record<number, Timepoint> = { 3: 'follow-up-3', 6: 'follow-up-6', 9: 'follow-up-9', 12: 'follow-up-12' };

/**
 * The report's enrolments ($1 programme, $2 and $3 the referral period) with the sessions and group
 * meetings they attended and the staff minutes spent on them. Sessions are counted per enrolment by
 * index probes; a group meeting's minutes are shared by those present, each meeting's headcount
 * counted once, by the attendance primary key (meeting first), in a MATERIALIZED CTE: inlined, it is
 * counted again for every attendance row; grouped over the attendance table, PostgreSQL read all of
 * it (1.9 million rows at national scale, 1 s of the report's 1.7 s for HCS in Aarhus; now 0.5 s).
 * Exported for `cli.js report-sql` (the benchmark's baseline).
 */
export const REPORT_ENROLMENTS_SQL = `
  WITH e AS (
    SELECT id, state, start_date, end_date FROM enrolment
    WHERE programme_id = $1 AND referral_date BETWEEN $2 AND $3),
  present AS (
    SELECT a.enrolment_id, a.meeting_id FROM group_attendance a JOIN e ON e.id = a.enrolment_id WHERE a.status = 'present'),
  meetings AS MATERIALIZED (
    SELECT m.id, m.duration_minutes,
      (SELECT count(*) FROM group_attendance p WHERE p.meeting_id = m.id AND p.status = 'present') AS n
    FROM group_meeting m WHERE m.id IN (SELECT meeting_id FROM present)),
  groups AS (
    SELECT present.enrolment_id, count(*) AS attended, sum(meetings.duration_minutes::numeric / meetings.n) AS minutes
    FROM present JOIN meetings ON meetings.id = present.meeting_id
    GROUP BY present.enrolment_id)
  SELECT e.id, e.state, e.start_date::text, e.end_date::text,
    (SELECT count(*) FROM treatment_session s WHERE s.enrolment_id = e.id AND s.attendance = 'attended') + coalesce(g.attended, 0) AS attended,
    (SELECT coalesce(sum(s.duration_minutes), 0) FROM treatment_session s WHERE s.enrolment_id = e.id AND s.attendance <> 'cancelled')
      + coalesce(g.minutes, 0) AS minutes
  FROM e LEFT JOIN groups g ON g.enrolment_id = e.id`;

/**
 * The report's assessments of those enrolments ($1, an array of ids): the scheduled timepoints only.
 * Progress reviews (ad hoc) count toward no figure, and in long programmes they are most of the rows.
 */
export const REPORT_ASSESSMENTS_SQL = `SELECT enrolment_id, timepoint, drug_free, ${COMPOSITE_DOMAINS.join(', ')} FROM assessment
  WHERE enrolment_id = ANY($1) AND timepoint <> 'ad-hoc'`;

/**
 * The outcome report of one programme in one municipality over a referral period: counted in SQL,
 * the statistics from libs/domain, disclosure control for evaluators.
 */
@Injectable()
export class OutcomesService {
  constructor(
    private readonly db: Db,
    private readonly reads: ReadTransaction,
  ) {}

  async report(query: OutcomeQueryDto): Promise<OutcomeReport> {
    if (query.to < query.from) throw ApiException.validation({ to: 'to must not be before from' });
    const user = this.db.user();
    const municipalityId = query.municipalityId ?? this.db.municipalityId();
    // Evaluators never see a small cell; staff see their own municipality's counts as they are.
    const controlled = user.role === 'evaluator';
    const programme = await this.db.repo(ProgrammeEntity).createQueryBuilder('p').where('p.id = :id', { id: query.programmeId }).getOne();
    if (!programme) throw ApiException.validation({ programmeId: 'programmeId must name a programme' });
    const municipality = await this.db.repo(MunicipalityEntity).createQueryBuilder('m').where('m.id = :id', { id: municipalityId }).getOne();
    if (!municipality) throw ApiException.validation({ municipalityId: 'municipalityId must name a municipality' });

    // The counting reads everything of the programme in the period: on the read replica, when there is one.
    const { enrolments, assessments } = await this.reads.run(user, (read) => read.as(municipalityId, async () => {
      const rows = (await read.manager.query(
        REPORT_ENROLMENTS_SQL,
        [programme.id, query.from, query.to],
      )) as (Omit<EnrolmentRow, 'attended' | 'minutes'> & { attended: string; minutes: string })[];
      const ids = rows.map((r) => r.id);
      const assessed = ids.length === 0 ? [] : ((await read.manager.query(REPORT_ASSESSMENTS_SQL, [ids])) as AssessmentRow[]);
      return { enrolments: rows.map((r) => ({ ...r, attended: Number(r.attended), minutes: Number(r.minutes) })), assessments: assessed };
    }));

    const count = (pred: (e: EnrolmentRow) => boolean): number => enrolments.filter(pred).length;
    const completed = enrolments.filter((e) => e.state === 'completed');
    const ended = enrolments.filter((e) => e.state === 'completed' || e.state === 'dropped_out');
    // Each timepoint's assessments by enrolment, built once: built per call, inside the per-enrolment
    // filter below, it made the report quadratic (14 s for HCS in Aarhus at national scale).
    const timepointMaps = new Map<Timepoint, Map<string, AssessmentRow>>();
    const byTimepoint = (tp: Timepoint): Map<string, AssessmentRow> => {
      let map = timepointMaps.get(tp);
      if (!map) timepointMaps.set(tp, (map = new Map(assessments.filter((a) => a.timepoint === tp).map((a) => [a.enrolment_id, a]))));
      return map;
    };
    const timepoints: Timepoint[] = ['end', ...programme.followUpMonths.map((m) => FOLLOW_UP[m]).filter((t): t is Timepoint => t !== undefined)];

    const now = today();
    const dueFor = (tp: Timepoint, population: EnrolmentRow[]): EnrolmentRow[] => {
      const taken = byTimepoint(tp);
      return population.filter((e) => {
        const entry = followUpSchedule({
          startDate: e.start_date, endDate: e.end_date, state: e.state, followUpMonths: programme.followUpMonths,
          windowDays: programme.followUpWindowDays, taken: taken.has(e.id) ? [{ timepoint: tp, date: now }] : [], today: now,
        }).find((d) => d.timepoint === tp);
        return entry !== undefined && (entry.status === 'done' || entry.status === 'in-window' || entry.status === 'overdue');
      });
    };

    const show = (p: ProportionFigure): ProportionFigure | null => (controlled ? disclosedProportion(p) : p);
    const small = (n: number): boolean => controlled && n < DISCLOSURE_THRESHOLD;
    let suppressed = false;
    const mark = <T>(value: T | null, original: unknown): T | null => {
      if (value === null && original !== null) suppressed = true;
      return value;
    };

    const drugFree = timepoints.map((tp) => {
      const due = dueFor(tp, ended);
      const taken = byTimepoint(tp);
      const assessedRows = due.filter((e) => taken.get(e.id)?.drug_free !== null && taken.has(e.id));
      const free = assessedRows.filter((e) => taken.get(e.id)?.drug_free === true).length;
      return {
        timepoint: tp,
        due: mark(small(due.length) ? null : due.length, due.length),
        assessed: mark(small(assessedRows.length) ? null : assessedRows.length, assessedRows.length),
        rateAssessed: mark(show(wilson(free, assessedRows.length)), 1),
        rateAll: mark(show(wilson(free, due.length)), 1),
        followUpRate: mark(show(wilson(assessedRows.length, due.length)), 1),
      };
    });

    const intake = byTimepoint('intake');
    const asiChange = timepoints.flatMap((tp) => {
      const later = byTimepoint(tp);
      return COMPOSITE_DOMAINS.map((domain) => {
        const differences = [...later.entries()]
          .map(([id, row]) => ({ before: intake.get(id)?.[domain], after: row[domain] }))
          .filter((d): d is { before: number; after: number } => typeof d.before === 'number' && typeof d.after === 'number')
          .map((d) => d.after - d.before);
        const change = pairedChange(differences);
        return { timepoint: tp, domain, change: mark(change && small(change.n) ? null : change, change) };
      });
    });

    const retentionValues = programme.expectedSessions ? ended.map((e) => e.attended / (programme.expectedSessions as number)) : [];
    const q = quartiles(retentionValues);
    const retention = q && !small(retentionValues.length) ? { n: retentionValues.length, ...q } : mark(null, q);

    const published = (await this.db.repo(PublishedResultEntity).createQueryBuilder('r').where('r.programme_code = :code', { code: programme.code }).getMany()).map(
      (r): PublishedResult => ({ programmeCode: r.programmeCode, measure: 'drug-free', timepoint: r.timepoint as Timepoint, population: r.population as 'completers' | 'all', proportion: r.proportion, source: r.source }),
    );
    const benchmarks = published.map((pub) => {
      const population = pub.population === 'completers' ? completed : ended;
      const taken = byTimepoint(pub.timepoint);
      const assessedRows = population.filter((e) => typeof taken.get(e.id)?.drug_free === 'boolean');
      const free = assessedRows.filter((e) => taken.get(e.id)?.drug_free === true).length;
      const observed = show(wilson(free, assessedRows.length));
      return { published: pub, observed: mark(observed, 1), pValue: observed && assessedRows.length > 0 ? exactBinomialTest(free, assessedRows.length, pub.proportion) : null };
    });

    const staffMinutes = enrolments.reduce((sum, e) => sum + e.minutes, 0);
    const freeCompleters = completed.filter((e) => byTimepoint('end').get(e.id)?.drug_free === true).length;
    const per = (n: number): number | null => (n === 0 || small(n) ? null : staffMinutes / n);
    const counts = this.counts(enrolments, controlled, count);
    if (Object.values(counts).some((v) => v === null)) suppressed = true;

    return {
      programmeId: programme.id,
      municipalityId,
      from: query.from,
      to: query.to,
      disclosureControlled: controlled,
      suppressed,
      counts,
      completionRate: mark(show(wilson(completed.length, ended.length)), 1),
      retention,
      drugFree,
      asiChange,
      benchmarks,
      economy: {
        staffMinutes,
        perCitizen: per(new Set(enrolments.map((e) => e.id)).size),
        perCompleter: per(completed.length),
        perDrugFreeCompleter: per(freeCompleters),
        hourlyRate: municipality.hourlyRate,
        cost: municipality.hourlyRate === null ? null : (staffMinutes / 60) * municipality.hourlyRate,
      },
    };
  }

  /** The state counts; for evaluators through disclosure control, the referred total being published. */
  private counts(enrolments: EnrolmentRow[], controlled: boolean, count: (pred: (e: EnrolmentRow) => boolean) => number): OutcomeReport['counts'] {
    const cells = [
      count((e) => e.state === 'completed'),
      count((e) => e.state === 'dropped_out'),
      count((e) => e.state === 'transferred'),
      count((e) => e.state === 'cancelled'),
      count((e) => e.state === 'referred' || e.state === 'active'),
    ];
    const started = count((e) => e.start_date !== null);
    const referred = enrolments.length;
    const shown = controlled ? (suppress([cells], DISCLOSURE_THRESHOLD, { rows: true, columns: false })[0] ?? []) : cells;
    const total = (n: number): number | null => (controlled && n < DISCLOSURE_THRESHOLD ? null : n);
    return {
      referred: total(referred),
      started: total(started),
      completed: shown[0] ?? null,
      droppedOut: shown[1] ?? null,
      transferred: shown[2] ?? null,
      cancelled: shown[3] ?? null,
      open: shown[4] ?? null,
    };
  }
}
