import { readFileSync } from 'node:fs';
import type { ApiErrorBody, HealthStatus } from '@outcomes/contracts';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/startup/data-source-options';
import { baseUrl, call, closeDb, listPath } from './support/http';

afterAll(closeDb);

describe('health', () => {
  it('answers 200 with the database up', async () => {
    const sut = await call<HealthStatus>('GET', '/api/health');
    expect(sut.status).toBe(200);
    expect(sut.body).toEqual({ status: 'ok', database: 'up' });
  });
});

describe('OpenAPI', () => {
  it('serves the JSON document with every resource and the UI page', async () => {
    const json = await call<{ paths: Record<string, unknown> }>('GET', '/api/docs-json');
    expect(json.status).toBe(200);
    for (const path of ['/api/municipalities', '/api/centres/{id}', '/api/programmes', '/api/health']) {
      expect(Object.keys(json.body.paths)).toContain(path);
    }
    const ui = await fetch(`${baseUrl()}/api/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger');
  });
});

describe('HTTP hardening', () => {
  it('sends security headers and no X-Powered-By', async () => {
    const res = await fetch(`${baseUrl()}/api/health`);
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('exposes Content-Range to an allowed browser origin', async () => {
    const res = await fetch(`${baseUrl()}/api/health`, { headers: { origin: 'http://127.0.0.1:4200' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:4200');
    expect(res.headers.get('access-control-expose-headers')).toContain('Content-Range');
  });

  it('refuses a body over the size limit with 413 in the error shape', async () => {
    const sut = await call<ApiErrorBody>('POST', '/api/centres', { name: 'x'.repeat(300 * 1024) });
    expect(sut.status).toBe(413);
    expect(sut.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers an unknown API path with a JSON 404 that does not echo the path', async () => {
    const sut = await call<ApiErrorBody>('GET', '/api/no-such-thing-here');
    expect(sut.status).toBe(404);
    expect(sut.body).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: 'Not found' });
  });
});

describe('logs', () => {
  it('are JSON lines that leave out query strings, where search text lives', async () => {
    const secret = `Hemmeligt${Date.now()}`;
    const search = await call('GET', listPath('centres', { filter: { q: secret } }));
    const requestId = search.headers.get('x-request-id');
    await new Promise((r) => setTimeout(r, 300));
    const log = readFileSync(process.env['API_LOG_FILE'] as string, 'utf8');
    const lines = log.split('\n').filter((l) => l.trim() !== '');
    const entries = lines.map((l) => JSON.parse(l) as { req?: { id: string; path: string }; res?: { statusCode: number } });
    const line = entries.find((e) => e.req?.id === requestId);
    expect(line).toMatchObject({ req: { path: '/api/centres' }, res: { statusCode: 200 } });
    expect(log).not.toContain(secret);
  });
});

describe('migrations', () => {
  it('leave nothing between the entities and the migrated schema', async () => {
    const sut = new DataSource(dataSourceOptions(process.env['TEST_DATABASE_URL'] as string));
    await sut.initialize();
    try {
      const pending = await sut.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await sut.destroy();
    }
  });
});
