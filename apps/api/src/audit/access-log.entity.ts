import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The access log: append-only (the application role may only INSERT and SELECT; triggers refuse
 * UPDATE, DELETE and TRUNCATE) and hash-chained: `hash` = HMAC(key outside the database,
 * `prevHash` + the row's fields), so a changed or removed row breaks the chain at that row.
 */
@Entity('access_log')
@Index('access_log_municipality_at', ['municipalityId', 'at'])
@Index('access_log_municipality_seq', ['municipalityId', 'seq'])
@Index('access_log_citizen_at', ['citizenId', 'at'])
@Index('access_log_user_at', ['userId', 'at'])
@Index('access_log_citizen_ids', { synchronize: false })
export class AccessLogEntity {
  /** Order within a chain (the row's municipality's, decision 127); assigned under that chain's append lock. */
  @PrimaryColumn({ type: 'bigint' })
  seq!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'varchar', length: 20 })
  role!: string;

  /** Null for the national operator's own accesses (they belong to no municipality). */
  @Column({ type: 'uuid', nullable: true })
  municipalityId!: string | null;

  @Column({ type: 'varchar', length: 20 })
  action!: string;

  @Column({ type: 'varchar', length: 50 })
  resource!: string;

  @Column({ type: 'uuid', nullable: true })
  recordId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  citizenId!: string | null;

  @Column({ type: 'text', nullable: true })
  criterion!: string | null;

  /** Every citizen the answer carried beyond `citizenId` (a list's page, a group's members); GIN-indexed in the migration. */
  @Column({ type: 'uuid', array: true, nullable: true })
  citizenIds!: string[] | null;

  /** A write's before and after (reference data, users, grants, settings). */
  @Column({ type: 'jsonb', nullable: true })
  change!: { before: unknown; after: unknown } | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  address!: string | null;

  /** The personal API token the request was made with (issue 24); null for a signed-in session. */
  @Column({ type: 'uuid', nullable: true })
  apiTokenId!: string | null;

  @Column({ type: 'varchar', length: 20 })
  outcome!: string;

  @Column({ type: 'char', length: 64 })
  prevHash!: string;

  @Column({ type: 'char', length: 64 })
  hash!: string;
}

/** Where the chain starts after retention removed older rows: the last removed row's seq and hash. */
@Entity('access_log_anchor')
export class AccessLogAnchorEntity {
  @PrimaryColumn({ type: 'int', default: 1 })
  id!: number;

  @Column({ type: 'bigint' })
  seq!: string;

  @Column({ type: 'char', length: 64 })
  hash!: string;

  @Column({ type: 'timestamptz' })
  prunedAt!: Date;
}

/**
 * Where the rows written before the per-municipality chains (decision 127) end: the one global
 * "legacy" chain is rows with seq <= `seq`, its head `hash`; every municipality's chain starts from
 * that hash. On a database created after the split: seq 0 and the genesis hash.
 */
@Entity('access_log_split')
export class AccessLogSplitEntity {
  @PrimaryColumn({ type: 'int', default: 1 })
  id!: number;

  @Column({ type: 'bigint' })
  seq!: string;

  @Column({ type: 'char', length: 64 })
  hash!: string;
}

/** A chain's retention anchor (access_log_anchor keeps the legacy chain's): its last removed row. */
@Entity('access_log_chain_anchor')
export class AccessLogChainAnchorEntity {
  /** A municipality's id, or 'national'. */
  @PrimaryColumn({ type: 'varchar', length: 40 })
  chain!: string;

  @Column({ type: 'bigint' })
  seq!: string;

  @Column({ type: 'char', length: 64 })
  hash!: string;

  @Column({ type: 'timestamptz' })
  prunedAt!: Date;
}
