import { ParseUUIDPipe } from '@nestjs/common';
import { ApiException } from './errors/api.exception';

/** Route ids are UUIDs; anything else is a 400 naming `id`, never a database error. */
export const ParseIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => ApiException.validation({ id: 'must be a UUID' }),
});
