import { Brackets } from 'typeorm';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { ListQuery } from './list-query';

const escapeLike = (word: string): string => word.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Turns a parsed ListQuery into WHERE / ORDER BY / OFFSET / LIMIT. Column names come from the
 * resource's allow-list, never from the request; every value is a bound parameter.
 */
export function applyListQuery<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, query: ListQuery, keyColumn = 'id'): SelectQueryBuilder<T> {
  const col = (column: string): string => `"${qb.alias}"."${column}"`;
  query.conditions.forEach((c, i) => {
    const p = `lq${i}`;
    switch (c.kind) {
      case 'eq':
        if (c.value === null) qb.andWhere(`${col(c.column)} IS NULL`);
        else qb.andWhere(`${col(c.column)} = :${p}`, { [p]: c.value });
        break;
      case 'in':
        if (c.values.length === 0) qb.andWhere('FALSE');
        else qb.andWhere(`${col(c.column)} = ANY(:${p})`, { [p]: c.values }); // one statement text whatever the number of values (decision 188)
        break;
      case 'gte':
        qb.andWhere(`${col(c.column)} >= :${p}`, { [p]: c.value });
        break;
      case 'lte':
        qb.andWhere(`${col(c.column)} <= :${p}`, { [p]: c.value });
        break;
      case 'search':
        // Every word must occur in at least one searched column.
        c.words.forEach((word, j) => {
          qb.andWhere(
            new Brackets((or) => {
              for (const column of c.columns) {
                or.orWhere(`${col(column)} ILIKE :${p}_${j}`, { [`${p}_${j}`]: `%${escapeLike(word)}%` });
              }
            }),
          );
        });
        break;
    }
  });
  // The key as a tie-breaker keeps pages stable when many rows share a sort value.
  qb.orderBy(col(query.sort.column), query.sort.order);
  if (query.sort.column !== keyColumn) qb.addOrderBy(col(keyColumn), 'ASC');
  return qb.offset(query.offset).limit(query.limit);
}
