import type { Role } from '@outcomes/contracts';

/**
 * What ends with a role: when an admin gives a user another role, what belonged to the old one ends
 * (an evaluator's grants, wherever they were made). Users know only this port, which the grants module
 * provides and the app module wires in (UsersModule.register), so users and grants do not import each
 * other: grants point at users (a grant names its evaluator), never the other way.
 */
export interface RoleEnded {
  roleEnded(userId: string, previousRole: Role): Promise<void>;
}

export const ROLE_ENDED = Symbol('ROLE_ENDED');
