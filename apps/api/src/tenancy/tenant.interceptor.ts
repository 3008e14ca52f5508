import { Injectable } from '@nestjs/common';
import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ACCESS_ACTION_OF, GOVERNED_RESOURCES, PERSONAL_DATA_RESOURCES } from '@outcomes/contracts';
import type { Action, ApiErrorBody, ResourceName } from '@outcomes/contracts';
import type { Request } from 'express';
import { from, lastValueFrom } from 'rxjs';
import type { Observable } from 'rxjs';
import type { EntityManager } from 'typeorm';
import { answerPeople } from '../audit/answer-citizens';
import { filterOf, searchCriterion } from '../audit/search-criterion';
import { PERMISSION } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { IdentifierCrypto } from '../common/crypto/identifier-crypto';
import { ApiException } from '../common/errors/api.exception';
import { referenceRefusal } from '../common/errors/database-errors';
import { clientAddress, routeRecordId } from './request-info';
import { TenantTransaction } from './tenant-transaction.service';

/**
 * The citizens of the enrolments an answer names, as the request's own tenant sees them: those the
 * handler read from the enrolments' own rows (`known`, RequestContext.enrolmentCitizens), the rest
 * looked up, in the same transaction.
 */
async function citizensOfEnrolments(manager: EntityManager, enrolmentIds: string[], known: Map<string, string> | undefined): Promise<string[]> {
  const found: string[] = [];
  const unknown: string[] = [];
  for (const id of enrolmentIds) {
    const citizen = known?.get(id.toLowerCase());
    if (citizen === undefined) unknown.push(id);
    else found.push(citizen);
  }
  if (unknown.length === 0) return found;
  const rows = (await manager.query('SELECT DISTINCT citizen_id::text AS id FROM enrolment WHERE id = ANY($1::uuid[])', [unknown])) as { id: string }[];
  return [...found, ...rows.map((r) => r.id)];
}

/**
 * Runs every signed-in request inside its tenant transaction, and logs each use of personal data
 * (search, read, create, update, delete) in that same transaction, with every citizen the answer
 * carried. A search is logged by what was searched, never its text (search-criterion.ts). A request
 * for a record the user may not see answers 404 like a missing one, and that refusal is logged too;
 * so is a 409 that names an existing citizen (a duplicate CPR number), since it tells who exists.
 */
@Injectable()
export class TenantInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly tenant: TenantTransaction,
    private readonly crypto: IdentifierCrypto,
  ) {}

  private criterion(request: Request): string | null {
    return searchCriterion(filterOf(request.query, request.body), (value) => this.crypto.blindIndex('audit-search', value));
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const user = request.user;
    if (!user) return next.handle();
    const permission = this.reflector.get<{ resource: ResourceName; action: Action } | undefined>(PERMISSION, context.getHandler());
    const audited = permission && PERSONAL_DATA_RESOURCES.includes(permission.resource) ? permission : undefined;
    const address = clientAddress(request);

    const work = this.tenant.run(user, address, async (ctx) => {
      const result = await lastValueFrom(next.handle(), { defaultValue: undefined });
      if (audited && !ctx.selfLogged) {
        const record = audited.action === 'list' ? undefined : (result as { id?: string; citizenId?: string } | undefined);
        const recordId = (audited.action === 'create' ? record?.id : undefined) ?? routeRecordId(request) ?? record?.id ?? null;
        const people = answerPeople(audited.resource, audited.action, result);
        // A route under /enrolments/:id (its follow-ups) is about that enrolment's citizen, whatever it answers.
        const enrolments = audited.resource === 'enrolments' && recordId ? [...people.enrolmentIds, recordId] : people.enrolmentIds;
        const carried = [...new Set([...people.citizenIds, ...(await citizensOfEnrolments(ctx.manager, enrolments, ctx.enrolmentCitizens))])];
        const single = audited.action === 'list' ? null : audited.resource === 'citizens' ? recordId : (record?.citizenId ?? (audited.resource === 'enrolments' && carried.length === 1 ? carried[0] : null) ?? null);
        ctx.accesses.push({
          action: ACCESS_ACTION_OF[audited.action],
          resource: audited.resource,
          recordId,
          citizenId: single,
          citizenIds: carried.filter((id) => id !== single),
          criterion: ctx.criterion ?? (audited.action === 'list' ? this.criterion(request) : null),
          outcome: 'ok',
        });
      }
      // A request made with a personal API token is logged whatever it touched (issue 24): the row
      // carries the token's id (access-log.writer.ts), so the user's log tells the script's calls apart.
      if (user.apiTokenId && permission && ctx.accesses.length === 0 && !ctx.selfLogged) {
        ctx.accesses.push({ action: ACCESS_ACTION_OF[permission.action], resource: permission.resource, recordId: routeRecordId(request), outcome: 'ok' });
      }
      return result;
    });

    // A refused write to reference data, users, grants or settings (another municipality's, the
    // national catalogue, a field the role may not change) is logged as an attempt, after the rollback.
    const governedWrite = permission && GOVERNED_RESOURCES.includes(permission.resource) && permission.action !== 'list' && permission.action !== 'read' ? permission : undefined;

    return from(
      work.catch(async (error: unknown) => {
        // A reference outside the municipality (the service's refusal or the database's key): 400
        // naming the field, nothing written (the work's transaction rolled back), the attempt logged.
        const refused = permission ? referenceRefusal(error) : undefined;
        if (permission && refused) {
          await this.tenant.run(user, address, async (ctx) => {
            ctx.accesses.push({
              action: ACCESS_ACTION_OF[permission.action],
              resource: permission.resource,
              recordId: routeRecordId(request),
              criterion: `reference: ${refused.field}`,
              outcome: 'refused',
            });
          });
          throw refused;
        }
        if (governedWrite && error instanceof ApiException && ([400, 403, 409].includes(error.getStatus()) || (error.getStatus() === 404 && !audited))) {
          await this.tenant.run(user, address, async (ctx) => {
            ctx.accesses.push({
              action: ACCESS_ACTION_OF[governedWrite.action],
              resource: governedWrite.resource,
              recordId: routeRecordId(request),
              outcome: error.getStatus() === 404 ? 'not-found' : 'refused',
            });
          });
        }
        if (audited && error instanceof ApiException && error.getStatus() === 404) {
          await this.tenant.run(user, address, async (ctx) => {
            const recordId = routeRecordId(request);
            ctx.accesses.push({
              action: ACCESS_ACTION_OF[audited.action],
              resource: audited.resource,
              recordId,
              citizenId: audited.resource === 'citizens' ? recordId : null,
              outcome: 'not-found',
            });
          });
        }
        const existingId = error instanceof ApiException && error.getStatus() === 409 ? (error.getResponse() as ApiErrorBody).existingId : undefined;
        if (audited && existingId) {
          // The answer names a citizen the request did not ask for by id: the CPR number led to them.
          await this.tenant.run(user, address, async (ctx) => {
            ctx.accesses.push({
              action: ACCESS_ACTION_OF[audited.action],
              resource: audited.resource,
              recordId: routeRecordId(request),
              citizenId: existingId,
              criterion: JSON.stringify({ conflict: 'duplicate-cpr', answered: 'existingId' }),
              outcome: 'refused',
            });
          });
        }
        if (error instanceof ApiException && error.logRefusal) {
          // A refusal that says itself what to log (the work's rows rolled back with it).
          await this.tenant.run(user, address, error.logRefusal);
        }
        const mergedIntoId = error instanceof ApiException && error.getStatus() === 410 ? (error.getResponse() as ApiErrorBody).mergedIntoId : undefined;
        if (audited && mergedIntoId) {
          // A record merged into another (issue 22): the answer names the record it went into.
          await this.tenant.run(user, address, async (ctx) => {
            const recordId = routeRecordId(request);
            ctx.accesses.push({
              action: ACCESS_ACTION_OF[audited.action],
              resource: audited.resource,
              recordId,
              citizenId: mergedIntoId,
              citizenIds: recordId && recordId !== mergedIntoId ? [recordId] : [],
              criterion: JSON.stringify({ gone: 'merged', answered: 'mergedIntoId' }),
              outcome: 'refused',
            });
          });
        }
        throw error;
      }),
    );
  }
}
