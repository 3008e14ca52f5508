import { Injectable } from '@nestjs/common';
import { tokenScopeChoices } from '@outcomes/contracts';
import type { ApiToken, ApiTokenScopeEntry, CreatedApiToken, RawListQuery } from '@outcomes/contracts';
import { apiTokenHash } from '../auth/api-token-authenticator';
import { ApiException } from '../common/errors/api.exception';
import type { ListPage } from '../common/list-query/list-page';
import { listPage } from '../common/list-query/list-page';
import type { ListSpec } from '../common/list-query/list-query';
import { Db } from '../tenancy/db.service';
import type { ApiTokenEntity } from './api-token.entity';
import { newApiToken } from './api-token-secret';
import { apiTokenList, apiTokenOr404, insertApiToken, maxTokenDays, revokeApiToken, userNames } from './api-tokens.queries';
import type { CreateApiTokenDto } from './dto/api-token.dto';

const LIST_SPEC: ListSpec = {
  fields: {
    id: { type: 'uuid', column: 'id', filterable: true },
    userId: { type: 'uuid', column: 'user_id', filterable: true },
    purpose: { type: 'string', column: 'purpose', sortable: true },
    createdAt: { type: 'datetime', column: 'created_at', sortable: true },
    expiresAt: { type: 'datetime', column: 'expires_at', sortable: true },
    lastUsedAt: { type: 'datetime', column: 'last_used_at', sortable: true },
  },
  searchColumns: [],
  defaultSort: ['createdAt', 'DESC'],
};

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Personal API tokens (issue 24; docs/api-tokens.md): a user makes one for a purpose, with an expiry
 * within the municipality's `apiTokenMaxDays` and a scope within their own role's permissions; it is
 * shown once. A user lists and revokes their own; an admin also their municipality's users' (row-level
 * security decides which rows each sees). Made and revoked only from a session: no token carries
 * `api-tokens` in its scope.
 */
@Injectable()
export class ApiTokensService {
  constructor(private readonly db: Db) {}

  list(raw: RawListQuery): Promise<ListPage<ApiToken>> {
    return listPage(apiTokenList(this.db.manager()), raw, LIST_SPEC, (rows) => this.toTokens(rows));
  }

  async create(input: CreateApiTokenDto): Promise<CreatedApiToken> {
    const user = this.db.user();
    const manager = this.db.manager();
    const maxDays = await maxTokenDays(manager);
    if (input.expiresInDays > maxDays) throw ApiException.validation({ expiresInDays: `must be at most ${maxDays} (the municipality's apiTokenMaxDays)` });
    const allowed = new Set<string>(tokenScopeChoices(user.role));
    const outside = input.scope.filter((entry) => !allowed.has(entry));
    if (outside.length > 0) throw ApiException.validation({ scope: `must be permissions of your own role; not yours: ${outside.slice(0, 5).join(', ')}` });
    const scope = [...new Set(input.scope)].sort() as ApiTokenScopeEntry[];
    const { token, prefix } = newApiToken();
    const id = await insertApiToken(manager, {
      municipalityId: user.municipalityId,
      userId: user.id,
      purpose: input.purpose,
      prefix,
      secretHash: apiTokenHash(token),
      scope,
      role: user.role,
      expiresAt: new Date(Date.now() + input.expiresInDays * DAY_MS),
    });
    const created = await this.get(id);
    // Logged without the token or its hash: what was made, for what, for how long.
    this.db.logChange('api-tokens', 'create', id, null, created);
    return { ...created, token };
  }

  async revoke(id: string): Promise<ApiToken> {
    const before = await this.get(id);
    if (await revokeApiToken(this.db.manager(), id, this.db.user().id)) {
      const after = await this.get(id);
      this.db.logChange('api-tokens', 'delete', id, before, after);
      return after;
    }
    // Already ended: revoking again changes nothing.
    return before;
  }

  private async get(id: string): Promise<ApiToken> {
    const [token] = await this.toTokens([await apiTokenOr404(this.db.manager(), id)]);
    return token as ApiToken;
  }

  private async toTokens(rows: ApiTokenEntity[]): Promise<ApiToken[]> {
    const user = this.db.user();
    const names = await userNames(this.db.manager(), [...new Set(rows.map((r) => r.userId))]);
    return rows.map((r) => ({
      id: r.id,
      userId: r.userId,
      userDisplayName: r.userId === user.id ? user.displayName : (names.get(r.userId) ?? ''),
      purpose: r.purpose,
      prefix: r.prefix,
      scope: r.scope as ApiTokenScopeEntry[],
      createdAt: r.createdAt.toISOString(),
      expiresAt: r.expiresAt.toISOString(),
      lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
      revokedAt: r.revokedAt?.toISOString() ?? null,
      endReason: r.endReason,
    }));
  }
}
