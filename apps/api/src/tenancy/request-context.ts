import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import type { PendingAccess } from '../audit/access-log-chain';

/** What one authenticated request carries through its tenant transaction. */
export interface RequestContext {
  user: AuthUser;
  manager: EntityManager;
  address: string | null;
  /** Access-log rows, appended to the chain just before COMMIT. */
  accesses: PendingAccess[];
  /** A search criterion a service has made safe to log (identifiers only as keyed hashes). */
  criterion?: string;
  /** The handler wrote this request's own access-log row itself (so its own query could see it): the interceptor adds none. */
  selfLogged?: boolean;
  /** Run once the transaction has committed (e.g. waking a job worker for what it wrote); never after a rollback. */
  afterCommit: (() => void)[];
  /** Chains whose append lock this transaction holds already (AccessLogWriter.append()): its COMMIT's append waits for nothing in-process. */
  lockedChains?: Set<string>;
  /**
   * The citizen of each enrolment this request read from that enrolment's own row, in its own
   * transaction (a list that selects it anyway): the access log takes it from here instead of
   * looking the enrolment up again after the handler (tenant.interceptor.ts). Keys and values lower case.
   */
  enrolmentCitizens?: Map<string, string>;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();
