import { parseCpr, scoreAsi } from '@outcomes/domain';
import { DEMO_IDS } from '../demo/demo-ids';
import { generateMunicipality, planMunicipalities } from './generate';
import type { ProgrammeProtocol, Protocols } from './protocols';
import type { RowSink, SyntheticRows, SyntheticTable } from './rows';
import type { Scale } from './scales';
import { SCALES } from './scales';

/** The catalogue as the ProgrammeCatalogue migration stores it (the loader reads it from the table). */
const protocol = (p: Partial<ProgrammeProtocol> & Pick<ProgrammeProtocol, 'id' | 'code' | 'format'>): ProgrammeProtocol => ({
  expectedSessions: null, sessionMinutes: null, courseWeeks: null, followUpMonths: [], followUpWindowDays: 30, minAge: 18, maxAge: null, requiredAttestations: [], ...p,
});
const PROTOCOLS: Protocols = {
  SMART: protocol({ id: DEMO_IDS.programmes.smart, code: 'SMART', format: 'open-group', sessionMinutes: 90, requiredAttestations: ['finished-treatment', 'drug-free-or-stable-substitution'] }),
  HCS: protocol({ id: DEMO_IDS.programmes.hcs, code: 'HCS', format: 'closed-group', expectedSessions: 16, sessionMinutes: 150, courseWeeks: 16, followUpMonths: [3, 6] }),
  OUTREACH: protocol({ id: DEMO_IDS.programmes.outreach, code: 'OUTREACH', format: 'outreach' }),
  MOVE: protocol({ id: DEMO_IDS.programmes.move, code: 'MOVE', format: 'individual', expectedSessions: 12, followUpMonths: [6], minAge: 15, maxAge: 25 }),
  ICM: protocol({ id: DEMO_IDS.programmes.icm, code: 'ICM', format: 'case-management' }),
};
const AS_OF = '2026-06-01';

type Collected = { [T in SyntheticTable]: SyntheticRows[T][] };

function generate(scale: Scale, seed: number): Collected {
  const rows = {} as Record<SyntheticTable, unknown[]>;
  const sink: RowSink = {
    add(table, row) {
      (rows[table] ??= []).push(row);
    },
  };
  for (const plan of planMunicipalities(scale)) generateMunicipality({ seed, scale, asOf: AS_OF, protocols: PROTOCOLS }, plan, sink);
  return rows as Collected;
}

const groupBy = <T, K>(items: T[], key: (item: T) => K): Map<K, T[]> => {
  const map = new Map<K, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
};

describe('synthetic data generator', () => {
  const sut = generate(SCALES.demo, 42);
  const enrolments = new Map(sut.enrolment.map((e) => [e.id, e]));
  const citizens = new Map(sut.citizen.map((c) => [c.id, c]));
  const ofProgramme = (id: string) => sut.enrolment.filter((e) => e.programmeId === id);

  it('gives the same rows for the same seed and date, and other rows for another seed', () => {
    expect(generate(SCALES.demo, 42)).toEqual(sut);
    const other = generate(SCALES.demo, 43);
    expect(other.citizen.map((c) => c.cpr)).not.toEqual(sut.citizen.map((c) => c.cpr));
    expect(other.citizen[0]?.id).not.toEqual(sut.citizen[0]?.id);
  });

  it('makes the demo scale in the two demo municipalities, every id unique', () => {
    expect(sut.citizen).toHaveLength(SCALES.demo.citizens);
    expect(new Set(sut.citizen.map((c) => c.municipalityId))).toEqual(new Set([DEMO_IDS.municipalities.aarhus, DEMO_IDS.municipalities.odense]));
    const ids = [...sut.citizen, ...sut.enrolment, ...sut.treatment_session, ...sut.assessment, ...sut.group_meeting].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('writes valid CPR numbers, unique within a municipality', () => {
    const withCpr = sut.citizen.filter((c) => c.cpr !== null);
    for (const c of withCpr) {
      const parsed = parseCpr(c.cpr as string, AS_OF);
      expect(parsed.valid).toBe(true);
      if (parsed.valid) expect(parsed.info.sex).toBe(c.sex);
    }
    for (const list of groupBy(withCpr, (c) => c.municipalityId).values()) expect(new Set(list.map((c) => c.cpr)).size).toBe(list.length);
  });

  it('keeps at most one open enrolment per citizen and programme, and MOVE within its age range', () => {
    const open = sut.enrolment.filter((e) => e.state === 'referred' || e.state === 'active');
    expect(new Set(open.map((e) => `${e.citizenId}:${e.programmeId}`)).size).toBe(open.length);
    for (const e of ofProgramme(PROTOCOLS.MOVE.id)) {
      const age = Number(e.referralDate.slice(0, 4)) - (citizens.get(e.citizenId)?.birthYear ?? 0);
      expect(age).toBeGreaterThanOrEqual(15);
      expect(age).toBeLessThanOrEqual(26);
    }
  });

  it('gives MOVE completers exactly the protocol\'s 12 attended sessions, numbered 1-12, and nobody more', () => {
    const sessions = groupBy(sut.treatment_session.filter((s) => s.attendance === 'attended' && s.kind === 'move-session'), (s) => s.enrolmentId);
    const move = ofProgramme(PROTOCOLS.MOVE.id);
    expect(move.some((e) => e.state === 'completed')).toBe(true);
    for (const e of move) {
      const numbers = (sessions.get(e.id) ?? []).map((s) => s.sessionNumber);
      expect(numbers.length).toBeLessThanOrEqual(12);
      if (e.state === 'completed') expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    }
  });

  it('gives every course that started and ended the register\'s end status, and no other course one', () => {
    // The groups of docs/register.md: completed drug-free or with reduced use, dropped out, moved away.
    const wanted: Record<string, string[]> = { completed: ['drug_free', 'reduced'], dropped_out: ['dropped_out'], transferred: ['moved'] };
    for (const e of sut.enrolment) {
      if (wanted[e.state]) expect(wanted[e.state]).toContain(e.endStatus);
      else expect(e.endStatus).toBeNull();
    }
    const completed = sut.enrolment.filter((e) => e.state === 'completed');
    expect(completed.some((e) => e.endStatus === 'drug_free') && completed.some((e) => e.endStatus === 'reduced')).toBe(true);
  });

  it('puts sessions and attendance inside the enrolment and before the as-of date', () => {
    for (const s of sut.treatment_session) {
      const e = enrolments.get(s.enrolmentId);
      expect(e?.citizenId).toBe(s.citizenId);
      expect(s.startsAt.slice(0, 10) < AS_OF).toBe(true);
      expect(s.startsAt.slice(0, 10) >= (e?.startDate ?? '9999')).toBe(true);
      if (e?.endDate) expect(s.startsAt.slice(0, 10) <= e.endDate).toBe(true);
    }
  });

  it('runs HCS as 16-week courses: every started enrolment in one course, attendance only at its own course\'s held meetings', () => {
    const meetings = new Map(sut.group_meeting.map((m) => [m.id, m]));
    const courses = sut.treatment_group.filter((g) => g.kind === 'course');
    for (const course of courses) expect(sut.group_meeting.filter((m) => m.groupId === course.id)).toHaveLength(16);
    const memberOf = new Map(sut.group_member.map((m) => [m.enrolmentId, m.groupId]));
    for (const e of ofProgramme(PROTOCOLS.HCS.id).filter((x) => x.startDate)) {
      const groupId = memberOf.get(e.id);
      expect(courses.find((c) => c.id === groupId)?.startDate).toBe(e.startDate);
      if (e.state === 'completed') {
        const last = sut.group_meeting.find((m) => m.groupId === groupId && m.number === 16);
        expect(last?.startsAt.slice(0, 10)).toBe(e.endDate);
      }
    }
    for (const a of sut.group_attendance) {
      const meeting = meetings.get(a.meetingId);
      expect(meeting?.status).toBe('held');
      const e = enrolments.get(a.enrolmentId);
      if (e?.programmeId === PROTOCOLS.HCS.id) expect(meeting?.groupId).toBe(memberOf.get(a.enrolmentId));
    }
  });

  it('assesses only at the protocol\'s timepoints, once each, between referral and the as-of date', () => {
    for (const [enrolmentId, list] of groupBy(sut.assessment, (a) => a.enrolmentId)) {
      const e = enrolments.get(enrolmentId);
      const code = (Object.values(PROTOCOLS) as ProgrammeProtocol[]).find((p) => p.id === e?.programmeId);
      // 'ad-hoc': the progress reviews every programme holds while the citizen is in it.
      const allowed = ['intake', 'end', ...(code?.followUpMonths ?? []).map((m) => `follow-up-${m}`), 'ad-hoc'];
      const scheduled = list.filter((a) => a.timepoint !== 'ad-hoc');
      expect(new Set(scheduled.map((a) => a.timepoint)).size).toBe(scheduled.length);
      for (const a of list) {
        expect(allowed).toContain(a.timepoint);
        expect(a.assessedOn >= (e?.referralDate ?? '')).toBe(true);
        expect(a.assessedOn < AS_OF).toBe(true);
        if (a.timepoint !== 'intake' && a.timepoint !== 'ad-hoc') expect(['completed', 'dropped_out']).toContain(e?.state);
        if (a.timepoint === 'ad-hoc') {
          expect(a.assessedOn > (e?.startDate ?? '9999')).toBe(true);
          expect(a.assessedOn <= (e?.endDate ?? AS_OF)).toBe(true);
        }
      }
    }
  });

  it('holds progress reviews in every programme, as well as intake, end and follow-up interviews', () => {
    const programmeOf = (a: { enrolmentId: string }) => enrolments.get(a.enrolmentId)?.programmeId;
    const reviewed = new Set(sut.assessment.filter((a) => a.timepoint === 'ad-hoc').map(programmeOf));
    expect(reviewed).toEqual(new Set(Object.values(PROTOCOLS).map((p: ProgrammeProtocol) => p.id)));
  });
});

describe('synthetic outcomes at the municipality scale', () => {
  const sut = generate(SCALES.municipality, 7);
  const completed = new Map(sut.enrolment.filter((e) => e.state === 'completed').map((e) => [e.id, e.programmeId]));
  const drugFreeShare = (programmeId: string, timepoint: string): { n: number; share: number } => {
    const scored = sut.assessment
      .filter((a) => completed.get(a.enrolmentId) === programmeId && a.timepoint === timepoint)
      .map((a) => scoreAsi(a.items).drugFree.value)
      .filter((v): v is boolean => v !== null);
    return { n: scored.length, share: scored.filter(Boolean).length / scored.length };
  };

  it('has about 2,000 citizens and half again as many enrolments', () => {
    expect(sut.citizen).toHaveLength(2_000);
    expect(sut.enrolment.length).toBeGreaterThan(2_600);
    expect(sut.enrolment.length).toBeLessThan(3_200);
  });

  it('has about half of MOVE completers drug-free nine months after the start (the 6-month follow-up)', () => {
    const { n, share } = drugFreeShare(DEMO_IDS.programmes.move, 'follow-up-6');
    expect(n).toBeGreaterThan(100);
    expect(share).toBeGreaterThan(0.4);
    expect(share).toBeLessThan(0.6);
  });

  it('has about a third of HCS completers drug-free at the end', () => {
    const { n, share } = drugFreeShare(DEMO_IDS.programmes.hcs, 'end');
    expect(n).toBeGreaterThan(150);
    expect(share).toBeGreaterThan(0.26);
    expect(share).toBeLessThan(0.42);
  });

  it('loses people to follow-up: fewer assessed at each later timepoint', () => {
    const count = (tp: string) => sut.assessment.filter((a) => completed.get(a.enrolmentId) === DEMO_IDS.programmes.hcs && a.timepoint === tp).length;
    expect(count('end')).toBeGreaterThan(count('follow-up-3'));
    expect(count('follow-up-3')).toBeGreaterThan(count('follow-up-6'));
  });
});
