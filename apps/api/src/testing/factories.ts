import { randomInt } from 'node:crypto';
import { COMPOSITE_DOMAINS } from '@outcomes/contracts';
import type { Attendance, EnrolmentState, GroupAttendance, Timepoint } from '@outcomes/contracts';
import { danishDaysFromToday, nameTokens, scoreAsi } from '@outcomes/domain';
import { DEMO_IDS, sampleAsiItems } from '@outcomes/seeds';
import type { EntityManager } from 'typeorm';
import { AssessmentEntity } from '../assessments/assessment.entity';
import { CitizenEntity } from '../citizens/citizen.entity';
import type { IdentifierCrypto } from '../common/crypto/identifier-crypto';
import { EnrolmentEntity, EnrolmentTransitionEntity } from '../enrolments/enrolment.entity';
import { GroupAttendanceEntity, GroupEntity, GroupMeetingEntity, GroupMemberEntity } from '../groups/group.entity';
import { TreatmentSessionEntity } from '../sessions/session.entity';
import type { Town } from './medium';

/**
 * Rows written straight into the tables with the entities, as the database owner in the test's
 * transaction: the records a rule needs around it, without the requests that would make them. The
 * demo municipalities, centres, users and the national programmes come from seeds/ (DEMO_IDS);
 * personal data is encrypted and hashed with the app's own IdentifierCrypto, field by field as
 * CitizensService writes it, so the services read these rows as their own.
 */
export class Factories {
  constructor(
    private readonly owner: () => EntityManager,
    private readonly crypto: IdentifierCrypto,
  ) {}

  /** The Danish date `days` from today (negative: before). */
  static day(days: number): string {
    return danishDaysFromToday(days);
  }

  /**
   * A valid CPR number of someone born on `birthDate` (1900-1999 or 2000-2036), with a serial random
   * enough not to repeat within a run (the municipality's CPR numbers are unique).
   */
  static cpr(birthDate: string): string {
    const [y, m, d] = birthDate.split('-') as [string, string, string];
    const year = Number(y);
    // The 7th digit and the century: 0-3 is the 1900s; 4 gives 2000-2036 for YY 00-36.
    const seventh = year < 2000 ? randomInt(4) : 4;
    return `${d}${m}${y.slice(2)}${seventh}${String(randomInt(1000)).padStart(3, '0')}`;
  }

  async citizen(town: Town, input: { birthDate?: string; firstName?: string; lastName?: string; anonymous?: boolean } = {}): Promise<CitizenEntity> {
    // Born on a random day of 1970 unless told: one fixed day left 4,000 serials for every factory
    // citizen of a run, and the shared integration database met a repeat (the unique CPR number).
    const cpr = input.anonymous ? null : Factories.cpr(input.birthDate ?? new Date(Date.UTC(1970, 0, 1 + randomInt(365))).toISOString().slice(0, 10));
    const firstName = input.firstName ?? 'Karen';
    const lastName = input.lastName ?? `Testesen ${randomInt(1e6)}`;
    const c = this.crypto;
    return this.owner().save(
      this.owner().create(CitizenEntity, {
        municipalityId: DEMO_IDS.municipalities[town],
        cprEncrypted: cpr && c.encrypt('cpr', cpr),
        cprHash: cpr && c.blindIndex('cpr', cpr),
        cprReplacement: false,
        firstNameEncrypted: c.encrypt('first_name', firstName),
        lastNameEncrypted: c.encrypt('last_name', lastName),
        nameTokens: nameTokens(firstName, lastName).map((t) => c.blindIndex('name', t)),
        birthYear: cpr ? Number((input.birthDate ?? '1970').slice(0, 4)) : null,
      }),
    );
  }

  /**
   * An enrolment of a (new, unless given) citizen in a programme at the town's first demo centre,
   * with its transitions: referred on `referralDate`, active from `startDate`, ended on `endDate`.
   */
  async enrolment(
    town: Town,
    input: {
      programme?: keyof typeof DEMO_IDS.programmes;
      citizen?: CitizenEntity;
      state?: EnrolmentState;
      referralDate?: string;
      startDate?: string | null;
      endDate?: string | null;
    } = {},
  ): Promise<EnrolmentEntity> {
    const state = input.state ?? 'active';
    const citizen = input.citizen ?? (await this.citizen(town));
    const referralDate = input.referralDate ?? Factories.day(-60);
    const startDate = state === 'referred' || state === 'cancelled' ? null : (input.startDate ?? Factories.day(-50));
    const endDate = state === 'referred' || state === 'active' ? null : (input.endDate ?? Factories.day(-10));
    const staffUserId = DEMO_IDS.users[town].staff;
    const enrolment = await this.owner().save(
      this.owner().create(EnrolmentEntity, {
        municipalityId: citizen.municipalityId,
        citizenId: citizen.id,
        programmeId: DEMO_IDS.programmes[input.programme ?? 'hcs'],
        centreId: town === 'odense' ? DEMO_IDS.centres.odenseSyd : DEMO_IDS.centres.aarhusCentrum,
        staffUserId,
        referralDate,
        startDate,
        endDate,
        state,
      }),
    );
    const steps: { from: EnrolmentState | null; to: EnrolmentState; on: string }[] = [{ from: null, to: 'referred', on: referralDate }];
    if (startDate) steps.push({ from: 'referred', to: 'active', on: startDate });
    if (endDate) steps.push({ from: startDate ? 'active' : 'referred', to: state, on: endDate });
    for (const s of steps) {
      await this.owner().insert(EnrolmentTransitionEntity, {
        municipalityId: enrolment.municipalityId, enrolmentId: enrolment.id, fromState: s.from, toState: s.to, onDate: s.on, reason: null, userId: staffUserId,
      });
    }
    return enrolment;
  }

  /** An individual session of the enrolment, `daysAgo` Danish days ago at 10:00 UTC. */
  async session(enrolment: EnrolmentEntity, attendance: Attendance, daysAgo = 1): Promise<TreatmentSessionEntity> {
    return this.owner().save(
      this.owner().create(TreatmentSessionEntity, {
        municipalityId: enrolment.municipalityId,
        enrolmentId: enrolment.id,
        citizenId: enrolment.citizenId,
        startsAt: new Date(`${Factories.day(-daysAgo)}T10:00:00Z`),
        durationMinutes: 60,
        staffUserId: enrolment.staffUserId as string,
        kind: 'individual',
        sessionNumber: null,
        attendance,
        noteEncrypted: null,
      }),
    );
  }

  /**
   * A group course of the enrolments' programme with them as members and `meetings` held meetings,
   * one a week back from yesterday; `attendance[m][i]` is member i's status at meeting m (present
   * when not given). Answers the group and its meetings, oldest first.
   */
  async courseWithMembers(
    enrolments: EnrolmentEntity[],
    meetings: number,
    attendance: (GroupAttendance | null)[][] = [],
  ): Promise<{ group: GroupEntity; meetings: GroupMeetingEntity[] }> {
    const first = enrolments[0];
    if (!first) throw new Error('a course needs at least one member');
    const group = await this.owner().save(
      this.owner().create(GroupEntity, {
        municipalityId: first.municipalityId,
        programmeId: first.programmeId,
        centreId: first.centreId,
        kind: 'course',
        name: `Kursus ${randomInt(1e6)}`,
        startDate: Factories.day(-7 * meetings),
        startTime: '17:00',
        place: null,
        weekday: null,
      }),
    );
    await this.members(group.id, enrolments);
    const held: GroupMeetingEntity[] = [];
    for (let m = 0; m < meetings; m++) {
      const meeting = await this.owner().save(
        this.owner().create(GroupMeetingEntity, {
          municipalityId: group.municipalityId,
          groupId: group.id,
          number: m + 1,
          startsAt: new Date(`${Factories.day(-1 - 7 * (meetings - 1 - m))}T15:00:00Z`),
          durationMinutes: 120,
          status: 'held',
        }),
      );
      held.push(meeting);
      const rows = enrolments
        .map((e, i) => ({ meetingId: meeting.id, enrolmentId: e.id, municipalityId: e.municipalityId, status: attendance[m]?.[i] === undefined ? 'present' : attendance[m]?.[i] }))
        .filter((r): r is { meetingId: string; enrolmentId: string; municipalityId: string; status: GroupAttendance } => r.status !== null);
      if (rows.length > 0) await this.owner().insert(GroupAttendanceEntity, rows);
    }
    return { group, meetings: held };
  }

  /** The enrolments as members of the group (of the same municipality), without the API's membership rules. */
  async members(groupId: string, enrolments: EnrolmentEntity[]): Promise<void> {
    if (enrolments.length === 0) return;
    await this.owner().insert(GroupMemberEntity, enrolments.map((e) => ({ groupId, enrolmentId: e.id, municipalityId: e.municipalityId })));
  }

  /** An ASI interview of the enrolment from seeds' sampleAsiItems, scored by libs/domain as the service scores it. */
  async assessment(enrolment: EnrolmentEntity, timepoint: Timepoint, assessedOn: string, sample: { drugDays: number; distress: number } = { drugDays: 12, distress: 2 }): Promise<AssessmentEntity> {
    const items = sampleAsiItems(sample.drugDays, sample.distress);
    const score = scoreAsi(items);
    return this.owner().save(
      this.owner().create(AssessmentEntity, {
        municipalityId: enrolment.municipalityId,
        enrolmentId: enrolment.id,
        citizenId: enrolment.citizenId,
        timepoint,
        assessedOn,
        interviewerUserId: enrolment.staffUserId as string,
        items,
        ...Object.fromEntries(COMPOSITE_DOMAINS.map((d) => [d, score.composites[d].value])),
        missing: {},
        drugFree: score.drugFree.value,
      }),
    );
  }
}
