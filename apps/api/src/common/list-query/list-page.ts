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
 * A page's rows and the total matching, as getManyAndCount() answers them, in one statement where the
 * query is a plain one (decision 180): the count as an uncorrelated scalar subquery over the same
 * FROM and WHERE beside the page's columns (run once, from the index where it can be), where
 * getManyAndCount() sends a second COUNT query, a round trip more per list request. Not
 * `count(*) OVER ()`: a window over every matching row must read and sort them all, whole, before
 * LIMIT (the access log of a large municipality: 3.6 s and 0.9 GB of temporary files a page at a
 * million rows, against 113 ms for the count alone; the review of decision 180).
 * A query with joins, DISTINCT or GROUP BY keeps getManyAndCount() (its count is of distinct keys,
 * which a window count over joined rows is not). An empty page says no total: at offset 0 nothing
 * matches; past the end the count is asked for as before.
 * The third element is the page's raw rows in the one-statement case (a list's extra columns, read
 * beside the entity's: see sessions.queries.ts), undefined when getManyAndCount() answered.
 */
export async function manyAndCount<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>): Promise<[E[], number, RawRow[] | undefined]> {
  const map = qb.expressionMap;
  if (map.joinAttributes.length > 0 || map.relationIdAttributes.length > 0 || map.selectDistinct || map.groupBys.length > 0) {
    const [rows, total] = await qb.getManyAndCount();
    return [rows, total, undefined];
  }
  const count = qb.clone().select('count(1)').orderBy().offset(undefined).limit(undefined).skip(undefined).take(undefined);
  const { entities, raw } = await qb
    .clone()
    .addSelect(`(${count.getQuery()})`, 'list_total')
    .setParameters(count.getParameters())
    .getRawAndEntities<{ list_total: string }>();
  const first = raw[0];
  if (first) return [entities, Number(first.list_total), raw];
  return [entities, map.offset ? await qb.getCount() : 0, raw];
}

/** A page's rows as the database answered them: the entity's columns and any extra selected beside them, by alias. */
export type RawRow = Record<string, unknown>;

/**
 * Columns a list reads beside its entity's in the page's own statement (decision 191): `add` adds them
 * to the page's query; `shape` gets the raw rows that carry them. PostgreSQL computes them for every
 * row the OFFSET skips as well as for the page's, so they are read only for a page that starts within
 * EXTRAS_UP_TO_OFFSET rows; a page further on is shaped without them, with a query of its own.
 */
export interface ListExtras<E extends ObjectLiteral, R> {
  add: (qb: SelectQueryBuilder<E>) => SelectQueryBuilder<E>;
  shape: (rows: E[], raw: RawRow[]) => R[] | Promise<R[]>;
}

/**
 * The furthest a page may start for its extras to be read with it: the first two pages of 25. Each
 * row skipped costs what a row of the page does (the review of decision 191 measured the sessions
 * list at offset 5,000: 61 ms against 18 ms), and the queries they replace cost about as much as
 * some 40 skipped rows of the sessions list.
 */
export const EXTRAS_UP_TO_OFFSET = 25;

/**
 * One page of a simple-rest list: parse sort/range/filter against the allow-list (400 when bad),
 * query the page and the total, and shape the rows for the answer; with `extras`, near the start of
 * the list, their columns come with the page and their shaping is used.
 */
export async function listPage<E extends ObjectLiteral, R>(
  qb: SelectQueryBuilder<E>,
  raw: RawListQuery,
  spec: ListSpec,
  shape: (rows: E[]) => R[] | Promise<R[]>,
  keyColumn = 'id',
  extras?: ListExtras<E, R>,
): Promise<ListPage<R>> {
  const query = parseListQueryOr400(raw, spec);
  const page = applyListQuery(qb, query, keyColumn);
  if (extras && query.offset <= EXTRAS_UP_TO_OFFSET) {
    const [rows, total, raws] = await manyAndCount(extras.add(page));
    if (raws) return { rows: await extras.shape(rows, raws), offset: query.offset, total };
    return { rows: await shape(rows), offset: query.offset, total };
  }
  const [rows, total] = await manyAndCount(page);
  return { rows: await shape(rows), offset: query.offset, total };
}
