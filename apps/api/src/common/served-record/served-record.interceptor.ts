import { RequestMethod } from '@nestjs/common';
import type { CallHandler, ExecutionContext, NestInterceptor, Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { getMetadataStorage, isUUID } from 'class-validator';
import type { Request } from 'express';
import { from, switchMap } from 'rxjs';
import type { Observable } from 'rxjs';
import { ApiException } from '../errors/api.exception';
import { carriesMoreThan, splitReadOnly } from './read-only-fields';

/** How one `PUT :id` handler gets the record as served: its body's DTO fields and its controller's `GET :id`. */
interface Plan {
  accepted: ReadonlySet<string>;
  getter: string;
}

type Handler = (...args: unknown[]) => unknown;

/** The fields a DTO class takes: those with a class-validator rule (the ValidationPipe's whitelist). */
function acceptedFields(dto: Type): ReadonlySet<string> {
  return new Set(getMetadataStorage().getTargetValidationMetadatas(dto, '', false, false).map((m) => m.propertyName));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The stock react-admin `update` (ra-data-simple-rest) PUTs the record as it was served, read-only
 * fields and all (id, createdAt, updatedAt, computed fields). For every `PUT :id` whose controller
 * also has `GET :id`, this takes those fields out of the body before the ValidationPipe sees it:
 * unchanged they are ignored, changed they are a 400 naming each ("is read-only"). A record the user
 * cannot read leaves the body as it came (the ValidationPipe refuses its unknown fields). "Read-only" is
 * found, not listed: what the GET serves that the PUT's DTO does not take. Anything else unknown
 * stays in the body, and the ValidationPipe's forbidNonWhitelisted refuses it as before.
 *
 * Registered with useGlobalInterceptors, so it runs after the tenant interceptor (an APP_INTERCEPTOR,
 * applied when the app is created): the record is read in the request's tenant transaction, under
 * row-level security, as the user would be served it. The served record is read only when the body
 * carries more than the DTO's fields.
 */
export class ServedRecordInterceptor implements NestInterceptor {
  private readonly plans = new Map<Handler, Plan | null>();

  /** `resolve` finds a controller's instance (the app's `get(type, { strict: false })`). */
  constructor(private readonly resolve: (type: Type) => unknown) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    if (request.method !== 'PUT') return next.handle();
    const plan = this.planFor(context.getClass(), context.getHandler() as Handler);
    const body: unknown = request.body;
    const id = request.params['id'];
    if (!plan || !isPlainObject(body) || typeof id !== 'string' || !isUUID(id) || !carriesMoreThan(body, plan.accepted)) return next.handle();
    const controller = this.resolve(context.getClass()) as Record<string, Handler>;
    const read = async (): Promise<unknown> => {
      try {
        return await controller[plan.getter]?.call(controller, id);
      } catch (error) {
        // No record to compare with (none, or not this user's): the body is judged as before, by the
        // ValidationPipe, so an id nobody can see answers exactly as an id that does not exist.
        if (error instanceof ApiException && error.getStatus() === 404) return null;
        throw error;
      }
    };
    return from(read()).pipe(
      switchMap((record) => {
        // As the client saw it: JSON (dates as ISO text, entities' class-less shape).
        const served: unknown = JSON.parse(JSON.stringify(record ?? null));
        if (isPlainObject(served)) {
          const verdict = splitReadOnly(body, plan.accepted, served);
          if (Object.keys(verdict.changed).length > 0) throw ApiException.validation(verdict.changed);
          request.body = verdict.body;
        }
        return next.handle();
      }),
    );
  }

  private planFor(controller: Type, handler: Handler): Plan | null {
    const known = this.plans.get(handler);
    if (known !== undefined) return known;
    const plan = this.makePlan(controller, handler);
    this.plans.set(handler, plan);
    return plan;
  }

  private makePlan(controller: Type, handler: Handler): Plan | null {
    if (Reflect.getMetadata(PATH_METADATA, handler) !== ':id') return null;
    const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handler.name) ?? {}) as Record<string, { index: number }>;
    const bodyArg = Object.entries(args).find(([key]) => key.split(':')[0] === String(RouteParamtypes.BODY))?.[1];
    const types = (Reflect.getMetadata('design:paramtypes', controller.prototype as object, handler.name) ?? []) as (Type | undefined)[];
    const dto = bodyArg ? types[bodyArg.index] : undefined;
    const prototype = controller.prototype as Record<string, unknown>;
    const getter = Object.getOwnPropertyNames(prototype).find((name) => {
      const method = name === 'constructor' ? undefined : prototype[name];
      return typeof method === 'function' && Reflect.getMetadata(PATH_METADATA, method) === ':id' && Reflect.getMetadata(METHOD_METADATA, method) === RequestMethod.GET;
    });
    if (!dto || !getter) return null;
    return { accepted: acceptedFields(dto), getter };
  }
}
