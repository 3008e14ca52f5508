/**
 * The database's same-municipality rules: constraint (or trigger) name → the API field it guards and
 * the rule a 400 names. Filled by the entities' decorators (same-municipality.ts), read by the error
 * mapper (common/errors/database-errors.ts). No imports: entities load it without the web framework.
 */
export const REFERENCE_RULES = new Map<string, { field: string; rule: string }>();

export function registerReferenceRule(constraint: string, field: string, rule: string): void {
  REFERENCE_RULES.set(constraint, { field, rule });
}
