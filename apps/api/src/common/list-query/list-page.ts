import type { RawListQuery } from '@outcomes/contracts';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { applyListQuery } from './apply-list-query';
import type { ListSpec } from './list-query';
import { parseListQueryOr400 } from './parse-list-query-or-400';

/** One page of a list: its rows, where it starts and how many there are in all (Content-Range). */
export interface ListPage<E> {
  rows: E[];
  offset: number;
  total: number;
}

/**
 * One page of a simple-rest list: parse sort/range/filter against the allow-list (400 when bad),
 * query the page and the total, and shape the rows for the answer.
 */
export async function listPage<E extends ObjectLiteral, R>(
  qb: SelectQueryBuilder<E>,
  raw: RawListQuery,
  spec: ListSpec,
  shape: (rows: E[]) => R[] | Promise<R[]>,
  keyColumn = 'id',
): Promise<ListPage<R>> {
  const query = parseListQueryOr400(raw, spec);
  const [rows, total] = await applyListQuery(qb, query, keyColumn).getManyAndCount();
  return { rows: await shape(rows), offset: query.offset, total };
}
