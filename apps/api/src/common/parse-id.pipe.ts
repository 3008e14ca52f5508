import { Injectable } from '@nestjs/common';
import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { ApiException } from './errors/api.exception';

/**
 * Route ids are UUIDs; anything else is a 400 naming the parameter, never a database error. It named
 * `id` whichever parameter was wrong (DELETE /groups/:id/members/:enrolmentId with a bad enrolmentId
 * said `id`; found by the bad-input suite), so the name now comes from the route.
 */
@Injectable()
class ParseId implements PipeTransform<unknown, string> {
  transform(value: unknown, metadata: ArgumentMetadata): string {
    if (typeof value === 'string' && isUUID(value)) return value;
    throw ApiException.validation({ [metadata.data ?? 'id']: 'must be a UUID' });
  }
}

export const ParseIdPipe = new ParseId();
