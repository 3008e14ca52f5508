import type { ApiErrorBody, CaseDecision, CaseRequest, CaseRequestCreated, Enrolment, GuaranteeFigures } from '@outcomes/contracts';
import { DEMO_IDS } from '@outcomes/seeds';
import { createCitizen, staff } from './support/fixtures';
import type { Town } from './support/fixtures';
import { asAppRole, baseUrl, call, closeDb, countRows, db, listPath, tokenFor } from './support/http';
import { daysFromToday } from './support/dates';
import { pdfText } from './support/pdf-text';

afterAll(closeDb);

/**
 * Requests (henvendelser), the 14-day treatment guarantee and written decisions (issue 21; the rules
 * in docs/domain.md, "The legal case record"). The expected values are counted on a calendar by hand:
 * a request on 3 November 2025 has 17 November (3 + 14; November has 30 days) as the last day.
 */

type Req = CaseRequest & ApiErrorBody;
const CENTRE: Record<Town, string> = { aarhus: DEMO_IDS.centres.aarhusCentrum, odense: DEMO_IDS.centres.odenseSyd };

async function request(citizenId: string, requestedOn: string, extra: Record<string, unknown> = {}, as: string = staff.aarhus) {
  return call<CaseRequestCreated & ApiErrorBody>('POST', '/api/case-requests', { citizenId, requestedOn, channel: 'phone', ...extra }, { as });
}

async function newRequest(requestedOn: string, town: Town = 'aarhus'): Promise<CaseRequest> {
  const citizen = await createCitizen(town);
  const res = await request(citizen.id, requestedOn, {}, staff[town]);
  if (res.status !== 201) throw new Error(`fixture request answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

async function linkedEnrolment(req: CaseRequest, referralDate = req.requestedOn): Promise<Enrolment> {
  const res = await call<Enrolment>('POST', '/api/enrolments', { citizenId: req.citizenId, programmeId: DEMO_IDS.programmes.icm, centreId: CENTRE.aarhus, referralDate, caseRequestId: req.id }, { as: staff.aarhus });
  if (res.status !== 201) throw new Error(`fixture enrolment answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

const start = (enrolment: Enrolment, date: string, reason?: string) =>
  call<Enrolment & ApiErrorBody>('POST', `/api/enrolments/${enrolment.id}/transitions`, { to: 'active', date, version: enrolment.version, ...(reason ? { reason } : {}) }, { as: staff.aarhus });

const get = async (id: string, as: string = staff.aarhus) => call<Req>('GET', `/api/case-requests/${id}`, undefined, { as });

describe('the request (henvendelse)', () => {
  it('registers a request with its channel and the six areas of the assessment, encrypted at rest', async () => {
    const citizen = await createCitizen('aarhus');
    const assessment = { drugsAndAlcohol: 'Dagligt hashforbrug', socialSituation: 'Bor alene', health: 'Søvnproblemer', workOrEducation: 'Sygemeldt', housing: 'Lejebolig', otherHelp: 'Ingen' };
    const sut = await request(citizen.id, daysFromToday(-1), { channel: 'via-treatment-place', receivedByCentreId: CENTRE.aarhus, assessment });
    expect(sut.status).toBe(201);
    expect(sut.body).toMatchObject({ joined: false, status: 'open', channel: 'via-treatment-place', receivedByCentreId: CENTRE.aarhus, assessment, enrolmentIds: [] });
    const stored = await db().query<{ assessment_encrypted: string }>('SELECT assessment_encrypted FROM case_request WHERE id = $1', [sut.body.id]);
    expect(stored.rows[0]?.assessment_encrypted).not.toContain('hash');
    const logged = await db().query("SELECT action FROM access_log WHERE resource = 'case-requests' AND citizen_id = $1", [citizen.id]);
    expect(logged.rows).toEqual([{ action: 'create' }]);
  });

  it.each([
    ['an unknown channel', { channel: 'fax' }, 'channel'],
    ['a date in the future', { requestedOn: daysFromToday(2) }, 'requestedOn'],
    ['an invalid date', { requestedOn: '2025-02-30' }, 'requestedOn'],
    ['an assessment area that is not a text', { assessment: { housing: 5 } }, 'assessment.housing'],
  ])('refuses %s (400 naming the field), writing nothing', async (_label, extra, field) => {
    const citizen = await createCitizen('aarhus');
    const before = await countRows('case_request');
    const sut = await request(citizen.id, daysFromToday(-1), extra);
    expect(sut.status).toBe(400);
    expect(Object.keys(sut.body.errors ?? {}).join(' ')).toContain(field);
    expect(await countRows('case_request')).toBe(before);
  });

  it('joins a request 10 days after the open one to it (200, joined), refuses one 11+ days apart (409) until the open one is closed', async () => {
    const citizen = await createCitizen('aarhus');
    const first = await request(citizen.id, '2025-10-01');
    expect(first.status).toBe(201);
    const tenDaysLater = await request(citizen.id, '2025-10-11', { channel: 'personal' });
    expect(tenDaysLater.status).toBe(200);
    expect(tenDaysLater.body).toMatchObject({ id: first.body.id, joined: true, requestedOn: '2025-10-01', channel: 'phone' });
    expect(tenDaysLater.body.joinedRequests).toMatchObject([{ requestedOn: '2025-10-11', channel: 'personal' }]);
    const elevenDays = await request(citizen.id, '2025-10-12');
    expect(elevenDays.status).toBe(409);
    expect(elevenDays.body.errors).toHaveProperty('requestedOn');
    expect(Number((await db().query<{ n: string }>('SELECT count(*) AS n FROM case_request WHERE citizen_id = $1', [citizen.id])).rows[0]?.n)).toBe(1);
    const closed = await call<Req>('PUT', `/api/case-requests/${first.body.id}`, { status: 'closed', closedOn: '2025-10-20', version: tenDaysLater.body.version }, { as: staff.aarhus });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', closedOn: '2025-10-20' });
    const again = await request(citizen.id, '2025-11-01');
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(first.body.id);
  });

  it('answers 409 to a stale edit', async () => {
    const req = await newRequest(daysFromToday(-2));
    expect((await call('PUT', `/api/case-requests/${req.id}`, { status: 'open', doctorConversationOn: daysFromToday(-1), version: req.version }, { as: staff.aarhus })).status).toBe(200);
    const stale = await call<ApiErrorBody>('PUT', `/api/case-requests/${req.id}`, { status: 'open', version: req.version }, { as: staff.aarhus });
    expect(stale.status).toBe(409);
  });
});

describe('the 14-day treatment guarantee (calendar days; the 14th day is the last)', () => {
  it.each([
    ['2025-11-16', 13, 'met'],
    ['2025-11-17', 14, 'met'],
  ])('a start on %s, %i days after a request of 3 November, is within the guarantee', async (startDate, days, status) => {
    const req = await newRequest('2025-11-03');
    const started = await start(await linkedEnrolment(req), startDate);
    expect(started.status).toBe(200);
    expect(started.body.caseRequestId).toBe(req.id);
    expect((await get(req.id)).body.guarantee).toEqual({ status, deadline: '2025-11-17', daysLeft: null, daysToStart: days, startDate, reasonMissing: false });
  });

  it('a start on 18 November, 15 days after, misses it: the reason is required (400 naming reason) and then kept', async () => {
    const req = await newRequest('2025-11-03');
    const enrolment = await linkedEnrolment(req);
    const refused = await start(enrolment, '2025-11-18');
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.['reason']).toContain('2025-11-17');
    expect((await call<Enrolment>('GET', `/api/enrolments/${enrolment.id}`, undefined, { as: staff.aarhus })).body.state).toBe('referred');
    const started = await start(enrolment, '2025-11-18', 'Ingen ledig plads før');
    expect(started.status).toBe(200);
    expect((await get(req.id)).body).toMatchObject({ missedReason: 'Ingen ledig plads før', guarantee: { status: 'missed', daysToStart: 15, reasonMissing: false } });
  });

  it('refuses a start before the request date (400 naming startDate and the rule), writing nothing', async () => {
    const req = await newRequest('2025-11-03');
    const enrolment = await linkedEnrolment(req, '2025-11-01');
    const sut = await start(enrolment, '2025-11-02');
    expect(sut.status).toBe(400);
    expect(sut.body.errors?.['date']).toMatch(/startDate must not be before the request date \(2025-11-03\)/);
    const row = await db().query<{ state: string; start_date: string | null }>('SELECT state, start_date FROM enrolment WHERE id = $1', [enrolment.id]);
    expect(row.rows[0]).toEqual({ state: 'referred', start_date: null });
  });

  it('counts down while treatment has not started (3 days left), then is overdue with the reason missing until recorded', async () => {
    const running = await newRequest(daysFromToday(-11));
    expect(running.guarantee).toMatchObject({ status: 'running', daysLeft: 3, deadline: daysFromToday(3) });
    const lastDay = await newRequest(daysFromToday(-14));
    expect(lastDay.guarantee).toMatchObject({ status: 'running', daysLeft: 0 });
    const overdue = await newRequest(daysFromToday(-15));
    expect(overdue.guarantee).toMatchObject({ status: 'overdue', daysLeft: -1, reasonMissing: true });
    const recorded = await call<Req>('PUT', `/api/case-requests/${overdue.id}`, { status: 'open', missedReason: 'Borgeren udeblev fra to aftaler', version: overdue.version }, { as: staff.aarhus });
    expect(recorded.status).toBe(200);
    expect(recorded.body.guarantee).toMatchObject({ status: 'overdue', reasonMissing: false });
    const cleared = await call<Req>('PUT', `/api/case-requests/${overdue.id}`, { status: 'open', missedReason: null, version: recorded.body.version }, { as: staff.aarhus });
    expect(cleared.status).toBe(400);
    expect(cleared.body.errors).toHaveProperty('missedReason');
  });

  it('is waived when the citizen chose another place under free choice (§ 101 stk. 6): a late start then needs no reason', async () => {
    const req = await newRequest('2025-11-03');
    const waived = await call<Req>('PUT', `/api/case-requests/${req.id}`, { status: 'open', waiverOn: '2025-11-05', doctorConversationOn: '2025-11-10', version: req.version }, { as: staff.aarhus });
    expect(waived.status).toBe(200);
    expect(waived.body).toMatchObject({ waiverOn: '2025-11-05', doctorConversationOn: '2025-11-10', guarantee: { status: 'waived' } });
    expect((await start(await linkedEnrolment(req), '2025-11-25')).status).toBe(200);
    expect((await get(req.id)).body.guarantee).toMatchObject({ status: 'waived', daysToStart: 22, reasonMissing: false });
  });

  it('refuses a waiver or a doctor’s conversation dated before the request', async () => {
    const req = await newRequest('2025-11-03');
    for (const field of ['waiverOn', 'doctorConversationOn']) {
      const sut = await call<ApiErrorBody>('PUT', `/api/case-requests/${req.id}`, { status: 'open', [field]: '2025-11-02', version: req.version }, { as: staff.aarhus });
      expect(sut.status).toBe(400);
      expect(sut.body.errors).toHaveProperty(field);
    }
  });

  it('gives the period’s figures: share started within the guarantee and the median days (hand-counted)', async () => {
    // February 2024: met after 3 and 14 days, missed after 15 days, one waived, one never started (overdue).
    const met3 = await newRequest('2024-02-01');
    await start(await linkedEnrolment(met3), '2024-02-04');
    const met14 = await newRequest('2024-02-05');
    await start(await linkedEnrolment(met14), '2024-02-19');
    const missed = await newRequest('2024-02-10');
    await start(await linkedEnrolment(missed), '2024-02-25', 'Venteliste');
    const waived = await newRequest('2024-02-12');
    await call('PUT', `/api/case-requests/${waived.id}`, { status: 'open', waiverOn: '2024-02-13', version: waived.version }, { as: staff.aarhus });
    await newRequest('2024-02-20');
    // Odense's requests of the same month are not Aarhus's figures.
    await newRequest('2024-02-03', 'odense');
    const expected = {
      municipalityId: DEMO_IDS.municipalities.aarhus, from: '2024-02-01', to: '2024-02-29', guaranteeDays: 14,
      requests: 5, met: 2, missed: 1, overdue: 1, running: 0, waived: 1, anonymousLeftOut: 0, shareWithin: 0.5, medianDays: 14,
    };
    const sut = await call<GuaranteeFigures>('GET', '/api/guarantee-figures?from=2024-02-01&to=2024-02-29', undefined, { as: staff.aarhus });
    expect(sut.status).toBe(200);
    expect(sut.body).toEqual(expected);
    // The management (the municipality's admin) sees the same figures, and nothing but them.
    const management = await call<GuaranteeFigures>('GET', '/api/guarantee-figures?from=2024-02-01&to=2024-02-29', undefined, { as: 'admin@aarhus.demo' });
    expect(management.status).toBe(200);
    expect(management.body).toEqual(expected);
    const missing = await call<ApiErrorBody>('GET', '/api/guarantee-figures?from=2024-02-01', undefined, { as: 'admin@aarhus.demo' });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toHaveProperty('to');
    const backwards = await call<ApiErrorBody>('GET', '/api/guarantee-figures?from=2024-02-29&to=2024-02-01', undefined, { as: 'admin@aarhus.demo' });
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors).toHaveProperty('to');
  });

  it('gives the management no request, and its figures read no citizen into the access log', async () => {
    const req = await newRequest('2024-03-04');
    const before = await db().query<{ n: string }>("SELECT max(seq)::text AS n FROM access_log");
    const figures = await call<GuaranteeFigures>('GET', '/api/guarantee-figures?from=2024-03-04&to=2024-03-04', undefined, { as: 'admin@aarhus.demo' });
    expect(figures.status).toBe(200);
    expect(figures.body.requests).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(figures.body)).not.toContain(req.citizenId);
    const logged = await db().query("SELECT 1 FROM access_log WHERE seq > $1 AND (citizen_id = $2 OR $2 = ANY(citizen_ids))", [before.rows[0]?.n ?? '0', req.citizenId]);
    expect(logged.rows).toEqual([]);
    expect((await get(req.id, 'admin@aarhus.demo')).status).toBe(403);
    expect((await call('GET', listPath('case-requests', { range: [0, 9] }), undefined, { as: 'admin@aarhus.demo' })).status).toBe(403);
  });
});

describe('linking an enrolment made before its request was recorded', () => {
  /** An enrolment of the request's citizen without a request, referred and (if a start is given) started. */
  async function unlinked(citizenId: string, referralDate: string, startDate: string | null, town: Town = 'aarhus'): Promise<Enrolment> {
    const made = await call<Enrolment>('POST', '/api/enrolments', { citizenId, programmeId: DEMO_IDS.programmes.icm, centreId: CENTRE[town], referralDate }, { as: staff[town] });
    if (made.status !== 201) throw new Error(`fixture enrolment answered ${made.status}: ${JSON.stringify(made.body)}`);
    if (startDate === null) return made.body;
    const started = await call<Enrolment>('POST', `/api/enrolments/${made.body.id}/transitions`, { to: 'active', date: startDate, version: made.body.version }, { as: staff[town] });
    if (started.status !== 200) throw new Error(`fixture start answered ${started.status}: ${JSON.stringify(started.body)}`);
    return started.body;
  }

  const link = (enrolment: Enrolment, caseRequestId: string, extra: Record<string, unknown> = {}, as: string = staff.aarhus) =>
    call<Enrolment & ApiErrorBody>('POST', `/api/enrolments/${enrolment.id}/case-request`, { caseRequestId, version: enrolment.version, ...extra }, { as });

  const linkOf = async (enrolmentId: string): Promise<string | null> =>
    ((await db().query<{ case_request_id: string | null }>('SELECT case_request_id FROM enrolment WHERE id = $1', [enrolmentId])).rows[0]?.case_request_id ?? null);

  it('stops the guarantee clock at that enrolment’s start, and logs the change with the citizen', async () => {
    // Started on 6 October 2025; the request of 1 October was recorded afterwards: overdue until linked (last day 15 October).
    const citizen = await createCitizen('aarhus');
    const enrolment = await unlinked(citizen.id, '2025-10-02', '2025-10-06');
    const made = await request(citizen.id, '2025-10-01');
    expect(made.status).toBe(201);
    expect((await get(made.body.id)).body.guarantee).toMatchObject({ status: 'overdue', startDate: null, deadline: '2025-10-15' });
    const before = (await db().query<{ seq: string }>('SELECT max(seq)::text AS seq FROM access_log')).rows[0]?.seq ?? '0';
    const sut = await link(enrolment, made.body.id);
    expect(sut.status).toBe(200);
    expect(sut.body).toMatchObject({ id: enrolment.id, caseRequestId: made.body.id, startDate: '2025-10-06', version: enrolment.version + 1 });
    const after = await get(made.body.id);
    expect(after.body.guarantee).toMatchObject({ status: 'met', startDate: '2025-10-06', daysToStart: 5, deadline: '2025-10-15' });
    expect(after.body.enrolmentIds).toEqual([enrolment.id]);
    const logged = await db().query<{ action: string; outcome: string }>("SELECT action, outcome FROM access_log WHERE seq > $3 AND resource = 'enrolments' AND record_id = $1 AND citizen_id = $2", [enrolment.id, citizen.id, before]);
    expect(logged.rows).toEqual([{ action: 'update', outcome: 'ok' }]);
  });

  it('refuses to link an enrolment to a request of the other kind (§ 101 and anonymous § 101 a), and writes nothing', async () => {
    const citizen = await createCitizen('aarhus', { cpr: null, birthYear: 1980, sex: 'female' });
    const anonymous = await request(citizen.id, '2025-09-01', { courseKind: 'sel-101a' });
    expect(anonymous.status).toBe(201);
    const made = await call<Enrolment>('POST', '/api/enrolments', { citizenId: citizen.id, programmeId: DEMO_IDS.programmes.icm, centreId: CENTRE.aarhus, referralDate: '2025-09-02', eligibilityOverride: 'Ingen CPR-alder: vurderet egnet af behandleren' }, { as: staff.aarhus });
    expect(made.body).toMatchObject({ courseKind: 'sel-101', caseRequestId: null });

    const sut = await link(made.body, anonymous.body.id);

    expect(sut.status).toBe(409);
    expect(sut.body.code).toBe('ANONYMOUS_TREATMENT');
    expect(Object.keys(sut.body.errors ?? {})).toEqual(['caseRequestId']);
    expect(await linkOf(made.body.id)).toBeNull();
  });

  it('links a referred enrolment (no start yet): the clock runs on until it starts', async () => {
    const req = await newRequest(daysFromToday(-3));
    const enrolment = await unlinked(req.citizenId, daysFromToday(-2), null);
    expect((await link(enrolment, req.id)).status).toBe(200);
    expect((await get(req.id)).body.guarantee).toMatchObject({ status: 'running', startDate: null, daysLeft: 11 });
  });

  it('asks for the reason when the start was after the guarantee’s last day, and keeps it on the request', async () => {
    // Request 3 November 2025, last day 17 November; started 20 November.
    const citizen = await createCitizen('aarhus');
    const enrolment = await unlinked(citizen.id, '2025-11-04', '2025-11-20');
    const req = (await request(citizen.id, '2025-11-03')).body;
    const without = await link(enrolment, req.id);
    expect(without.status).toBe(400);
    expect(without.body.errors).toHaveProperty('reason');
    expect(await linkOf(enrolment.id)).toBeNull();
    const sut = await link(enrolment, req.id, { reason: 'Ventetid på behandlingsstedet' });
    expect(sut.status).toBe(200);
    expect((await get(req.id)).body).toMatchObject({ missedReason: 'Ventetid på behandlingsstedet', guarantee: { status: 'missed', daysToStart: 17, reasonMissing: false } });
  });

  it('refuses a stale version (409) and writes nothing', async () => {
    const req = await newRequest(daysFromToday(-3));
    // Started after it was loaded: the version loaded (before the start) is stale.
    const enrolment = await unlinked(req.citizenId, daysFromToday(-2), daysFromToday(-1));
    const sut = await link({ ...enrolment, version: enrolment.version - 1 }, req.id);
    expect(sut.status).toBe(409);
    expect(await linkOf(enrolment.id)).toBeNull();
  });

  it('refuses an enrolment already linked (409 ALREADY_LINKED), to the same or another request', async () => {
    const req = await newRequest(daysFromToday(-3));
    const linked = await linkedEnrolment(req);
    const again = await link(linked, req.id);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'ALREADY_LINKED' });
    expect(again.body.errors).toHaveProperty('caseRequestId');
  });

  it('refuses a request of another citizen (400 naming caseRequestId)', async () => {
    const req = await newRequest(daysFromToday(-3));
    const other = await createCitizen('aarhus');
    const enrolment = await unlinked(other.id, daysFromToday(-2), null);
    const sut = await link(enrolment, req.id);
    expect(sut.status).toBe(400);
    expect(sut.body.errors).toHaveProperty('caseRequestId');
    expect(await linkOf(enrolment.id)).toBeNull();
  });

  it('refuses a start before the request (409 START_BEFORE_REQUEST)', async () => {
    const citizen = await createCitizen('aarhus');
    const enrolment = await unlinked(citizen.id, '2025-09-01', '2025-09-02');
    const req = (await request(citizen.id, '2025-09-10')).body;
    const sut = await link(enrolment, req.id);
    expect(sut.status).toBe(409);
    expect(sut.body).toMatchObject({ code: 'START_BEFORE_REQUEST' });
    expect(sut.body.errors).toHaveProperty('caseRequestId');
    expect(await linkOf(enrolment.id)).toBeNull();
  });

  it('refuses a request closed before the enrolment’s referral (409 REQUEST_CLOSED), and links one closed after it', async () => {
    const req = await newRequest('2025-08-01');
    const closed = await call<CaseRequest>('PUT', `/api/case-requests/${req.id}`, { status: 'closed', closedOn: '2025-08-20', missedReason: 'Borgeren udeblev', version: req.version }, { as: staff.aarhus });
    expect(closed.status).toBe(200);
    const late = await unlinked(req.citizenId, '2025-08-25', null);
    const sut = await link(late, req.id);
    expect(sut.status).toBe(409);
    expect(sut.body).toMatchObject({ code: 'REQUEST_CLOSED' });
    expect(await linkOf(late.id)).toBeNull();
    const cancelled = await call<Enrolment>('POST', `/api/enrolments/${late.id}/transitions`, { to: 'cancelled', date: '2025-08-26', version: late.version }, { as: staff.aarhus });
    expect(cancelled.status).toBe(200);
    const earlier = await unlinked(req.citizenId, '2025-08-05', null);
    expect((await link(earlier, req.id)).status).toBe(200);
  });

  it('refuses another municipality’s request (400, logged as refused), and another municipality’s enrolment (404)', async () => {
    const theirs = await newRequest(daysFromToday(-3), 'odense');
    const citizen = await createCitizen('aarhus');
    const mine = await unlinked(citizen.id, daysFromToday(-2), null);
    const sut = await link(mine, theirs.id);
    expect(sut.status).toBe(400);
    expect(sut.body.errors).toHaveProperty('caseRequestId');
    const refused = await db().query<{ outcome: string }>("SELECT outcome FROM access_log WHERE resource = 'enrolments' AND record_id = $1 AND outcome = 'refused'", [mine.id]);
    expect(refused.rows.length).toBe(1);
    const ownRequest = await newRequest(daysFromToday(-3));
    const theirEnrolment = await unlinked(theirs.citizenId, daysFromToday(-2), null, 'odense');
    expect((await link(theirEnrolment, ownRequest.id)).status).toBe(404);
    expect(await linkOf(theirEnrolment.id)).toBeNull();
  });
});

describe('another municipality and other roles (the attacker)', () => {
  it('cannot see, list, change, decide on or link to another municipality’s request, nor make one for its citizen', async () => {
    const theirs = await newRequest(daysFromToday(-3), 'aarhus');
    expect((await get(theirs.id, staff.odense)).status).toBe(404);
    const listed = await call<CaseRequest[]>('GET', listPath('case-requests', { filter: { citizenId: theirs.citizenId } }), undefined, { as: staff.odense });
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([]);
    expect((await call('PUT', `/api/case-requests/${theirs.id}`, { status: 'closed', version: theirs.version }, { as: staff.odense })).status).toBe(404);
    expect((await call('GET', `/api/case-requests/${theirs.id}/decisions`, undefined, { as: staff.odense })).status).toBe(404);
    const decision = await call('POST', `/api/case-requests/${theirs.id}/decisions`, { decidedOn: daysFromToday(0), outcome: 'refused', reasons: 'x', legalBasis: 'x', complaintGuidance: 'x' }, { as: staff.odense });
    expect(decision.status).toBe(404);
    const forTheirCitizen = await request(theirs.citizenId, daysFromToday(-1), {}, staff.odense);
    expect(forTheirCitizen.status).toBe(400);
    expect(forTheirCitizen.body.errors).toHaveProperty('citizenId');
    const ownCitizen = await createCitizen('odense');
    const link = await call<ApiErrorBody>('POST', '/api/enrolments', { citizenId: ownCitizen.id, programmeId: DEMO_IDS.programmes.icm, centreId: CENTRE.odense, referralDate: daysFromToday(-1), caseRequestId: theirs.id }, { as: staff.odense });
    expect(link.status).toBe(400);
    expect(link.body.errors).toHaveProperty('caseRequestId');
    const row = await db().query<{ status: string; version: number }>('SELECT status, version FROM case_request WHERE id = $1', [theirs.id]);
    expect(row.rows[0]).toEqual({ status: 'open', version: theirs.version });
  });

  it('links an enrolment only to a request of the same citizen', async () => {
    const req = await newRequest(daysFromToday(-3));
    const other = await createCitizen('aarhus');
    const sut = await call<ApiErrorBody>('POST', '/api/enrolments', { citizenId: other.id, programmeId: DEMO_IDS.programmes.icm, centreId: CENTRE.aarhus, referralDate: daysFromToday(-1), caseRequestId: req.id }, { as: staff.aarhus });
    expect(sut.status).toBe(400);
    expect(sut.body.errors).toHaveProperty('caseRequestId');
  });

  it('refuses coordinators, evaluators and admins the requests, and coordinators and evaluators the figures (403)', async () => {
    const req = await newRequest(daysFromToday(-3));
    for (const who of ['coordinator@aarhus.demo', 'evaluator@aarhus.demo', 'admin@aarhus.demo']) {
      expect((await get(req.id, who)).status).toBe(403);
    }
    for (const who of ['coordinator@aarhus.demo', 'evaluator@aarhus.demo']) {
      expect((await call('GET', '/api/guarantee-figures?from=2024-01-01&to=2024-12-31', undefined, { as: who })).status).toBe(403);
    }
  });

  it('in SQL as the API role: another municipality’s rows are invisible, and a decision can be neither changed nor deleted', async () => {
    const req = await newRequest(daysFromToday(-3));
    const decided = await call<CaseDecision>('POST', `/api/case-requests/${req.id}/decisions`, { decidedOn: daysFromToday(0), outcome: 'refused', reasons: 'Afdækningen viser ikke behov', legalBasis: 'Serviceloven § 101', complaintGuidance: 'Klage inden 4 uger' }, { as: staff.aarhus });
    expect(decided.status).toBe(201);
    const odense = { 'app.municipality_id': DEMO_IDS.municipalities.odense, 'app.user_id': DEMO_IDS.users.odense.staff, 'app.role': 'staff' };
    const seen = await asAppRole(odense, async (c) => (await c.query('SELECT id FROM case_request WHERE id = $1 UNION ALL SELECT id FROM case_decision WHERE id = $2', [req.id, decided.body.id])).rows);
    expect(seen).toEqual([]);
    const aarhus = { 'app.municipality_id': DEMO_IDS.municipalities.aarhus, 'app.user_id': DEMO_IDS.users.aarhus.staff, 'app.role': 'staff' };
    await expect(asAppRole(aarhus, (c) => c.query("UPDATE case_decision SET legal_basis = 'ændret' WHERE id = $1", [decided.body.id]))).rejects.toThrow(/permission denied/);
    await expect(asAppRole(aarhus, (c) => c.query('DELETE FROM case_decision WHERE id = $1', [decided.body.id]))).rejects.toThrow(/permission denied/);
    await expect(asAppRole(aarhus, (c) => c.query('DELETE FROM case_request WHERE id = $1', [req.id]))).rejects.toThrow(/permission denied/);
  });
});

describe('the written decision (afgørelse)', () => {
  const body = (extra: Record<string, unknown> = {}) => ({
    decidedOn: daysFromToday(0), outcome: 'granted', programmeId: DEMO_IDS.programmes.icm, centreId: DEMO_IDS.centres.aarhusCentrum,
    reasons: 'Afdækningen viser et behov for intensiv støtte.', legalBasis: 'Serviceloven § 101', complaintGuidance: 'Du kan klage inden 4 uger til kommunen; derefter Ankestyrelsen.', ...extra,
  });

  it.each([
    ['no legal basis', { legalBasis: undefined }, 'legalBasis'],
    ['a blank legal basis', { legalBasis: '   ' }, 'legalBasis'],
    ['no complaint guidance', { complaintGuidance: undefined }, 'complaintGuidance'],
    ['a blank complaint guidance', { complaintGuidance: ' ' }, 'complaintGuidance'],
    ['no reasons', { reasons: '' }, 'reasons'],
    ['an unknown outcome', { outcome: 'maybe' }, 'outcome'],
    ['a grant naming no offer', { programmeId: null, centreId: null }, 'programmeId'],
  ])('refuses a decision with %s (400 naming the field), writing nothing', async (_label, extra, field) => {
    const req = await newRequest(daysFromToday(-3));
    const before = await countRows('case_decision');
    const sut = await call<ApiErrorBody>('POST', `/api/case-requests/${req.id}/decisions`, body(extra), { as: staff.aarhus });
    expect(sut.status).toBe(400);
    expect(sut.body.errors).toHaveProperty(field);
    expect(await countRows('case_decision')).toBe(before);
  });

  it('keeps every decision: a changed one names the one it replaces, the earlier one stays as it was', async () => {
    const req = await newRequest(daysFromToday(-3));
    const first = await call<CaseDecision>('POST', `/api/case-requests/${req.id}/decisions`, body({ outcome: 'refused', programmeId: null, centreId: null, reasons: 'Første vurdering: afslag.' }), { as: staff.aarhus });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ outcome: 'refused', supersedesId: null, citizenId: req.citizenId, decidedByUserId: DEMO_IDS.users.aarhus.staff });
    const second = await call<CaseDecision>('POST', `/api/case-requests/${req.id}/decisions`, body({ reasons: 'Efter klage: bevilget.' }), { as: staff.aarhus });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ outcome: 'granted', supersedesId: first.body.id });
    const list = await call<CaseDecision[]>('GET', `/api/case-requests/${req.id}/decisions`, undefined, { as: staff.aarhus });
    expect(list.body.map((d) => [d.id, d.outcome, d.reasons])).toEqual([
      [second.body.id, 'granted', 'Efter klage: bevilget.'],
      [first.body.id, 'refused', 'Første vurdering: afslag.'],
    ]);
    const stored = await db().query<{ reasons_encrypted: string }>('SELECT reasons_encrypted FROM case_decision WHERE id = $1', [first.body.id]);
    expect(stored.rows[0]?.reasons_encrypted).not.toContain('afslag');
  });

  it('is a Danish PDF with the result, offer, reasons, legal basis and complaint guidance; its download is logged with the citizen', async () => {
    const citizen = await createCitizen('aarhus', { firstName: 'Søren', lastName: 'Æbelø' });
    const req = await request(citizen.id, '2025-11-03');
    const first = await call<CaseDecision>('POST', `/api/case-requests/${req.body.id}/decisions`, body({ outcome: 'refused', programmeId: null, centreId: null, reasons: 'Første vurdering.' }), { as: staff.aarhus });
    const decision = await call<CaseDecision>('POST', `/api/case-requests/${req.body.id}/decisions`, body(), { as: staff.aarhus });
    expect([first.status, decision.status]).toEqual([201, 201]);
    const res = await fetch(`${baseUrl()}/api/case-requests/${req.body.id}/decisions/${decision.body.id}/pdf`, {
      headers: { authorization: `Bearer ${await tokenFor(staff.aarhus)}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).not.toMatch(/Søren|Æbelø/);
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf);
    for (const expected of [
      'Afgørelse om stofmisbrugsbehandling', 'Søren Æbelø', 'Du henvendte dig den 3.11.2025', 'Du får bevilget behandling.', 'Tilbud: ', 'Begrundelse',
      'Afdækningen viser et behov for intensiv støtte.', 'Lovgrundlag', 'Serviceloven § 101', 'Klagevejledning', 'Ankestyrelsen', 'Denne afgørelse erstatter en tidligere afgørelse',
    ]) {
      expect(text).toContain(expected);
    }
    const logged = await db().query<{ action: string; citizen_id: string }>("SELECT action, citizen_id FROM access_log WHERE resource = 'case-requests' AND record_id = $1", [decision.body.id]);
    expect(logged.rows).toEqual([{ action: 'read', citizen_id: citizen.id }]);
    // Another municipality gets no PDF.
    const theirs = await call('GET', `/api/case-requests/${req.body.id}/decisions/${decision.body.id}/pdf`, undefined, { as: staff.odense });
    expect(theirs.status).toBe(404);
  });
});
