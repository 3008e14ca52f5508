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
import { signAnchor } from './anchor-signing';
import type { Anchor, AnchorFields, AnchorKind } from './anchor-signing';
import { AnchorSink } from './anchor-sink';

/** A quiet log still gets an anchor this often, so a silent sink (or a stopped anchorer) shows as a gap. */
const HEARTBEAT_MS = 60 * 60 * 1000;

type Query = (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

/** A chain's head: its last row, its retention anchor when every row was pruned, or seq 0 when empty. */
interface Head {
  chain: string;
  seq: string;
  hash: string;
}

/**
 * Signs the head of every chain of the access log (decision 127: a line per chain) and writes it
 * outside the database: at start, every AUDIT_ANCHOR_INTERVAL_SECONDS for each chain whose head
 * moved (an hourly heartbeat of every chain otherwise), at shutdown, and for every prune. Rows
 * written since the last anchor are what a database owner could still cut unseen: at most one
 * interval's worth, per chain.
 */
@Injectable()
export class AccessLogAnchors implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AccessLogAnchors');
  private readonly sink: AnchorSink;
  private readonly key: KeyObject;
  private readonly by = `${hostname()}:${process.pid}`;
  private timer: NodeJS.Timeout | undefined;
  private last = new Map<string, { seq: string; hash: string }>();
  private lastWrittenAt: number | null = null;
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

  /** Every chain's head ('national' always, so an empty log is anchored too), oldest head first. */
  static async heads(query: Query): Promise<Head[]> {
    const rows = await query('SELECT chain, seq::text AS seq, hash FROM access_log_heads()');
    return rows.map((r) => ({ chain: r['chain'] as string, seq: r['seq'] as string, hash: r['hash'] as string }));
  }

  /**
   * Anchors each chain whose head moved since this process's last anchor, or every chain when a
   * heartbeat is due, or always for start and shutdown. Answers the anchors written.
   */
  async anchorHeads(kind: Exclude<AnchorKind, 'prune' | 'heartbeat'>, query: Query = (sql, params) => this.dataSource.query(sql, params)): Promise<Anchor[]> {
    const heads = await AccessLogAnchors.heads(query);
    const moved = heads.filter((h) => this.last.get(h.chain)?.seq !== h.seq || this.last.get(h.chain)?.hash !== h.hash);
    const heartbeat = this.lastWrittenAt !== null && Date.now() - this.lastWrittenAt >= HEARTBEAT_MS;
    let chosen: Head[];
    let as: AnchorKind = kind;
    if (kind !== 'head') chosen = heads;
    else if (moved.length > 0) chosen = moved;
    else if (heartbeat) [chosen, as] = [heads, 'heartbeat'];
    else return [];
    const anchors = chosen.map((h) => this.record({ kind: as, chain: h.chain, seq: h.seq, hash: h.hash }));
    for (const h of chosen) this.last.set(h.chain, { seq: h.seq, hash: h.hash });
    this.lastWrittenAt = Date.now();
    return anchors;
  }

  async onApplicationBootstrap(): Promise<void> {
    // At start, a sink that cannot be written stops the start-up: running unanchored would pass unnoticed.
    await this.anchorHeads('start');
    this.timer = setInterval(() => {
      // One at a time: a slow database must not pile up overlapping ticks.
      this.running = this.running.then(() =>
        this.anchorHeads('head').then(
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
      await this.anchorHeads('shutdown', async (sql, params) => (await client.query(sql, params)).rows as Record<string, unknown>[]);
    } catch (error) {
      this.logger.error({ err: error }, 'the shutdown anchor of the access log could not be written');
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}
