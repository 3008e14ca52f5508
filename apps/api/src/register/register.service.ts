import { Injectable } from '@nestjs/common';
import { MAX_PAGE_SIZE } from '@outcomes/contracts';
import type { LeftOutCourse, ReadinessCourse, RegisterEndStatus, RegisterPublishedGroup, RegisterReadiness } from '@outcomes/contracts';
import { danishToday, monthDays, previousMonth, readinessIssues, registerDate, registerDueDate, registerLeftOut } from '@outcomes/domain';
import { stringify } from 'csv-stringify/sync';
import { IdentifierCrypto } from '../common/crypto/identifier-crypto';
import { ApiException } from '../common/errors/api.exception';
import { registerEndStatuses } from '../enrolments/enrolments.queries';
import { Db } from '../tenancy/db.service';
import { coursesWithEvents, registerCourses } from './register.queries';
import type { ExtractCourseRow } from './register.queries';
import { REGISTER_EVENTS, REGISTER_EXTRACT_FIELDS } from './register-extract';
import type { RegisterEvent, RegisterExtractField } from './register-extract';

/**
 * The national register (Stofmisbrugsdatabasen, Danmarks Statistik; docs/register.md): the end-status
 * code list, which courses cannot be reported as they are, and the monthly extract of the month's
 * events with the CPR numbers, written to the access log with every citizen in it.
 */
@Injectable()
export class RegisterService {
  constructor(
    private readonly db: Db,
    private readonly crypto: IdentifierCrypto,
  ) {}

  async endStatuses(): Promise<RegisterEndStatus[]> {
    const rows = await registerEndStatuses(this.db.manager());
    return rows.map((r) => ({ code: r.code, labelDa: r.labelDa, labelEn: r.labelEn, publishedGroup: r.publishedGroup as RegisterPublishedGroup }));
  }

  async readiness(): Promise<RegisterReadiness> {
    const municipalityId = this.db.municipalityId();
    const rows = await registerCourses(this.db.manager(), municipalityId);
    const incomplete: ReadinessCourse[] = [];
    const leftOut: LeftOutCourse[] = [];
    for (const r of rows) {
      const reason = registerLeftOut(r);
      if (reason) {
        leftOut.push({ enrolmentId: r.enrolmentId, citizenId: r.citizenId, programmeId: r.programmeId, state: r.state, reason });
        continue;
      }
      const missing = readinessIssues(r);
      if (missing.length === 0) continue;
      incomplete.push({
        enrolmentId: r.enrolmentId,
        citizenId: r.citizenId,
        programmeId: r.programmeId,
        centreId: r.centreId,
        state: r.state,
        requestedOn: r.requestedOn,
        startDate: r.startDate,
        endDate: r.endDate,
        endStatus: r.endStatus,
        missing,
      });
    }
    const month = danishToday().slice(0, 7);
    const previous = previousMonth(month);
    const courses = rows.length - leftOut.length;
    // One answer, not a paged list: each of its lists is capped at MAX_PAGE_SIZE (OWASP API4), the newest; the totals say how many.
    return {
      municipalityId,
      courses,
      ready: courses - incomplete.length,
      incomplete: incomplete.slice(0, MAX_PAGE_SIZE),
      incompleteTotal: incomplete.length,
      leftOut: leftOut.slice(0, MAX_PAGE_SIZE),
      leftOutTotal: leftOut.length,
      currentMonth: { month, dueOn: registerDueDate(month) },
      previousMonth: { month: previous, dueOn: registerDueDate(previous) },
    };
  }

  /**
   * The CSV of a month's events (a course's request, start and end falling in it), of the courses of
   * citizens with a valid CPR number; the access log gets one export row naming every citizen in it.
   */
  async extract(month: string): Promise<{ csv: string; rows: number; citizens: number }> {
    const current = danishToday().slice(0, 7);
    if (month > current) throw ApiException.validation({ month: `month must not be after the current month (${current})` });
    const { from, to } = monthDays(month);
    const courses = (await coursesWithEvents(this.db.manager(), this.db.municipalityId(), from, to)).filter((c) => registerLeftOut(c) === null);
    const inMonth = (day: string | null): day is string => day !== null && day >= from && day <= to;
    const events: { day: string; event: RegisterEvent; course: ExtractCourseRow }[] = [];
    for (const course of courses) {
      if (inMonth(course.requestedOn)) events.push({ day: course.requestedOn, event: 'henvendelse', course });
      if (inMonth(course.startDate)) events.push({ day: course.startDate, event: 'start', course });
      if (inMonth(course.endDate)) events.push({ day: course.endDate, event: 'afslutning', course });
    }
    events.sort((a, b) => a.day.localeCompare(b.day) || REGISTER_EVENTS.indexOf(a.event) - REGISTER_EVENTS.indexOf(b.event) || a.course.enrolmentId.localeCompare(b.course.enrolmentId));
    const records = events.map(({ day, event, course }) => this.record(day, event, course));
    const csv = stringify(records, { header: true, columns: [...REGISTER_EXTRACT_FIELDS], delimiter: ';', record_delimiter: 'windows' });
    const citizenIds = [...new Set(events.map((e) => e.course.citizenId))];
    const ctx = this.db.context();
    // A file carries no citizenId for the interceptor to find: logged here, every citizen in it.
    ctx.selfLogged = true;
    ctx.accesses.push({
      action: 'export',
      resource: 'register',
      recordId: null,
      citizenId: null,
      citizenIds,
      criterion: JSON.stringify({ document: 'register-extract', month, rows: records.length }),
      outcome: 'ok',
    });
    return { csv, rows: records.length, citizens: citizenIds.length };
  }

  private record(day: string, event: RegisterEvent, c: ExtractCourseRow): Record<RegisterExtractField, string> {
    return {
      haendelse: event,
      haendelsesdato: registerDate(day),
      forloeb_id: c.enrolmentId,
      cpr: c.cprEncrypted ? this.crypto.decrypt('cpr', c.cprEncrypted) : '',
      koen: c.sex === 'male' ? 'M' : c.sex === 'female' ? 'K' : '',
      kommunekode: c.municipalityCode,
      henvendelsesdato: registerDate(c.requestedOn),
      startdato: registerDate(c.startDate),
      behandlingssted_id: c.centreId,
      behandlingssted_navn: c.centreName,
      tilbud: c.programmeCode,
      slutdato: registerDate(c.endDate),
      slutstatus: c.endStatus ?? '',
      slutstatus_gruppe: c.endStatusGroup ?? '',
    };
  }
}
