import type { RawListQuery } from '@outcomes/contracts';
import { ApiException } from '../errors/api.exception';
import { ListQueryError, parseListQuery } from './list-query';
import type { ListQuery, ListSpec } from './list-query';

/** parseListQuery for controllers' services: a bad sort, range or filter is a 400 naming the parameter. */
export function parseListQueryOr400(raw: RawListQuery, spec: ListSpec): ListQuery {
  try {
    return parseListQuery(raw, spec);
  } catch (error) {
    if (error instanceof ListQueryError) {
      throw new ApiException(400, 'BAD_LIST_QUERY', `Invalid list query. ${error.message}`, { [error.parameter]: error.rule });
    }
    throw error;
  }
}
