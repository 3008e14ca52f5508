import type { Request } from 'express';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The client's address as Express sees it (behind a trusted local proxy: the forwarded one). */
export function clientAddress(request: Request): string | null {
  return request.ip?.slice(0, 64) ?? null;
}

/** The record a route names (`/:id`), when it is a UUID. */
export function routeRecordId(request: Request): string | null {
  const id = (request.params as Record<string, string | undefined>)['id'];
  return id && UUID.test(id) ? id.toLowerCase() : null;
}
