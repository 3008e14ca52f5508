import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { DEFAULT_PAGE_SIZE, MAX_JSON_BODY_BYTES, MAX_PAGE_SIZE, RESOURCES } from '@outcomes/contracts';
import type { ApiErrorBody, ExportJob, ResourceName, Role } from '@outcomes/contracts';
import { DEMO_IDS } from '@outcomes/seeds';
import { Pool } from 'pg';
// Plain JS helper shared with the browser tests and CI.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startApi } from '../../../../tools/testing/api-process.cjs';
import { startControlledPostgres } from '../support/controlled-postgres';
import { admins, createUser, freshCpr, STRONG_PASSWORD } from '../support/fixtures';
import { daysFromToday } from '../support/dates';
import { baseUrl, call, closeDb, db, tokenFor } from '../support/http';
import { firstAllowed, MUNICIPAL_TABLE_ROLES } from './support/access-table';
import type { TableRole } from './support/access-table';

/**
 * Resource limits (OWASP API4, issue #11): the JSON body limit, the page-size cap of every list
 * (derived from the OpenAPI document), the per-user cap on concurrent exports, and the login limits
 * (per address, and per account against guessing spread over many addresses). Prints a table.
 */

afterAll(closeDb);

interface Row {
  limit: string;
  configured: string;
  sent: string;
  answered: string;
}
const table: Row[] = [];
afterAll(() => {
  const widths = (['limit', 'configured', 'sent', 'answered'] as const).map((k) => Math.max(k.length, ...table.map((r) => r[k].length)));
  const line = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(
    ['Resource limits', line(['limit', 'configured', 'sent', 'answered']), line(widths.map((w) => '-'.repeat(w))), ...table.map((r) => line([r.limit, r.configured, r.sent, r.answered]))].join('\n'),
  );
});

/** A 413's error body: the standard shape, naming the body as what was too large. */
const ERROR_KEYS = ['code', 'errors', 'message', 'statusCode'];
/** Refusals that are not about the request's content (429): the standard shape without field errors. */
const REFUSAL_KEYS = ['code', 'message', 'statusCode'];
const kB = (bytes: number): string => `${(bytes / 1024).toFixed(bytes % 1024 === 0 ? 0 : 1)} kB`;

/** A programme body of exactly `bytes` bytes; its name (max 200 characters) makes it a 400 when read. */
function programmeBody(code: string, bytes: number): string {
  const empty = JSON.stringify({ code, format: 'individual', name: '' });
  const body = JSON.stringify({ code, format: 'individual', name: 'a'.repeat(bytes - Buffer.byteLength(empty)) });
  expect(Buffer.byteLength(body)).toBe(bytes);
  return body;
}

const programmesWithCode = async (code: string): Promise<number> =>
  Number((await db().query<{ n: string }>('SELECT count(*) AS n FROM programme WHERE code = $1', [code])).rows[0]?.n);

/** The status and JSON body of the first HTTP response in a raw exchange, once it is all there. */
function firstResponse(text: string): { status: number; body: Record<string, unknown> } | undefined {
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const head = text.slice(0, end);
  const length = Number(/\r\ncontent-length: (\d+)/i.exec(head)?.[1] ?? NaN);
  const body = text.slice(end + 4, end + 4 + length);
  if (Number.isNaN(length) || Buffer.byteLength(body) < length) return undefined;
  return { status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]), body: JSON.parse(body) as Record<string, unknown> };
}

/**
 * One raw HTTP exchange over a socket, as a client that lies about its body sends it. Ends when the
 * server closes, or (firstOnly) as soon as the first response is complete; times out after waitMs.
 */
function rawExchange(head: string, body: Buffer | string, { waitMs = 5000, firstOnly = false } = {}): Promise<{ text: string; ms: number }> {
  const url = new URL(baseUrl());
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(Number(url.port), url.hostname);
    let text = '';
    const done = (): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ text, ms: Date.now() - started });
    };
    const timer = setTimeout(done, waitMs);
    socket.on('data', (d) => {
      text += d.toString('utf8');
      if (firstOnly && firstResponse(text)) done();
    });
    socket.on('close', done);
    socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    socket.write(head);
    if (body.length > 0) socket.write(body);
  });
}

describe('request body size', () => {
  let token: string;
  beforeAll(async () => {
    token = await tokenFor(admins.aarhus);
  });

  it(`reads a JSON body of exactly ${MAX_JSON_BODY_BYTES} bytes (400: the fields are checked) and refuses one byte more with 413 in the standard error shape, writing nothing`, async () => {
    const code = `BL${randomUUID().slice(0, 6).toUpperCase()}`;
    const under = await call<ApiErrorBody>('POST', '/api/programmes', programmeBody(code, MAX_JSON_BODY_BYTES), { as: admins.aarhus });
    expect(under.status).toBe(400);
    expect(under.body.errors).toHaveProperty('name');
    const over = await call<ApiErrorBody>('POST', '/api/programmes', programmeBody(code, MAX_JSON_BODY_BYTES + 1), { as: admins.aarhus });
    expect(over.status).toBe(413);
    expect(Object.keys(over.body).sort()).toEqual(ERROR_KEYS);
    expect(over.body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE', errors: { body: `must be at most ${MAX_JSON_BODY_BYTES} bytes` } });
    expect(JSON.stringify(over.body)).not.toMatch(/\bat \S+ \(|node_modules|stack/);
    expect(await programmesWithCode(code)).toBe(0);
    table.push(
      { limit: 'JSON body', configured: `${MAX_JSON_BODY_BYTES} B (${kB(MAX_JSON_BODY_BYTES)})`, sent: `${MAX_JSON_BODY_BYTES} B`, answered: `${under.status} ${under.body.code} (read, fields checked)` },
      { limit: 'JSON body', configured: `${MAX_JSON_BODY_BYTES} B`, sent: `${MAX_JSON_BODY_BYTES + 1} B`, answered: `${over.status} ${over.body.code}, nothing written` },
    );
  });

  it('refuses on the header alone: a Content-Length over the limit is 413 before any body is sent', async () => {
    const claimed = 10 * 1024 * 1024;
    const { text, ms } = await rawExchange(
      `POST /api/programmes HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: ${claimed}\r\n\r\n`,
      '',
      { firstOnly: true },
    );
    const answer = firstResponse(text) ?? { status: 0, body: {} };
    expect(answer.status).toBe(413);
    expect(Object.keys(answer.body).sort()).toEqual(ERROR_KEYS);
    expect(ms).toBeLessThan(4000); // did not wait for the 10 MiB that never came
    table.push({ limit: 'JSON body', configured: kB(MAX_JSON_BODY_BYTES), sent: `Content-Length ${claimed} B, no body`, answered: `${answer.status} ${String(answer.body['code'])} after ${ms} ms` });
  });

  it('stops reading a chunked body (no Content-Length) at the limit: 413, nothing written', async () => {
    const code = `BC${randomUUID().slice(0, 6).toUpperCase()}`;
    const chunk = Buffer.from('a'.repeat(64 * 1024));
    let sent = 0;
    const answer = await new Promise<{ status: number; body: ApiErrorBody }>((resolve, reject) => {
      const req = httpRequest(`${baseUrl()}/api/programmes`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      });
      req.on('response', (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as ApiErrorBody }));
      });
      req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
      // 4 MiB offered, 64 kB at a time, as long as the server keeps reading.
      const pump = (): void => {
        while (sent < 4 * 1024 * 1024 && !req.destroyed) {
          const more = req.write(sent === 0 ? Buffer.from(`{"code":"${code}","format":"individual","name":"`) : chunk);
          sent += sent === 0 ? 1 : chunk.length;
          if (!more) return void req.once('drain', pump);
        }
        if (!req.destroyed) req.end('"}');
      };
      pump();
    });
    expect(answer.status).toBe(413);
    expect(Object.keys(answer.body).sort()).toEqual(ERROR_KEYS);
    expect(await programmesWithCode(code)).toBe(0);
    table.push({ limit: 'JSON body', configured: kB(MAX_JSON_BODY_BYTES), sent: 'chunked, up to 4 MiB offered', answered: `${answer.status} ${answer.body.code}, nothing written` });
  });

  it('takes a Content-Length smaller than the body at its word: never reads the rest as a body; the connection is refused with 400, nothing written', async () => {
    const code = `BS${randomUUID().slice(0, 6).toUpperCase()}`;
    const body = Buffer.from(programmeBody(code, 300 * 1024));
    const { text } = await rawExchange(
      `POST /api/programmes HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: 40\r\n\r\n`,
      body,
    );
    // 40 bytes are the first request's body (not valid JSON); the remaining 300 kB are garbage as a
    // next request, which Node's HTTP parser refuses (400) and closes the connection on, possibly
    // before the API's own 400 for the first one is out. Either way: only 400s, never a 2xx or 5xx.
    const statuses = [...text.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => Number(m[1]));
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 400)).toBe(true);
    expect(await programmesWithCode(code)).toBe(0);
    table.push({ limit: 'JSON body', configured: kB(MAX_JSON_BODY_BYTES), sent: 'Content-Length 40, 300 kB body', answered: `${statuses.join(', ')}, connection closed, nothing written` });
  });

  it.each([
    ['application/x-www-form-urlencoded', (code: string, pad: string) => `code=${code}&format=individual&name=Test${pad}`],
    ['text/plain', (code: string, pad: string) => `{"code":"${code}","format":"individual","name":"Test${pad}"}`],
  ])('reads no %s body (no parser for it): a valid one is a 400 naming the fields it lacks; one over the limit is 413; nothing written', async (type, make) => {
    const code = `BU${randomUUID().slice(0, 6).toUpperCase()}`;
    const send = async (pad: string): Promise<{ status: number; body: ApiErrorBody }> => {
      const res = await fetch(`${baseUrl()}/api/programmes`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': type }, body: make(code, pad) });
      return { status: res.status, body: (await res.json()) as ApiErrorBody };
    };
    const small = await send('');
    expect(small.status).toBe(400);
    expect(small.body.errors).toHaveProperty('code');
    // The 1 MiB body is declared, not sent: the API answers 413 on the header and closes, and a
    // client still sending its body then may get EPIPE or a reset instead of the answer (fetch failed
    // so once in CI). What is refused is the declared length, whatever the body's type.
    const length = Buffer.byteLength(make(code, 'a'.repeat(1024 * 1024)));
    const { text } = await rawExchange(
      `POST /api/programmes HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\nContent-Type: ${type}\r\nContent-Length: ${length}\r\n\r\n`,
      '',
      { firstOnly: true },
    );
    const answer = firstResponse(text) ?? { status: 0, body: {} };
    const big = { status: answer.status, body: answer.body as unknown as ApiErrorBody };
    expect(big.status).toBe(413);
    expect(Object.keys(big.body).sort()).toEqual(ERROR_KEYS);
    expect(await programmesWithCode(code)).toBe(0);
    table.push({ limit: `${type} body`, configured: 'not parsed (bodyParser: false)', sent: 'valid fields; then 1 MiB declared', answered: `${small.status} ${small.body.code} (fields not read); ${big.status} ${big.body.code}; nothing written` });
  });
});

// ---------------------------------------------------------------------------------------------
// Page sizes: every GET of the OpenAPI document.

interface Operation {
  parameters?: { name: string; in: string; required?: boolean }[];
}
type OpenApi = { paths: Record<string, { get?: Operation }> };

const resourceOf = (path: string): ResourceName | undefined => {
  const segment = path.split('/')[2] as ResourceName;
  return (RESOURCES as readonly string[]).includes(segment) ? segment : undefined;
};

/**
 * A municipality's role allowed to call the GET (list for a collection, read for a record's sub-list) by
 * the hand-written access table (access-matrix.expected.csv); admin for the rest (auth, health).
 */
function roleFor(path: string): TableRole {
  // An evaluator's budget of report queries: no other role has one (they answer 404).
  if (path === '/api/outcomes/budget') return 'evaluator';
  // The record under an emergency access is read by the staff member who opened it, and by no one else.
  if (path === '/api/emergency-accesses/{id}/record') return 'staff';
  const resource = resourceOf(path);
  if (!resource) return 'admin';
  return firstAllowed(resource, path.includes('{') ? 'read' : 'list', MUNICIPAL_TABLE_ROLES);
}

/** GETs that are neither a list nor a record: what they answer instead, and why they are not capped. */
const NOT_LISTS: Record<string, string> = {
  '/api/export-jobs/{id}/download': 'a file, streamed chunk by chunk (constant memory); not JSON',
  '/api/export-jobs/{id}/syntax/{format}': 'an R, Stata or SPSS syntax file of a few kB made from the codebook (one line per column); not JSON',
  '/api/case-requests/{id}/decisions/{decisionId}/pdf': 'one decision as a PDF of one page or two; not JSON',
  '/api/referrals/{id}/progress': 'one referral\'s course: a few dates and two counts, no array (referrals.e2e-spec reads it)',
  '/api/handovers/{id}/record': "the old record under an accepted hand-over: the emergency record's shape and queries (courses capped at the page size, the latest 50 sessions); needs an accepted hand-over across two municipalities (handovers.e2e-spec reads it)",
  '/api/imports/{id}/results': 'an import\'s per-row results, paged by offset and limit (limit at most 500, a 400 beyond; imports.e2e-spec pages through 10,000)',
  '/api/register/extracts/{month}': "a CSV file of one municipality's events of one month (docs/register.md); not JSON",
};

let openApi: OpenApi;
const pagedPaths = (): string[] => Object.keys(openApi.paths).filter((p) => openApi.paths[p]?.get?.parameters?.some((q) => q.in === 'query' && q.name === 'range'));

describe('page size caps', () => {
  let town: string;
  const users: Partial<Record<Role, string>> = {};
  let enrolmentId: string;
  let groupId: string;
  let citizenId: string;
  let caseRequestId: string;
  let sessionId: string;
  let emergencyAccessId: string;
  const OVER = MAX_PAGE_SIZE + 1;

  /** A municipality of this test alone, with more standing groups (a paged list) and follow-up attempts (not one) than a page holds. */
  beforeAll(async () => {
    openApi = (await (await fetch(`${baseUrl()}/api/docs-json`)).json()) as OpenApi;
    const owner = db();
    const [free] = (await owner.query<{ code: string }>(
      `SELECT lpad(x::text, 3, '0') AS code FROM generate_series(800, 899) x WHERE NOT EXISTS (SELECT 1 FROM municipality WHERE code = lpad(x::text, 3, '0')) LIMIT 1`,
    )).rows;
    town = (await owner.query<{ id: string }>(`INSERT INTO municipality (code, name) VALUES ($1, 'Grænseby') RETURNING id`, [free?.code])).rows[0]?.id as string;
    const centre = (await owner.query<{ id: string }>(`INSERT INTO centre (municipality_id, name) VALUES ($1, 'Grænsecentret') RETURNING id`, [town])).rows[0]?.id;
    for (const role of MUNICIPAL_TABLE_ROLES) {
      const user = await createUser('aarhus', role);
      await owner.query('UPDATE app_user SET municipality_id = $1 WHERE id = $2', [town, user.id]);
      users[role] = user.email;
      await tokenFor(user.email, STRONG_PASSWORD); // signed in after the move: the session is the town's
    }
    groupId = (await owner.query<{ id: string }>(
      `INSERT INTO treatment_group (municipality_id, programme_id, centre_id, kind, name, start_time)
       SELECT $1, $2, $3, 'standing', 'Gruppe ' || lpad(g::text, 4, '0'), '17:00' FROM generate_series(1, $4) g RETURNING id`,
      [town, DEMO_IDS.programmes.smart, centre, OVER],
    )).rows[0]?.id as string;
    // Through the API: its name is encrypted, as the citizen list decrypts it.
    const citizen = await call<{ id: string }>('POST', '/api/citizens', { cpr: freshCpr(), firstName: 'Grænse', lastName: 'Borger' }, { as: users.staff });
    expect(citizen.status).toBe(201);
    citizenId = citizen.body.id;
    enrolmentId = (await owner.query<{ id: string }>(
      `INSERT INTO enrolment (municipality_id, citizen_id, programme_id, centre_id, referral_date, start_date, state)
       VALUES ($1, $2, $3, $4, DATE '2025-01-10', DATE '2025-01-15', 'active') RETURNING id`,
      [town, citizenId, DEMO_IDS.programmes.icm, centre],
    )).rows[0]?.id as string;
    const staffId = (await owner.query<{ id: string }>('SELECT id FROM app_user WHERE email = $1', [users.staff])).rows[0]?.id;
    await owner.query(
      `INSERT INTO follow_up_attempt (municipality_id, enrolment_id, timepoint, attempted_on, channel, reached, user_id)
       SELECT $1, $2, 'follow-up-6', DATE '2025-02-01' + g, 'phone', false, $3 FROM generate_series(1, $4) g`,
      [town, enrolmentId, staffId, OVER],
    );
    // The record-bound GETs of the case record: a request, a session (its note's versions), a treatment plan.
    const staff = { as: users.staff };
    const request = await call<{ id: string }>('POST', '/api/case-requests', { citizenId, requestedOn: '2025-01-08', channel: 'phone' }, staff);
    expect(request.status).toBe(201);
    caseRequestId = request.body.id;
    const session = await call<{ id: string }>('POST', '/api/sessions', { enrolmentId, startsAt: '2025-02-03T10:00:00.000Z', durationMinutes: 45, kind: 'case-management-meeting', attendance: 'attended', note: 'Grænse-notat' }, staff);
    expect(session.status).toBe(201);
    sessionId = session.body.id;
    const plan = await call('POST', `/api/enrolments/${enrolmentId}/treatment-plan`, { goals: ['Grænsemål'], actions: [], expectedDurationWeeks: 12, madeWithCitizen: false, reviewDate: daysFromToday(3) }, staff);
    expect(plan.status).toBe(201);
    // Emergency access: the town's staff opens an Aarhus citizen's record (its record GET is capped too).
    const aarhusCpr = freshCpr();
    const aarhusCitizen = await call<{ id: string }>('POST', '/api/citizens', { cpr: aarhusCpr, firstName: 'Grænse', lastName: 'Nødsag' }, { as: 'staff@aarhus.demo' });
    expect(aarhusCitizen.status).toBe(201);
    const opened = await call<{ id: string }>('POST', '/api/emergency-accesses', { cpr: aarhusCpr, reason: 'Grænsetest: akut behov for journalen' }, staff);
    expect(opened.status).toBe(201);
    emergencyAccessId = opened.body.id;
  }, 120_000);

  it('the OpenAPI document lists the paged lists (a range parameter): more than a dozen', () => {
    // Guards the derivation below: an empty or broken document must not pass as "every list capped".
    expect(pagedPaths().length).toBeGreaterThan(12);
  });

  it(`every paged list answers ${MAX_PAGE_SIZE} rows, refuses ${MAX_PAGE_SIZE + 1} and 5000 with 400 naming range, and without a range at most ${DEFAULT_PAGE_SIZE}`, async () => {
    const results: string[] = [];
    let longestTotal = 0;
    for (const template of pagedPaths()) {
      const path = template.replace('{id}', citizenId);
      if (path.includes('{')) throw new Error(`no id to fill in for ${template}: add one here`);
      const role = roleFor(template);
      const as = users[role];
      const list = (range?: string): Promise<{ status: number; body: unknown; headers: Headers }> =>
        call('GET', range === undefined ? path : `${path}?range=${encodeURIComponent(range)}`, undefined, { as });
      const full = await list(`[0,${MAX_PAGE_SIZE - 1}]`);
      const oneMore = await list(`[0,${MAX_PAGE_SIZE}]`);
      const huge = await list('[0,4999]');
      const plain = await list();
      expect([template, full.status]).toEqual([template, 200]);
      for (const refused of [oneMore, huge]) {
        expect([template, refused.status]).toEqual([template, 400]);
        expect((refused.body as ApiErrorBody).errors).toHaveProperty('range');
      }
      expect([template, plain.status]).toEqual([template, 200]);
      // Each answer's own total: reading some lists (the access log) adds rows to them.
      const total = (answer: { headers: Headers }): number => Number(/\/(\d+)$/.exec(answer.headers.get('content-range') ?? '')?.[1]);
      expect([template, (full.body as unknown[]).length]).toEqual([template, Math.min(total(full), MAX_PAGE_SIZE)]);
      expect([template, (plain.body as unknown[]).length]).toEqual([template, Math.min(total(plain), DEFAULT_PAGE_SIZE)]);
      longestTotal = Math.max(longestTotal, total(plain));
      results.push(`${template} as ${role}: ${total(plain)} rows; ${(full.body as unknown[]).length} with range [0,${MAX_PAGE_SIZE - 1}], ${(plain.body as unknown[]).length} without`);
    }
    console.log(`Paged lists (${results.length}), in a town of their own:\n  ${results.join('\n  ')}`);
    // The cap was exercised, not only declared: some list had more rows than a page holds.
    expect(longestTotal).toBeGreaterThan(MAX_PAGE_SIZE);
    table.push(
      { limit: 'page size, every paged list', configured: `MAX_PAGE_SIZE ${MAX_PAGE_SIZE}`, sent: `range [0,${MAX_PAGE_SIZE - 1}] to ${results.length} lists (largest: ${longestTotal} rows)`, answered: `200, min(rows, ${MAX_PAGE_SIZE}) on all` },
      { limit: 'page size, every paged list', configured: `MAX_PAGE_SIZE ${MAX_PAGE_SIZE}`, sent: `range [0,${MAX_PAGE_SIZE}] and [0,4999]`, answered: '400 BAD_LIST_QUERY naming range on all' },
      { limit: 'default page', configured: `DEFAULT_PAGE_SIZE ${DEFAULT_PAGE_SIZE}`, sent: 'no range', answered: `≤ ${DEFAULT_PAGE_SIZE} rows on all` },
    );
  });

  describe('GETs without a range: each array they answer is capped too', () => {
    /** The longest array anywhere in a JSON answer. */
    const longest = (value: unknown): number =>
      Array.isArray(value) ? Math.max(value.length, ...value.map(longest)) : typeof value === 'object' && value !== null ? Math.max(0, ...Object.values(value).map(longest)) : 0;

    it(`none answers an array longer than ${MAX_PAGE_SIZE}, even where ${OVER} rows lie behind it`, async () => {
      const ids: Record<string, string> = { citizens: citizenId, enrolments: enrolmentId, groups: groupId, 'case-requests': caseRequestId, sessions: sessionId, 'emergency-accesses': emergencyAccessId };
      const query: Record<string, string> = { programmeId: DEMO_IDS.programmes.icm, municipalityId: town, from: '2025-01-01', to: '2025-12-31', citizenId };
      const unpaged = Object.keys(openApi.paths).filter((p) => openApi.paths[p]?.get && !pagedPaths().includes(p) && !/\/\{id\}$/.test(p) && !(p in NOT_LISTS));
      expect(unpaged.length).toBeGreaterThan(3);
      const results: { path: string; longest: number }[] = [];
      for (const template of unpaged) {
        const resource = resourceOf(template);
        // A path that names its parameter after what it is (`{enrolmentId}`) takes that record's id.
        let path = template.replace('{enrolmentId}', enrolmentId);
        if (path.includes('{id}')) {
          const id = resource ? ids[resource] : undefined;
          if (!id) throw new Error(`no id to fill in for ${template}: add one here (or to NOT_LISTS, with the reason)`);
          path = path.replace('{id}', id);
        }
        const required = (openApi.paths[template]?.get?.parameters ?? []).filter((q) => q.in === 'query');
        if (required.length > 0) path += `?${required.map((q) => `${q.name}=${encodeURIComponent(query[q.name] ?? '')}`).join('&')}`;
        const as = users[roleFor(template)];
        const res = await call('GET', path, undefined, { as });
        expect([template, res.status]).toEqual([template, 200]);
        results.push({ path: template, longest: longest(res.body) });
      }
      console.log(`GETs without a range: the longest array each answers\n  ${results.map((r) => `${r.path}: ${r.longest}`).join('\n  ')}`);
      for (const r of results) expect([r.path, r.longest <= MAX_PAGE_SIZE]).toEqual([r.path, true]);
      // Where more rows than a page lie behind the answer, the cap is what stopped it.
      const capped = ['/api/coordinator-dashboard', '/api/enrolments/{id}/follow-ups'];
      for (const path of capped) expect([path, results.find((r) => r.path === path)?.longest]).toEqual([path, MAX_PAGE_SIZE]);
      table.push({
        limit: 'arrays of GETs without a range',
        configured: `MAX_PAGE_SIZE ${MAX_PAGE_SIZE}`,
        sent: `${results.length} GETs; ${OVER} standing groups, ${OVER} follow-up attempts behind two`,
        answered: `longest ${Math.max(...results.map((r) => r.longest))}; dashboard groups and follow-up attempts cut at ${MAX_PAGE_SIZE}`,
      });
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Exports: at most EXPORT_MAX_CONCURRENT_PER_USER (default 2) queued or running per user.

describe('concurrent exports per user', () => {
  const CAP = 2; // EXPORT_MAX_CONCURRENT_PER_USER's default, which the test stack runs with

  async function evaluatorWithProjects(n: number): Promise<{ token: string; projects: string[] }> {
    const user = await createUser('aarhus', 'evaluator');
    const token = await tokenFor(user.email, STRONG_PASSWORD);
    const projects: string[] = [];
    for (let i = 0; i < n; i++) {
      const res = await call<{ id: string }>('POST', '/api/export-projects', {
        name: `Grænse ${randomUUID().slice(0, 6)}`, purpose: 'Test af eksportgrænsen', municipalityIds: [DEMO_IDS.municipalities.aarhus],
        programmeIds: [DEMO_IDS.programmes.move], periodFrom: '2020-01-01', periodTo: '2030-12-31',
      }, { token });
      expect(res.status).toBe(201);
      projects.push(res.body.id);
    }
    return { token, projects };
  }

  const start = (token: string, projectId: string) =>
    call<ExportJob & ApiErrorBody>('POST', '/api/export-jobs', { projectId, dataset: 'codebook', format: 'csv' }, { token });

  async function untilFinished(token: string, ids: string[], timeoutMs = 60_000): Promise<ExportJob[]> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const jobs = await Promise.all(ids.map(async (id) => (await call<ExportJob>('GET', `/api/export-jobs/${id}`, undefined, { token })).body));
      if (jobs.every((j) => j.status === 'done' || j.status === 'failed')) return jobs;
      if (Date.now() > until) throw new Error(`exports still under way: ${jobs.map((j) => j.status).join(', ')}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  it(`lets an evaluator with 3 projects start ${CAP} exports at once, refuses the 3rd with 429 TOO_MANY_EXPORTS, still answers a running project's job, and takes a new one once one has finished`, async () => {
    const { token, projects } = await evaluatorWithProjects(3);
    // Exports of small data finish within a second. To hold them queued or running while the burst
    // is judged, the runner is kept from writing any export file: an owner transaction holds an
    // EXCLUSIVE lock on export_file_chunk (reads go on; each export's first chunk waits). Released
    // within seconds, well before the API's statement timeout.
    const holder = await db().connect();
    let burst: Awaited<ReturnType<typeof start>>[];
    let again: Awaited<ReturnType<typeof start>>;
    let underWay: number;
    try {
      await holder.query('BEGIN');
      await holder.query('LOCK TABLE export_file_chunk IN EXCLUSIVE MODE');
      burst = await Promise.all(projects.map((p) => start(token, p)));
      underWay = Number((await holder.query<{ n: string }>(
        `SELECT count(*) AS n FROM export_job WHERE project_id = ANY($1) AND status IN ('queued', 'running')`, [projects],
      )).rows[0]?.n);
      // At the cap: another request for a project whose export is under way answers that export.
      const accepted = burst.find((r) => r.status === 201);
      again = await start(token, accepted?.body.projectId ?? '');
    } finally {
      await holder.query('COMMIT').catch(() => undefined);
      holder.release();
    }
    const statuses = burst.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 201, 429]);
    expect(underWay).toBe(CAP);
    const refused = burst.find((r) => r.status === 429) as (typeof burst)[number];
    expect(Object.keys(refused.body).sort()).toEqual(REFUSAL_KEYS);
    expect(refused.body.code).toBe('TOO_MANY_EXPORTS');
    expect(refused.body.message).toContain(`${CAP} exports queued or running`);
    const refusedProject = projects.find((p) => !burst.some((r) => r.status === 201 && r.body.projectId === p)) as string;
    expect(Number((await db().query<{ n: string }>('SELECT count(*) AS n FROM export_job WHERE project_id = $1', [refusedProject])).rows[0]?.n)).toBe(0);
    expect(again.status).toBe(200);
    expect(burst.some((r) => r.status === 201 && r.body.id === again.body.id)).toBe(true);

    const accepted = burst.filter((r) => r.status === 201).map((r) => r.body.id);
    const finished = await untilFinished(token, accepted);
    expect(finished.map((j) => j.status)).toEqual(['done', 'done']);
    const later = await start(token, refusedProject);
    expect(later.status).toBe(201);
    await untilFinished(token, [later.body.id]);
    table.push(
      { limit: 'exports per user', configured: `EXPORT_MAX_CONCURRENT_PER_USER ${CAP}`, sent: '3 at once (3 projects)', answered: `${statuses.join(', ')} (${refused.body.code})` },
      { limit: 'exports per user', configured: `${CAP}`, sent: 'same project again, at the cap', answered: `${again.status}, the running job` },
      { limit: 'exports per user', configured: `${CAP}`, sent: 'the refused one, after the others finished', answered: `${later.status}` },
    );
  }, 120_000);
});

// ---------------------------------------------------------------------------------------------
// Login: per address (ThrottlerModule 'login', LOGIN_RATE_LIMIT) and per account (a growing delay, no lock-out).

describe('login limits (an API of its own: the shared one runs with LOGIN_RATE_LIMIT=100000)', () => {
  const LIMIT = 3;
  let stop: () => Promise<void>;
  let api: string;
  let owner: Pool;

  beforeAll(async () => {
    const pg = await startControlledPostgres();
    // TRUST_PROXY names loopback, where the test connects from: X-Forwarded-For is the client here.
    const started = await startApi({ DATABASE_URL: pg.url, SEED_DEMO: 'true', LOGIN_RATE_LIMIT: String(LIMIT), TRUST_PROXY: 'loopback' }).catch(async (error: unknown) => {
      await pg.exit();
      throw error;
    });
    api = started.baseUrl;
    owner = new Pool({ connectionString: pg.url, max: 1 });
    stop = async () => {
      await owner.end();
      await started.stop();
      await pg.exit();
    };
  }, 180_000);
  afterAll(() => stop?.());

  const attempt = async (email: string, password: string, address: string): Promise<{ status: number; body: ApiErrorBody; retryAfter: string | null }> => {
    const res = await fetch(`${api}/api/auth/login`, {
      method: 'POST',
      // The test connects from loopback, a proxy this API trusts (TRUST_PROXY above): X-Forwarded-For is the client.
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      body: JSON.stringify({ email, password }),
    });
    return { status: res.status, body: (await res.json()) as ApiErrorBody, retryAfter: res.headers.get('retry-after') };
  };

  it(`counts ${LIMIT} attempts a minute per address; the 429 is the same for an existing and an unknown account, and another address is not affected`, async () => {
    const address = '198.51.100.7';
    const statuses: number[] = [];
    // Another account each time, so that only the per-address limit is counted here (the per-account delay below).
    for (let i = 0; i < LIMIT; i++) statuses.push((await attempt(`nobody-${i}-${randomUUID().slice(0, 6)}@aarhus.demo`, `wrong-password-${i}`, address)).status);
    const existing = await attempt('staff@aarhus.demo', 'wrong-password-x', address);
    const unknown = await attempt(`nobody-${randomUUID().slice(0, 6)}@aarhus.demo`, 'wrong-password-x', address);
    const elsewhere = await attempt('staff@aarhus.demo', 'wrong-password-y', '198.51.100.8');
    expect(statuses).toEqual(Array(LIMIT).fill(401));
    expect(existing.status).toBe(429);
    expect(existing.body).toMatchObject({ statusCode: 429, code: 'TOO_MANY_REQUESTS' });
    expect(existing.body).not.toHaveProperty('retryAfterSeconds'); // the per-address limit, not the per-account delay
    expect(unknown.status).toBe(existing.status);
    expect(unknown.body).toEqual(existing.body);
    expect(elsewhere.status).toBe(401);
    // That forwarded addresses count only behind a trusted proxy: startup.e2e-spec.ts ('trusted proxies').
    table.push({ limit: 'login per address', configured: `LOGIN_RATE_LIMIT ${LIMIT} (default 10)/min`, sent: `${LIMIT + 2} from one address, 1 from another`, answered: `${[...statuses, existing.status, unknown.status].join(', ')}; other address ${elsewhere.status}` });
  });

  it('slows wrong passwords on one account spread over many addresses to one every few seconds, never locks the owner out, and tells an unknown account nothing', async () => {
    const email = 'staff@odense.demo';
    const unknownEmail = `nobody-${randomUUID().slice(0, 6)}@odense.demo`;
    // 20 guesses at once, each from an address of its own (the per-address limit never sees more than one):
    // one is looked at, the others are refused unread.
    const burst = async (target: string, base: number) =>
      Promise.all(Array.from({ length: 20 }, (_, i) => attempt(target, `guess-${i}`, `203.0.113.${base + i}`)));
    const guesses = await burst(email, 100);
    const unknownGuesses = await burst(unknownEmail, 150);
    const count = (answers: { status: number }[], status: number): number => answers.filter((a) => a.status === status).length;
    expect([count(guesses, 401), count(guesses, 429)]).toEqual([1, 19]);
    expect([count(unknownGuesses, 401), count(unknownGuesses, 429)]).toEqual([1, 19]);
    const tooSoon = guesses.find((a) => a.status === 429);
    const unknownTooSoon = unknownGuesses.find((a) => a.status === 429);
    expect(tooSoon?.retryAfter).toBe('1');
    expect(tooSoon?.body).toMatchObject({ statusCode: 429, code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 1 });
    expect(unknownTooSoon).toEqual(tooSoon);
    const failed = (await owner.query<{ failed_logins: number }>('SELECT failed_logins FROM app_user WHERE email = $1', [email])).rows[0]?.failed_logins;
    expect(failed).toBe(1);
    await new Promise((r) => setTimeout(r, 1100));
    const right = await attempt(email, 'demo-password-2026', '203.0.113.200');
    expect(right.status).toBe(200);
    table.push({
      limit: 'login per account',
      configured: 'delay after n failures min(2^(n-1), 10) s; no lock-out',
      sent: '20 wrong at once, each from its own address; the same for an unknown account; the right one 1.1 s later',
      answered: `${count(guesses, 401)}×401 + ${count(guesses, 429)}×429 (Retry-After ${tooSoon?.retryAfter ?? '?'}), same for the unknown account; right password ${right.status}`,
    });
  });
});
