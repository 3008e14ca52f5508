import { hostname } from 'node:os';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { KeyObject } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { createLogger } from '../common/logging/logger';
import type { AppConfig } from '../config/config';
import { APP_CONFIG, APP_DATABASE_URL } from '../config/config';
import { GENESIS } from './access-log-chain';
import { signAnchor } from './anchor-signing';
import type { Anchor, AnchorFields, AnchorKind } from './anchor-signing';
import { AnchorSink } from './anchor-sink';

/** A quiet log still gets an anchor this often, so a silent sink (or a stopped anchorer) shows as a gap. */
const HEARTBEAT_MS = 60 * 60 * 1000;

type Query = (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

/**
 * Signs the access log's head and writes it outside the database: at start, every
 * AUDIT_ANCHOR_INTERVAL_SECONDS when the head moved (an hourly heartbeat otherwise), at shutdown,
 * and for every prune. Rows written since the last anchor are what a database owner could still cut
 * unseen: at most one interval's worth.
 */
@Injectable()
export class AccessLogAnchors implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AccessLogAnchors');
  private readonly sink: AnchorSink;
  private readonly key: KeyObject;
  private readonly by = `${hostname()}:${process.pid}`;
  private timer: NodeJS.Timeout | undefined;
  private last: { seq: string; hash: string; writtenAt: number } | null = null;
  private running: Promise<void> = Promise.resolve();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(APP_DATABASE_URL) private readonly databaseUrl: string,
  ) {
    const key = config.auditAnchors.signingKey;
    // loadConfig only leaves it out for a verifier; a serving API without it is a programming error.
    if (!key) throw new Error('AUDIT_SIGNING_KEY is missing: the API cannot sign access-log anchors');
    this.key = key;
    // Anchors are evidence, not diagnostics: they reach the log stream whatever LOG_LEVEL says (except silent).
    this.sink = new AnchorSink(config.auditAnchors.dir, createLogger(config.logLevel === 'silent' ? 'silent' : 'info'));
  }

  /** Signs and writes one anchor; throws when the sink cannot be written, so a prune can roll back. */
  record(fields: Omit<AnchorFields, 'at' | 'by'>): Anchor {
    const anchor = signAnchor(this.key, { ...fields, at: new Date().toISOString(), by: this.by });
    this.sink.write(anchor);
    return anchor;
  }

  /** The chain's head: the last row, or the retention anchor when every row was pruned, or the empty chain. */
  static async head(query: Query): Promise<{ seq: string; hash: string }> {
    const [row] = await query('SELECT seq::text AS seq, hash FROM access_log_head()');
    return row ? { seq: row['seq'] as string, hash: row['hash'] as string } : { seq: '0', hash: GENESIS };
  }

  /** Anchors the head when it moved since this process's last anchor, or when a heartbeat is due, or always for start and shutdown. */
  async anchorHead(kind: Exclude<AnchorKind, 'prune' | 'heartbeat'>, query: Query = (sql, params) => this.dataSource.query(sql, params)): Promise<Anchor | null> {
    const head = await AccessLogAnchors.head(query);
    const moved = !this.last || this.last.seq !== head.seq || this.last.hash !== head.hash;
    const heartbeat = !!this.last && Date.now() - this.last.writtenAt >= HEARTBEAT_MS;
    if (kind === 'head' && !moved && !heartbeat) return null;
    const anchor = this.record({ kind: kind === 'head' && !moved ? 'heartbeat' : kind, seq: head.seq, hash: head.hash });
    this.last = { ...head, writtenAt: Date.now() };
    return anchor;
  }

  async onApplicationBootstrap(): Promise<void> {
    // At start, a sink that cannot be written stops the start-up: running unanchored would pass unnoticed.
    await this.anchorHead('start');
    this.timer = setInterval(() => {
      // One at a time: a slow database must not pile up overlapping ticks.
      this.running = this.running.then(() =>
        this.anchorHead('head').then(
          () => undefined,
          (error: unknown) => this.logger.error({ err: error }, 'access log anchor could not be written'),
        ),
      );
    }, this.config.auditAnchors.intervalSeconds * 1000);
    this.timer.unref();
  }

  /**
   * The last anchor, after the HTTP server has stopped and its requests have committed. Nest closes
   * the TypeORM connection in its own shutdown hook, in an order this module does not control, so
   * the head is read over a connection of its own.
   */
  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
    const client = new pg.Client({ connectionString: this.databaseUrl, connectionTimeoutMillis: 5000, application_name: 'outcomes-api anchor' });
    try {
      await client.connect();
      await this.anchorHead('shutdown', async (sql, params) => (await client.query(sql, params)).rows as Record<string, unknown>[]);
    } catch (error) {
      this.logger.error({ err: error }, 'the shutdown anchor of the access log could not be written');
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}
