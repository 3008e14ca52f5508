import { HttpError } from 'react-admin';
import type { HttpClient } from './http-client';
import { createHttpClient } from './http-client';

type Call = [url: string, options: RequestInit];

function fakeFetch(result: () => Promise<Awaited<ReturnType<HttpClient>>>): { calls: Call[]; fetchJson: HttpClient } {
  const calls: Call[] = [];
  const fetchJson: HttpClient = (url: string, options: RequestInit = {}) => {
    calls.push([url, options]);
    return result();
  };
  return { calls, fetchJson };
}

const ok = () => Promise.resolve({ status: 200, headers: new Headers(), body: '{}', json: {} });
const failing = (status: number, body: unknown) => () =>
  Promise.reject(new HttpError((body as { message?: string }).message ?? 'error', status, body));

describe('createHttpClient', () => {
  it('sends cookies of the same origin', async () => {
    const { calls, fetchJson } = fakeFetch(ok);
    await createHttpClient(fetchJson)('/api/centres');
    expect(calls[0]?.[1].credentials).toBe('same-origin');
  });

  it.each(['POST', 'PUT'])('sends a %s body as react-admin made it: the API ignores read-only fields it served unchanged', async (method) => {
    const { calls, fetchJson } = fakeFetch(ok);
    const record = { id: 'u1', version: 2, createdAt: 'x', updatedAt: 'y', municipalityId: 'm1', failedLogins: 3, lastLoginAt: 'z', email: 'a@b.dk' };
    await createHttpClient(fetchJson)('/api/users/u1', { method, body: JSON.stringify(record) });
    expect(JSON.parse(calls[0]?.[1].body as string)).toEqual(record);
  });

  it('leaves other bodies alone', async () => {
    const { calls, fetchJson } = fakeFetch(ok);
    await createHttpClient(fetchJson)('/api/centres/a1', { method: 'DELETE', body: '{"id":"a1"}' });
    expect(calls[0]?.[1].body).toBe('{"id":"a1"}');
  });

  it('passes field errors on, translating every one (an unknown one to a generic message) and naming the input (an array as a whole, a named member by its path)', async () => {
    const { fetchJson } = fakeFetch(
      failing(400, {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'Validation failed',
        errors: {
          maxAge: 'maxAge must be greater than or equal to minAge',
          'followUpMonths.1': 'each value in followUpMonths must be a positive number',
          'attendance.0.status': 'status must be one of present, absent, excused',
          'items.M6': 'M6 must be a whole number of days from 0 to 30',
          name: 'name is taken',
          email: 'email must be an e-mail address',
          code: 'must be unique; another record already has this value',
        },
      }),
    );
    const error = (await createHttpClient(fetchJson)('/api/programmes').catch((e: unknown) => e)) as HttpError;
    expect(error).toBeInstanceOf(HttpError);
    expect(error.status).toBe(400);
    expect((error.body as { errors: unknown }).errors).toEqual({
      maxAge: 'app.validation.max_age_below_min_age',
      followUpMonths: 'app.input_rules.positive',
      attendance: 'app.input_rules.choose_from_list',
      'items.M6': '@@react-admin@@{"message":"app.input_rules.whole_number_between","args":{"min":"0","max":"30"}}',
      // Never the API's English on a field: an unknown rule reads as the generic Danish (or English) message.
      name: 'app.input_rules.invalid',
      email: 'ra.validation.email',
      code: 'ra.validation.unique',
    });
  });

  it("translates the API's password, user and municipality rules", async () => {
    const { fetchJson } = fakeFetch(
      failing(400, {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'Invalid input',
        errors: {
          password: 'password must be at least 12 characters',
          role: 'you cannot take away your own admin role',
          municipalityId: 'municipalityId must be your own municipality',
        },
      }),
    );
    const error = (await createHttpClient(fetchJson)('/api/users').catch((e: unknown) => e)) as HttpError;
    expect((error.body as { errors: unknown }).errors).toEqual({
      password: 'app.validation.password_too_short',
      role: 'app.validation.cannot_drop_own_admin_role',
      municipalityId: 'app.validation.own_municipality_only',
    });
  });

  it('turns a version conflict into a translated notification', async () => {
    const body = {
      statusCode: 409,
      code: 'VERSION_CONFLICT',
      message: 'Centre was changed by someone else since you loaded it',
      errors: { version: 'is stale' },
    };
    const { fetchJson } = fakeFetch(failing(409, body));
    const error = (await createHttpClient(fetchJson)('/api/centres/a1', { method: 'PUT', body: '{}' }).catch(
      (e: unknown) => e,
    )) as HttpError;
    expect(error.message).toBe('app.notification.version_conflict');
    expect(error.status).toBe(409);
    // No field errors left, so react-admin notifies instead of marking a field the form lacks.
    expect((error.body as { errors?: unknown }).errors).toBeUndefined();
  });

  it('turns the per-user export cap into a translated notification', async () => {
    const body = { statusCode: 429, code: 'TOO_MANY_EXPORTS', message: 'You have 2 exports queued or running' };
    const { fetchJson } = fakeFetch(failing(429, body));
    const error = (await createHttpClient(fetchJson)('/api/export-jobs', { method: 'POST', body: '{}' }).catch(
      (e: unknown) => e,
    )) as HttpError;
    expect(error.message).toBe('app.notification.too_many_exports');
    expect(error.status).toBe(429);
  });

  it("keeps the server's message for a duplicate without field errors", async () => {
    const body = { statusCode: 409, code: 'DUPLICATE', message: 'code already exists' };
    const { fetchJson } = fakeFetch(failing(409, body));
    const error = (await createHttpClient(fetchJson)('/api/programmes', { method: 'POST', body: '{}' }).catch(
      (e: unknown) => e,
    )) as HttpError;
    expect(error.message).toBe('code already exists');
  });

  describe('citizen name search', () => {
    const listUrl = (filter: unknown) =>
      `/api/citizens?filter=${encodeURIComponent(JSON.stringify(filter))}&range=${encodeURIComponent('[0,9]')}&sort=${encodeURIComponent('["createdAt","DESC"]')}`;

    it('goes as POST /api/citizens/search with sort, range and filter in the body: no name in a URL', async () => {
      const { calls, fetchJson } = fakeFetch(ok);
      const headers = new Headers({ Range: 'citizens=0-9' });
      await createHttpClient(fetchJson)(listUrl({ q: 'Søren Ågaard', sex: 'male' }), { headers });
      expect(calls).toHaveLength(1);
      const [url, options] = calls[0] ?? ['', {}];
      expect(url).toBe('/api/citizens/search');
      expect(url).not.toMatch(/S%C3%B8ren|Søren|gaard/i);
      expect(options.method).toBe('POST');
      expect(options.headers).toBe(headers);
      expect(JSON.parse(options.body as string)).toEqual({
        filter: '{"q":"Søren Ågaard","sex":"male"}',
        range: '[0,9]',
        sort: '["createdAt","DESC"]',
      });
    });

    it('keeps other citizen lists and other resources as GET', async () => {
      const { calls, fetchJson } = fakeFetch(ok);
      const client = createHttpClient(fetchJson);
      await client(listUrl({ sex: 'female' }));
      await client(`/api/citizens?filter=${encodeURIComponent('{"id":["a","b"]}')}`);
      await client(`/api/centres?filter=${encodeURIComponent('{"q":"nord"}')}`);
      await client('/api/citizens/5b1f');
      expect(calls.map(([url, options]) => [url.split('?')[0], options.method ?? 'GET'])).toEqual([
        ['/api/citizens', 'GET'],
        ['/api/citizens', 'GET'],
        ['/api/centres', 'GET'],
        ['/api/citizens/5b1f', 'GET'],
      ]);
    });
  });

  it('turns eligibility failures into a notification and keeps the failed rules for the form', async () => {
    const failures = [{ rule: 'age-below-minimum', message: 'MOVE is for ages 15 and up; the citizen is 12 on 2026-11-25' }];
    const body = { statusCode: 422, code: 'NOT_ELIGIBLE', message: 'Not eligible', errors: { eligibility: 'x' }, failures };
    const { fetchJson } = fakeFetch(failing(422, body));
    const error = (await createHttpClient(fetchJson)('/api/enrolments', { method: 'POST', body: '{}' }).catch((e: unknown) => e)) as HttpError;
    expect(error.message).toBe('app.notification.not_eligible');
    expect((error.body as { errors?: unknown; failures: unknown }).errors).toBeUndefined();
    expect((error.body as { failures: unknown }).failures).toEqual(failures);
  });

  it('keeps the allowed states of a refused state change', async () => {
    const body = { statusCode: 409, code: 'ILLEGAL_TRANSITION', message: 'no', errors: { to: 'must be one of: none' }, allowed: [] };
    const { fetchJson } = fakeFetch(failing(409, body));
    const error = (await createHttpClient(fetchJson)('/api/enrolments/e1/transitions', { method: 'POST', body: '{}' }).catch(
      (e: unknown) => e,
    )) as HttpError;
    expect(error.message).toBe('app.notification.illegal_transition');
    expect(error.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', allowed: [] });
  });

  it('shows a duplicate CPR number beside the field and keeps the existing citizen', async () => {
    const body = {
      statusCode: 409,
      code: 'DUPLICATE',
      message: 'A citizen with this CPR number is already registered',
      errors: { cpr: 'is already registered for another citizen' },
      existingId: 'c0',
    };
    const { fetchJson } = fakeFetch(failing(409, body));
    const error = (await createHttpClient(fetchJson)('/api/citizens', { method: 'POST', body: '{}' }).catch((e: unknown) => e)) as HttpError;
    expect(error.body).toMatchObject({ errors: { cpr: 'app.validation.cpr_duplicate' }, existingId: 'c0' });
  });
});
