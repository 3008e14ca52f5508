import type { Role } from '@outcomes/contracts';
import { DEMO_IDS } from '@outcomes/seeds';
import { DataSource } from 'typeorm';
import type { EntityManager, QueryRunner } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { IdentifierCrypto } from '../common/crypto/identifier-crypto';
import { dataSourceOptions } from '../startup/data-source-options';
import { Db } from '../tenancy/db.service';
import { requestContext } from '../tenancy/request-context';
import type { RequestContext } from '../tenancy/request-context';
import { applyTenantSettings } from '../tenancy/tenant-session';

/**
 * The restricted role the API serves requests as (migration TenantIsolation; APP_ROLE in
 * startup/prepare-database.ts, not imported here: that module brings the embedded server with it).
 */
const APP_ROLE = 'outcomes_app';

export type Town = keyof typeof DEMO_IDS.municipalities;

/** A signed-in demo user of seeds/ (DEMO_IDS), as the JWT strategy would load them. */
export function demoUser(town: Town, role: Exclude<Role, 'operator'>, grantedMunicipalityIds: string[] = []): AuthUser {
  return {
    id: DEMO_IDS.users[town][role],
    email: `${role}@${town}.demo`,
    displayName: `${role} (${town})`,
    role,
    municipalityId: DEMO_IDS.municipalities[town],
    municipalityName: town,
    grantedMunicipalityIds,
    tokenVersion: 0,
    authTime: 0,
    issuedAt: 0,
  };
}

export interface Medium {
  /** The test's transaction as the database owner: for factories and for looking behind a service. */
  readonly owner: EntityManager;
  /** The run's identifier crypto, shared by the factories and the services under test. */
  readonly crypto: IdentifierCrypto;
  /** The Db a service under test is constructed with: it reads the transaction `as` opens. */
  readonly db: Db;
  /**
   * Runs `work` as the API runs a request: in the test's transaction as the restricted app role, with
   * the user's tenant settings (tenancy/tenant-settings.ts), so row-level security applies. A refusal
   * or a database error rolls back to before the call (a savepoint), so the test can go on looking.
   */
  as<T>(user: AuthUser, work: (ctx: RequestContext) => Promise<T>): Promise<T>;
}

/**
 * The medium tests' database (medium-global-setup.ts made and migrated it): a connection per test
 * file, and for each test one transaction that is rolled back afterwards, so tests neither see nor
 * leave each other's rows, and nothing needs cleaning up. Call once at the top of a spec file.
 */
export function mediumDatabase(): Medium {
  const url = process.env['MEDIUM_DATABASE_URL'];
  const encryptionKey = process.env['MEDIUM_ENCRYPTION_KEY'];
  const blindIndexKey = process.env['MEDIUM_BLIND_INDEX_KEY'];
  if (!url || !encryptionKey || !blindIndexKey) throw new Error('No medium database: run through apps/api/jest.config.cjs (project api-medium)');
  const crypto = new IdentifierCrypto(encryptionKey, blindIndexKey);
  const dataSource = new DataSource({ ...dataSourceOptions(url), migrations: [], extra: { max: 2 } });
  let runner: QueryRunner | undefined;
  const manager = (): EntityManager => {
    if (!runner) throw new Error('The medium database is used outside a test');
    return runner.manager;
  };

  // Connecting loads every entity's metadata: a few hundred ms alone, but seconds on a busy 2-core
  // machine (the unit run shares it with the others), past jest's 5 s default for a hook.
  beforeAll(async () => {
    await dataSource.initialize();
  }, 60_000);
  afterAll(async () => {
    await dataSource.destroy();
  });
  beforeEach(async () => {
    runner = dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
  });
  afterEach(async () => {
    await runner?.rollbackTransaction();
    await runner?.release();
    runner = undefined;
  });

  return {
    get owner() {
      return manager();
    },
    crypto,
    db: new Db(),
    async as<T>(user: AuthUser, work: (ctx: RequestContext) => Promise<T>): Promise<T> {
      const m = manager();
      await m.query('SAVEPOINT medium_as');
      try {
        // SET LOCAL: the role and the settings end with the savepoint's rollback or the transaction.
        await m.query(`SET LOCAL ROLE ${APP_ROLE}`);
        await applyTenantSettings(m, user);
        const ctx: RequestContext = { user, manager: m, address: null, accesses: [], afterCommit: [] };
        const result = await requestContext.run(ctx, () => work(ctx));
        await m.query('RESET ROLE');
        await m.query('RELEASE SAVEPOINT medium_as');
        return result;
      } catch (error) {
        await m.query('ROLLBACK TO SAVEPOINT medium_as');
        await m.query('RESET ROLE');
        throw error;
      }
    },
  };
}

/** The body a refused call would answer (an ApiException's), or the error itself when it is none. */
export async function refusal(promise: Promise<unknown>): Promise<{ statusCode?: number; code?: string; errors?: Record<string, string> }> {
  try {
    await promise;
  } catch (error) {
    const response = (error as { getResponse?: () => unknown }).getResponse?.();
    return (response ?? error) as { statusCode?: number; code?: string; errors?: Record<string, string> };
  }
  throw new Error('expected a refusal, but the call succeeded');
}
