import { ageOn, courseMeetings, hasEnded, isOpen } from '@outcomes/domain';
import { asiAnswers } from './asi-answers';
import { addDays, addMonths, daysBetween, localTime, nextWeekday } from './calendar';
import type { IdKind } from './ids';
import { syntheticId } from './ids';
import { makeCpr, makePerson } from './people';
import type { ProgrammeCode, ProgrammeProtocol, Protocols } from './protocols';
import { Rng } from './random';
import type { SyntheticCentre, SyntheticMunicipality, SyntheticUser } from './reference-data';
import { centresOf, municipalitiesOf, municipalityId, shareOut, usersOf } from './reference-data';
import type { EnrolmentRow, EnrolmentStateName, RowSink, TimepointName } from './rows';
import { OUTCOME_MODEL } from './outcome-model';
import type { Scale } from './scales';

export interface GenerationOptions {
  seed: number;
  scale: Scale;
  /** The last day of history (YYYY-MM-DD); nothing attended or assessed lies on or after it. */
  asOf: string;
  protocols: Protocols;
}

export interface MunicipalityPlan {
  municipality: SyntheticMunicipality;
  id: string;
  citizens: number;
  centres: SyntheticCentre[];
  users: SyntheticUser[];
}

/** Which municipalities take part, with their share of the citizens, centres and users. */
export function planMunicipalities(scale: Scale): MunicipalityPlan[] {
  const municipalities = municipalitiesOf(scale);
  const counts = shareOut(scale.citizens, municipalities.map((m) => m.weight));
  return municipalities.map((municipality, i) => {
    const citizens = counts[i] ?? 0;
    return { municipality, id: municipalityId(municipality), citizens, centres: centresOf(municipality), users: usersOf(municipality, citizens) };
  });
}

const FIRST_PROGRAMME: Record<ProgrammeCode, number> = { MOVE: 24, HCS: 24, OUTREACH: 22, ICM: 18, SMART: 12 };
const AGE_AT_REFERRAL: Record<ProgrammeCode, [number, number]> = { MOVE: [15, 24], HCS: [18, 45], OUTREACH: [25, 62], ICM: [25, 62], SMART: [22, 60] };
// Free text on the enrolment, as staff write it (the form's hint: "egen henvendelse, jobcenter, læge"): Danish, not codes.
const REFERRAL_SOURCES = ['Egen henvendelse', 'Jobcenter', 'Egen læge', 'Socialforvaltningen', 'Familie', 'Hospital', 'Kriminalforsorgen'];
const PLACE_TYPES = { street: 35, shelter: 20, 'drop-in-centre': 20, home: 10, 'partner-organisation': 10, 'treatment-centre': 5 } as const;
const CONTACT_TYPES = { 'follow-up': 50, 'practical-help': 25, accompaniment: 15, referral: 10 } as const;
const CHANNELS = { phone: 50, sms: 25, letter: 10, 'e-mail': 10, visit: 5 } as const;
const HCS_COHORT = 8;
const COURSE_TIME = { hour: 17, text: '17:00' };
const SMART_TIME = { hour: 19, text: '19:00' };

interface Course {
  counter: number;
  centre: SyntheticCentre;
  startDate: string;
}

/** What one enrolment did, for its assessments: the states and dates that decide what it owes. */
interface EnrolmentOutcome {
  state: EnrolmentStateName;
  startDate: string | null;
  endDate: string | null;
  endReason: string | null;
}

/**
 * Generates one municipality's citizens with their enrolments, sessions, courses, SMART meetings,
 * outreach contacts, ASI assessments and follow-up attempts, into `sink`. Deterministic: every
 * citizen draws from its own random stream (seed, municipality, citizen number), so the same seed,
 * scale and as-of date give the same rows.
 */
export function generateMunicipality(options: GenerationOptions, plan: MunicipalityPlan, sink: RowSink): void {
  new MunicipalityGenerator(options, plan, sink).run();
}

class MunicipalityGenerator {
  private readonly counters = new Map<IdKind, number>();
  private readonly cprs = new Set<string>();
  private readonly courses = new Map<number, Course>();
  private readonly staff: string[];
  private readonly periodStart: string;
  private readonly courseIntervalWeeks: number;
  private readonly number: number;

  constructor(
    private readonly options: GenerationOptions,
    private readonly plan: MunicipalityPlan,
    private readonly sink: RowSink,
  ) {
    this.number = plan.municipality.number;
    this.staff = plan.users.filter((u) => u.role === 'staff').map((u) => u.id);
    this.periodStart = addDays(options.asOf, -Math.round(options.scale.years * 365.25));
    // Courses start often enough that a centre's cohorts hold about HCS_COHORT people.
    const hcsPerWeekPerCentre = (plan.citizens * 1.5 * 0.24) / (options.scale.years * 52 * plan.centres.length);
    this.courseIntervalWeeks = Math.max(2, Math.min(26, Math.round(HCS_COHORT / Math.max(hcsPerWeekPerCentre, 0.01))));
  }

  run(): void {
    this.standingGroups();
    for (let i = 0; i < this.plan.citizens; i++) this.citizen(i);
    this.anonymousOutreach();
    this.courseRows();
  }

  private id(kind: IdKind): string {
    const next = (this.counters.get(kind) ?? 0) + 1;
    this.counters.set(kind, next);
    return syntheticId(this.options.seed, kind, this.number, next);
  }

  private get municipalityId(): string {
    return this.plan.id;
  }

  private protocol(code: ProgrammeCode): ProgrammeProtocol {
    return this.options.protocols[code];
  }

  // --- SMART Recovery: one standing group per centre, meeting weekly through the whole period.

  private smartGroupCounter(centreIndex: number): number {
    return centreIndex * 10_000;
  }

  private smartWeekday(centreIndex: number): number {
    return 1 + ((this.number + centreIndex) % 5);
  }

  private smartFirstMeeting(centreIndex: number): string {
    return nextWeekday(this.periodStart, this.smartWeekday(centreIndex));
  }

  private meetingId(groupCounter: number, index: number): string {
    return syntheticId(this.options.seed, 'meeting', this.number, groupCounter * 1_000 + index);
  }

  private standingGroups(): void {
    const rng = new Rng(this.options.seed, this.number, 0x5a4a7);
    const protocol = this.protocol('SMART');
    this.plan.centres.forEach((centre, c) => {
      const counter = this.smartGroupCounter(c);
      const groupId = syntheticId(this.options.seed, 'group', this.number, counter);
      const first = this.smartFirstMeeting(c);
      this.sink.add('treatment_group', {
        id: groupId, municipalityId: this.municipalityId, programmeId: protocol.id, centreId: centre.id, kind: 'standing',
        name: `SMART Recovery ${centre.name}`, startDate: first, startTime: SMART_TIME.text, place: centre.address, weekday: this.smartWeekday(c),
      });
      for (let k = 0, date = first; date < this.options.asOf; k++, date = addDays(first, 7 * k)) {
        this.sink.add('group_meeting', {
          id: this.meetingId(counter, k), municipalityId: this.municipalityId, groupId, number: null, startsAt: localTime(date, SMART_TIME.hour),
          durationMinutes: protocol.sessionMinutes ?? 90, status: 'held', anonymousHeadcount: rng.int(0, 6),
        });
      }
    });
  }

  // --- Citizens and their enrolments.

  private citizen(index: number): void {
    const rng = new Rng(this.options.seed, this.number, index);
    const first = rng.weighted(FIRST_PROGRAMME);
    const referral = addDays(this.periodStart, rng.int(0, daysBetween(this.periodStart, this.options.asOf) - 1));
    const [minAge, maxAge] = AGE_AT_REFERRAL[first];
    const person = makePerson(rng, referral, rng.int(minAge, maxAge));
    const anonymous = first === 'OUTREACH' && rng.chance(0.15);
    const citizenId = this.id('citizen');
    const consent = rng.chance(0.7);
    this.sink.add('citizen', {
      id: citizenId, municipalityId: this.municipalityId, createdAt: localTime(referral, 9, rng.int(0, 59)),
      cpr: anonymous ? null : this.uniqueCpr(rng, person.birthDate, person.sex), cprReplacement: false,
      firstName: person.firstName, lastName: person.lastName, birthYear: Number(person.birthDate.slice(0, 4)), sex: person.sex,
      phone: person.phone, address: anonymous ? null : person.address,
    });
    // Asked about evaluation at referral (not when anonymous): the first entry of the consent history,
    // recorded by a staff member picked without drawing from the stream (the rest of the data stays as it was).
    if (!anonymous) {
      this.sink.add('citizen_consent', {
        id: this.id('consent'), municipalityId: this.municipalityId, citizenId, purpose: 'evaluation', entry: 1,
        event: consent ? 'given' : 'refused', onDate: referral, recordedByUserId: this.staff[index % this.staff.length] as string,
      });
    }
    const firstResult = this.enrolment(rng, citizenId, first, referral);
    if (!rng.chance(0.55)) return;
    const second = this.secondProgramme(rng, first, firstResult, person.birthDate, referral);
    if (!second) return;
    this.enrolment(rng, citizenId, second.code, second.referral);
  }

  /** A CPR number not yet used in the municipality (the database allows one citizen per number); 1 % replacement numbers. */
  private uniqueCpr(rng: Rng, birthDate: string, sex: 'male' | 'female'): string {
    for (;;) {
      const cpr = makeCpr(rng, birthDate, sex, rng.chance(0.01));
      if (!this.cprs.has(cpr)) {
        this.cprs.add(cpr);
        return cpr;
      }
    }
  }

  /** What often follows: SMART Recovery after a finished course, case management after outreach, and so on. */
  private secondProgramme(rng: Rng, first: ProgrammeCode, result: EnrolmentOutcome, birthDate: string, firstReferral: string): { code: ProgrammeCode; referral: string } | null {
    const after = result.endDate ?? addDays(result.startDate ?? firstReferral, rng.int(30, 200));
    const referral = addDays(after, rng.int(7, 180));
    if (referral >= this.options.asOf) return null;
    const next: Record<ProgrammeCode, Partial<Record<ProgrammeCode, number>>> = {
      MOVE: { SMART: 4, HCS: 3, ICM: 1 },
      HCS: { SMART: 5, HCS: 2, ICM: 1 },
      OUTREACH: { ICM: 4, HCS: 2, OUTREACH: 2 },
      ICM: { OUTREACH: 3, SMART: 2, ICM: 1 },
      SMART: { HCS: 2, ICM: 1, SMART: 1 },
    };
    const choices: Partial<Record<ProgrammeCode, number>> = { ...next[first] };
    const stillOpen = isOpen(result.state);
    if (stillOpen) delete choices[first]; // one open enrolment per programme
    const age = ageOn(birthDate, referral);
    const move = this.protocol('MOVE');
    if (age > (move.maxAge ?? 25) || age < (move.minAge ?? 15)) delete choices.MOVE;
    if (age < 18) return null;
    if (Object.keys(choices).length === 0) return null;
    return { code: rng.weighted(choices as Record<ProgrammeCode, number>), referral };
  }

  private enrolment(rng: Rng, citizenId: string, code: ProgrammeCode, referral: string): EnrolmentOutcome {
    const protocol = this.protocol(code);
    const centreIndex = rng.int(0, this.plan.centres.length - 1);
    const centre = this.plan.centres[centreIndex] as SyntheticCentre;
    const staffUserId = rng.pick(this.staff);
    const enrolmentId = this.id('enrolment');
    const context: EnrolmentContext = { rng, citizenId, enrolmentId, staffUserId, centre, centreIndex, protocol, referral };

    let result: EnrolmentOutcome;
    const startDelay = rng.int(1, 14); // the treatment guarantee: an offer within 14 days
    if (rng.chance(0.03)) {
      const cancelled = addDays(referral, rng.int(3, 30));
      result = cancelled < this.options.asOf
        ? { state: 'cancelled', startDate: null, endDate: cancelled, endReason: 'Borgeren ønskede ikke tilbuddet' }
        : { state: 'referred', startDate: null, endDate: null, endReason: null };
    } else if (code === 'HCS') {
      result = this.hcs(context);
    } else if (addDays(referral, startDelay) >= this.options.asOf) {
      result = { state: 'referred', startDate: null, endDate: null, endReason: null };
    } else {
      const start = addDays(referral, startDelay);
      result = code === 'MOVE' ? this.move(context, start) : code === 'SMART' ? this.smart(context, start) : code === 'OUTREACH' ? this.outreach(context, start) : this.icm(context, start);
    }
    if (result.state === 'completed' && rng.chance(0.03)) result = { ...result, state: 'transferred', endReason: 'Flyttet til anden kommune' };

    const row: EnrolmentRow = {
      id: enrolmentId, municipalityId: this.municipalityId, citizenId, programmeId: protocol.id, centreId: centre.id, staffUserId,
      referralDate: referral, referralSource: rng.pick(REFERRAL_SOURCES), startDate: result.startDate, endDate: result.endDate,
      endReason: result.endReason, endStatus: null, state: result.state, attestations: protocol.requiredAttestations,
    };
    // The assessments first: the citizen's drug-free state at the end (drawn there) gives the register's
    // end status. No draw moves: the row's own draws came before, the transitions draw none.
    const drugFreeAtEnd = this.assessments(context, result);
    row.endStatus = registerEndStatus(result.state, drugFreeAtEnd);
    this.sink.add('enrolment', row);
    this.transitions(row);
    return result;
  }

  private transitions(e: EnrolmentRow): void {
    const add = (fromState: EnrolmentStateName | null, toState: EnrolmentStateName, onDate: string, reason: string | null): void => {
      this.sink.add('enrolment_transition', { id: this.id('transition'), municipalityId: this.municipalityId, enrolmentId: e.id, fromState, toState, onDate, reason, userId: e.staffUserId });
    };
    add(null, 'referred', e.referralDate, null);
    if (e.state === 'cancelled') {
      add('referred', 'cancelled', e.endDate ?? e.referralDate, e.endReason);
      return;
    }
    if (e.startDate) add('referred', 'active', e.startDate, null);
    if (e.endDate && !isOpen(e.state)) add('active', e.state, e.endDate, e.endReason);
  }

  // --- MOVE: 12 structured individual sessions.

  private move(c: EnrolmentContext, start: string): EnrolmentOutcome {
    const { rng, protocol } = c;
    const expected = protocol.expectedSessions ?? 12;
    const completes = rng.chance(OUTCOME_MODEL.MOVE.completion);
    const target = completes ? expected : rng.int(1, expected - 1);
    let date = start;
    let attended = 0;
    let last = start;
    while (attended < target) {
      if (date >= this.options.asOf) return { state: 'active', startDate: start, endDate: null, endReason: null };
      const attendance = rng.chance(0.1) ? 'no-show' : rng.chance(0.04) ? 'cancelled' : 'attended';
      if (attendance === 'attended') attended++;
      this.session(c, date, 'move-session', attendance === 'attended' ? attended : null, attendance, (protocol.sessionMinutes ?? 60) + rng.int(-15, 15));
      last = date;
      date = addDays(date, attendance === 'attended' ? rng.int(5, 10) : rng.int(2, 5));
    }
    return this.ended(c, start, completes, completes ? last : addDays(last, rng.int(14, 45)), 'Udeblev fra de sidste samtaler');
  }

  // --- ICM: long-running case management, a meeting every one to three weeks.

  private icm(c: EnrolmentContext, start: string): EnrolmentOutcome {
    const { rng } = c;
    const completes = rng.chance(OUTCOME_MODEL.ICM.completion);
    const length = rng.int(180, 900);
    const end = addDays(start, completes ? length : rng.int(30, length));
    for (let date = start; date < end && date < this.options.asOf; date = addDays(date, rng.int(7, 21))) {
      const attendance = rng.chance(0.15) ? 'no-show' : 'attended';
      this.session(c, date, 'case-management-meeting', null, attendance, rng.int(30, 120));
    }
    return this.ended(c, start, completes, end, 'Kontakten ophørte');
  }

  // --- Outreach: contacts where the citizen is, logged by place and type.

  private outreach(c: EnrolmentContext, start: string): EnrolmentOutcome {
    const { rng } = c;
    const completes = rng.chance(OUTCOME_MODEL.OUTREACH.completion);
    const length = rng.int(60, 540);
    const end = addDays(start, completes ? length : rng.int(20, length));
    let first = true;
    for (let date = c.referral; date < end && date < this.options.asOf; date = addDays(date, rng.int(4, 21))) {
      const contactType = first ? 'first-contact' : rng.weighted(CONTACT_TYPES);
      const referred = contactType === 'referral' ? this.protocol(rng.pick(['ICM', 'HCS'] as const)) : null;
      const started = referred ? rng.chance(0.5) : null;
      this.sink.add('outreach_contact', {
        id: this.id('outreach'), municipalityId: this.municipalityId, contactAt: localTime(date, rng.int(8, 20), rng.pick([0, 15, 30, 45])),
        staffUserId: rng.chance(0.8) ? c.staffUserId : rng.pick(this.staff), placeType: rng.weighted(PLACE_TYPES), durationMinutes: rng.int(10, 90),
        contactType, citizenId: c.citizenId, alias: null, referredProgrammeId: referred?.id ?? null, referralStarted: started,
        referralStartedDate: started ? addDays(date, rng.int(3, 30)) : null,
      });
      first = false;
    }
    return this.ended(c, start, completes, end, 'Ikke truffet i tre måneder');
  }

  /** Contacts with people known only by an alias the workers chose: anonymous treatment is a right. */
  private anonymousOutreach(): void {
    const rng = new Rng(this.options.seed, this.number, 0xa11a5);
    const people = Math.round(this.plan.citizens * 0.05);
    const places = ['banegården', 'havnen', 'varmestuen', 'parken', 'torvet', 'herberget'];
    for (let p = 0; p < people; p++) {
      // Lower case and single-spaced: the API's normalised form, so its keyed hash finds it.
      const alias = `${rng.pick(['mand', 'kvinde', 'ung mand'])} ved ${rng.pick(places)} ${p + 1}`;
      let date = addDays(this.periodStart, rng.int(0, daysBetween(this.periodStart, this.options.asOf) - 1));
      for (let k = rng.int(1, 5); k > 0 && date < this.options.asOf; k--, date = addDays(date, rng.int(3, 30))) {
        this.sink.add('outreach_contact', {
          id: this.id('outreach'), municipalityId: this.municipalityId, contactAt: localTime(date, rng.int(8, 22), rng.pick([0, 20, 40])),
          staffUserId: rng.pick(this.staff), placeType: rng.weighted(PLACE_TYPES), durationMinutes: rng.int(5, 45),
          contactType: k === 1 ? 'first-contact' : 'follow-up', citizenId: null, alias, referredProgrammeId: null, referralStarted: null, referralStartedDate: null,
        });
      }
    }
  }

  // --- SMART Recovery: attendance at the centre's standing group.

  private smart(c: EnrolmentContext, start: string): EnrolmentOutcome {
    const { rng } = c;
    const completes = rng.chance(OUTCOME_MODEL.SMART.completion);
    const length = rng.int(60, 540);
    const end = addDays(start, completes ? length : rng.int(21, length));
    const counter = this.smartGroupCounter(c.centreIndex);
    const firstMeeting = this.smartFirstMeeting(c.centreIndex);
    const firstIndex = Math.max(0, Math.ceil(daysBetween(firstMeeting, start) / 7));
    for (let k = firstIndex; ; k++) {
      const date = addDays(firstMeeting, 7 * k);
      if (date >= end || date >= this.options.asOf) break;
      if (rng.chance(0.6)) this.sink.add('group_attendance', { meetingId: this.meetingId(counter, k), enrolmentId: c.enrolmentId, municipalityId: this.municipalityId, status: 'present' });
    }
    return this.ended(c, start, completes, end, 'Stoppede i gruppen');
  }

  // --- HCS: closed 16-week courses; a citizen joins the centre's next course after the referral.

  private hcs(c: EnrolmentContext): EnrolmentOutcome {
    const { rng, protocol } = c;
    const weeks = protocol.courseWeeks ?? 16;
    const interval = 7 * this.courseIntervalWeeks;
    const firstCourse = nextWeekday(addDays(this.periodStart, -interval), 2 + (c.centreIndex % 3));
    const k = Math.ceil(daysBetween(firstCourse, addDays(c.referral, 7)) / interval);
    const startDate = addDays(firstCourse, k * interval);
    const counter = c.centreIndex * 10_000 + 1 + k;
    if (!this.courses.has(counter)) this.courses.set(counter, { counter, centre: c.centre, startDate });
    const groupId = syntheticId(this.options.seed, 'group', this.number, counter);
    this.sink.add('group_member', { groupId, enrolmentId: c.enrolmentId, municipalityId: this.municipalityId });
    if (startDate >= this.options.asOf) return { state: 'referred', startDate: null, endDate: null, endReason: null };

    const meetings = courseMeetings(startDate, COURSE_TIME.text, weeks);
    const completes = rng.chance(OUTCOME_MODEL.HCS.completion);
    const lastWeek = completes ? weeks : rng.int(1, weeks - 1);
    for (const meeting of meetings.slice(0, lastWeek)) {
      if (meeting.date >= this.options.asOf) break;
      const keen = completes ? 0.88 : 0.88 - (0.4 * meeting.number) / lastWeek;
      const status = rng.chance(keen) ? 'present' : rng.chance(0.6) ? 'absent' : 'excused';
      this.sink.add('group_attendance', { meetingId: this.meetingId(counter, meeting.number), enrolmentId: c.enrolmentId, municipalityId: this.municipalityId, status });
    }
    const lastMeeting = meetings[lastWeek - 1]?.date ?? startDate;
    return this.ended(c, startDate, completes, completes ? lastMeeting : addDays(lastMeeting, 7), 'Stoppede på holdet');
  }

  /** The courses that got members, with their meetings: held before the as-of date, planned after. */
  private courseRows(): void {
    const protocol = this.protocol('HCS');
    for (const course of [...this.courses.values()].sort((a, b) => a.counter - b.counter)) {
      const groupId = syntheticId(this.options.seed, 'group', this.number, course.counter);
      this.sink.add('treatment_group', {
        id: groupId, municipalityId: this.municipalityId, programmeId: protocol.id, centreId: course.centre.id, kind: 'course',
        name: `HCS-hold ${course.startDate}`, startDate: course.startDate, startTime: COURSE_TIME.text, place: course.centre.address, weekday: null,
      });
      for (const meeting of courseMeetings(course.startDate, COURSE_TIME.text, protocol.courseWeeks ?? 16)) {
        this.sink.add('group_meeting', {
          id: this.meetingId(course.counter, meeting.number), municipalityId: this.municipalityId, groupId, number: meeting.number,
          startsAt: localTime(meeting.date, COURSE_TIME.hour), durationMinutes: protocol.sessionMinutes ?? 150,
          status: meeting.date < this.options.asOf ? 'held' : 'planned', anonymousHeadcount: null,
        });
      }
    }
  }

  // --- Shared pieces.

  private session(c: EnrolmentContext, date: string, kind: string, sessionNumber: number | null, attendance: 'attended' | 'no-show' | 'cancelled', minutes: number): void {
    const { rng } = c;
    this.sink.add('treatment_session', {
      id: this.id('session'), municipalityId: this.municipalityId, enrolmentId: c.enrolmentId, citizenId: c.citizenId,
      startsAt: localTime(date, rng.int(8, 15), rng.pick([0, 30])), durationMinutes: Math.max(1, minutes),
      staffUserId: rng.chance(0.9) ? c.staffUserId : rng.pick(this.staff), kind, sessionNumber, attendance,
      note: attendance === 'attended' && rng.chance(0.03) ? 'Syntetisk notat: samtalen gik godt.' : null,
    });
  }

  /** Completed or dropped out on `end`, or still active when `end` has not come yet. */
  private ended(_c: EnrolmentContext, start: string, completes: boolean, end: string, dropReason: string): EnrolmentOutcome {
    if (end >= this.options.asOf) return { state: 'active', startDate: start, endDate: null, endReason: null };
    return completes
      ? { state: 'completed', startDate: start, endDate: end, endReason: null }
      : { state: 'dropped_out', startDate: start, endDate: end, endReason: dropReason };
  }

  /**
   * ASI at intake, at the end and at the protocol's follow-ups, with attrition: fewer of those who
   * dropped out are reached, and fewer at each later follow-up. Drug-free status follows the outcome
   * model; one random draw per enrolment keeps a citizen's timepoints consistent with each other.
   */
  /** Writes the ASI interviews; answers whether the citizen was drug-free at the end (null: not ended). */
  private assessments(c: EnrolmentContext, result: EnrolmentOutcome): boolean | null {
    if (!result.startDate) return null;
    const { rng, protocol } = c;
    const code = protocol.code;
    const model = OUTCOME_MODEL[code];
    const ended = hasEnded(result.state);
    const completed = result.state === 'completed';
    const recovery = rng.next();
    const baseSeverity = model.intakeSeverity + (rng.next() - 0.5) * 0.3;
    const substitution = code === 'SMART' ? rng.chance(0.3) : code === 'OUTREACH' || code === 'ICM' ? rng.chance(0.25) : false;

    const take = (timepoint: TimepointName, due: string, p: number, drugFreeP: number, improvement: number, withAttempts: boolean): void => {
      const window = protocol.followUpWindowDays;
      const date = maxDate(timepoint === 'intake' ? addDays(due, rng.int(-3, 7)) : addDays(due, rng.int(-10, 20)), c.referral);
      const taken = rng.chance(p) && date < this.options.asOf;
      if (withAttempts && addDays(due, -window) < this.options.asOf) this.attempts(c, timepoint, due, taken ? date : null);
      if (!taken) return;
      const drugFree = recovery < drugFreeP;
      const severity = baseSeverity * (drugFree ? 0.45 : 1 - improvement) + (rng.next() - 0.5) * 0.1;
      this.sink.add('assessment', {
        id: this.id('assessment'), municipalityId: this.municipalityId, enrolmentId: c.enrolmentId, citizenId: c.citizenId,
        timepoint, assessedOn: date, interviewerUserId: c.staffUserId,
        items: asiAnswers(rng, { programmeCode: code, severity, drugFree, substitution, leaveOneOut: rng.chance(0.04) }),
      });
    };

    take('intake', result.startDate, 0.95, model.drugFreeAtIntake, 0, false);
    let drugFreeAtEnd: boolean | null = null;
    if (ended && result.endDate) {
      const endP = completed ? model.drugFreeAtEnd : model.drugFreeAtEnd * 0.3;
      // Known to the staff at the end, interviewed or not (the same draw as the end interview's).
      drugFreeAtEnd = recovery < endP;
      take('end', result.endDate, completed ? 0.9 : 0.4, endP, 0.25, true);
      protocol.followUpMonths.forEach((months, i) => {
        const timepoint = `follow-up-${months}` as TimepointName;
        const reach = completed ? 0.75 - 0.1 * i : 0.3 - 0.05 * i;
        const drugFree = model.drugFreeAtFollowUp[String(months)] ?? model.drugFreeAtEnd;
        take(timepoint, addMonths(result.endDate as string, months), reach, completed ? drugFree : drugFree * 0.3, 0.3, true);
      });
    }
    // Ongoing registration ("løbende registrering", as the HCS description puts it): a progress
    // interview at each review while the citizen is in the programme; not every review is held.
    const review = PROGRESS_REVIEWS[code];
    const until = minDate(result.endDate ?? this.options.asOf, this.options.asOf);
    for (let date = addDays(result.startDate, review.everyDays); addDays(date, 20) < until; date = addDays(date, review.everyDays)) {
      if (rng.chance(review.held)) take('ad-hoc', date, 1, model.drugFreeAtEnd * 0.6, 0.15, false);
    }
    return drugFreeAtEnd;
  }

  /** Attempts to reach the citizen for a follow-up: some unanswered, the last reached when it was taken. */
  private attempts(c: EnrolmentContext, timepoint: TimepointName, due: string, takenOn: string | null): void {
    const { rng } = c;
    const add = (date: string, reached: boolean): void => {
      if (date >= this.options.asOf || date < c.referral) return;
      this.sink.add('follow_up_attempt', {
        id: this.id('attempt'), municipalityId: this.municipalityId, enrolmentId: c.enrolmentId, timepoint, attemptedOn: date,
        channel: rng.weighted(CHANNELS), reached, userId: c.staffUserId,
      });
    };
    const misses = takenOn ? rng.int(0, 2) : rng.int(1, 3);
    const first = addDays(takenOn ?? due, -7 * misses - rng.int(1, 5));
    for (let i = 0; i < misses; i++) add(addDays(first, 7 * i), false);
    if (takenOn) add(addDays(takenOn, -rng.int(0, 5)), true);
  }
}

interface EnrolmentContext {
  rng: Rng;
  citizenId: string;
  enrolmentId: string;
  staffUserId: string;
  centre: SyntheticCentre;
  centreIndex: number;
  protocol: ProgrammeProtocol;
  referral: string;
}

/**
 * How often a programme reviews a citizen with a progress ASI while they are in it, and the share
 * of reviews that are held. Course-length programmes (HCS's 16 weeks, MOVE's 12 sessions) meet it
 * once or twice (HCS every five to six weeks of its course); the open-ended ones (case management, outreach, SMART groups) every quarter.
 */
const PROGRESS_REVIEWS: Readonly<Record<ProgrammeCode, { everyDays: number; held: number }>> = {
  HCS: { everyDays: 38, held: 0.85 },
  MOVE: { everyDays: 35, held: 0.85 },
  ICM: { everyDays: 91, held: 0.9 },
  OUTREACH: { everyDays: 91, held: 0.8 },
  SMART: { everyDays: 91, held: 0.82 },
};

const maxDate = (a: string, b: string): string => (a > b ? a : b);
const minDate = (a: string, b: string): string => (a < b ? a : b);

/**
 * The register's end status of a synthetic course (docs/register.md): completed drug-free or with
 * reduced use (as the end interview's draw says), dropped out, or moved away (the transferred courses' reason); none while open or cancelled.
 */
export function registerEndStatus(state: EnrolmentStateName, drugFreeAtEnd: boolean | null): string | null {
  if (state === 'completed') return drugFreeAtEnd ? 'drug_free' : 'reduced';
  if (state === 'dropped_out') return 'dropped_out';
  if (state === 'transferred') return 'moved';
  return null;
}
