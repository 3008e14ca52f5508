/**
 * Constraint and index names → the properties they cover, so a unique violation can name its field
 * in the 400/409. Filled from the entity metadata at start (constraint-registry.ts) and, for
 * expression indexes the metadata does not hold, by the entity files themselves. No framework here:
 * entity files import it, and their unit tests load without Nest.
 */
const constraintFields = new Map<string, string[]>();

export function registerConstraints(entries: Iterable<[string, string[]]>): void {
  for (const [name, fields] of entries) constraintFields.set(name, fields);
}

export function fieldsOfConstraint(name: string): string[] | undefined {
  return constraintFields.get(name);
}
