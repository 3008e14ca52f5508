import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The hand-written access table (access-matrix.expected.csv), for the suites that need to know who may
 * call an endpoint: the access matrix itself, and bad input and resource limits, which call each
 * endpoint as a role allowed there. None of them asks PERMISSIONS in libs/contracts, the table the
 * guard enforces.
 */

export type Scope = 'own' | 'other' | 'national';
export const SCOPES: Scope[] = ['own', 'other', 'national'];
/** The roles of the table, in the order a caller is picked: a municipality's roles first, the national operator last. */
export const TABLE_ROLES = ['staff', 'coordinator', 'evaluator', 'admin', 'operator'] as const;
export type TableRole = (typeof TABLE_ROLES)[number];
export const MUNICIPAL_TABLE_ROLES: TableRole[] = ['staff', 'coordinator', 'evaluator', 'admin'];

export interface TableRow { resource: string; action: string; role: TableRole; cells: Record<Scope, string>; note: string }

export const TABLE_FILE = join(__dirname, '..', 'access-matrix.expected.csv');
const HEADER = 'resource,action,role,own,other,national,note';

export function readAccessTable(): TableRow[] {
  const lines = readFileSync(TABLE_FILE, 'utf8').split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
  const [header, ...body] = lines;
  if (header !== HEADER) throw new Error(`unexpected header in ${TABLE_FILE}: ${header}`);
  return body.map((line) => {
    const [resource, action, role, own, other, national, ...note] = line.split(',');
    if (!resource || !action || !role || own === undefined || other === undefined || national === undefined) throw new Error(`malformed row: ${line}`);
    if (!(TABLE_ROLES as readonly string[]).includes(role)) throw new Error(`unknown role in ${TABLE_FILE}: ${line}`);
    return { resource, action, role: role as TableRole, cells: { own, other, national }, note: note.join(',') };
  });
}

/**
 * The first role (in TABLE_ROLES order, among `roles`) the table allows to `action` `resource` on its
 * own municipality's records or national ones (the operator: any municipality's): who bad input and
 * resource limits call as.
 */
export function firstAllowed(resource: string, action: string, roles: readonly TableRole[] = TABLE_ROLES): TableRole {
  const rows = readAccessTable();
  const role = roles.find((r) => {
    const row = rows.find((x) => x.resource === resource && x.action === action && x.role === r);
    return row?.cells.own === 'allow' || row?.cells.national === 'allow' || (r === 'operator' && row?.cells.other === 'allow');
  });
  if (!role) throw new Error(`the access table allows no role (of ${roles.join(', ')}) to ${action} ${resource}`);
  return role;
}
