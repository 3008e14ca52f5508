import type { Response } from 'express';
import { contentRange } from '../list-query/list-query';
import type { ListPage } from '../list-query/list-page';

/** Sets react-admin's Content-Range header and answers the rows as a plain JSON array. */
export function sendPage<E>(res: Response, resource: string, page: ListPage<E>): E[] {
  res.setHeader('Content-Range', contentRange(resource, page.offset, page.rows.length, page.total));
  return page.rows;
}
