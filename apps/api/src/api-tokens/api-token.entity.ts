import { Check, Column, Entity, Index } from 'typeorm';
import type { ApiTokenEndReason, Role } from '@outcomes/contracts';
import { BaseRecordEntity } from '../database/base-record.entity';
import { SameMunicipality } from '../database/same-municipality';
import { UserEntity } from '../users/user.entity';

/**
 * A personal API token (issue 24; docs/decisions.md 137-141). Only the SHA-256 of the token is kept
 * (`secretHash`); `prefix` is its first, non-secret part, shown in lists. `role` is the user's role
 * when it was made: the token is honoured only while the user still has it (and is active), and the
 * trigger api_token_end_with_user revokes it when the role changes, the user is deactivated or
 * given a new password.
 * Never deleted: the access log names tokens by id.
 */
@Entity('api_token')
// The national operator's own tokens have no municipality: a composite key with a NULL is not checked (MATCH SIMPLE),
// and row-level security holds the operator to their own rows.
@SameMunicipality(() => UserEntity, 'userId', { name: 'api_token_user_same_municipality', what: 'a user' })
@SameMunicipality(() => UserEntity, 'revokedByUserId', { name: 'api_token_revoker_same_municipality', what: 'a user' })
@Index('api_token_user', ['userId', 'createdAt'])
@Index('api_token_municipality', ['municipalityId', 'createdAt'])
@Index('api_token_secret_hash', ['secretHash'], { unique: true })
@Check('api_token_purpose_check', `char_length(btrim("purpose")) BETWEEN 1 AND 200`)
@Check('api_token_expires_check', `"expires_at" > "created_at" AND "expires_at" <= "created_at" + interval '366 days'`)
@Check('api_token_scope_check', `cardinality("scope") >= 1`)
@Check('api_token_end_check', `("revoked_at" IS NULL) = ("end_reason" IS NULL) AND "end_reason" IN ('revoked', 'role-changed', 'deactivated', 'password-changed')`)
export class ApiTokenEntity extends BaseRecordEntity {
  /** The user's municipality; null for the national operator's own tokens. */
  @Column({ type: 'uuid', nullable: true })
  municipalityId!: string | null;

  @Column({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'varchar', length: 200 })
  purpose!: string;

  /** `otk_` + 8 hex digits: shown in lists, not secret, not enough to call with. */
  @Column({ type: 'varchar', length: 12 })
  prefix!: string;

  /** SHA-256 (hex) of the whole token; the token itself is never stored. */
  @Column({ type: 'char', length: 64 })
  secretHash!: string;

  /** `<resource>:<action>` entries, each one the role allowed when the token was made. */
  @Column({ type: 'text', array: true })
  scope!: string[];

  /** The user's role when the token was made. */
  @Column({ type: 'varchar', length: 20 })
  role!: Role;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  /** Written at most once a minute (auth_api_token), so a busy script does not write on every call. */
  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  /** Null when revoked by the database trigger (role change, deactivation). */
  @Column({ type: 'uuid', nullable: true })
  revokedByUserId!: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  endReason!: ApiTokenEndReason | null;
}
