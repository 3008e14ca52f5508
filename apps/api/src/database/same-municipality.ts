import { ForeignKey, Unique } from 'typeorm';
import type { ObjectType } from 'typeorm';
import { registerReferenceRule } from './reference-rules';

/**
 * References stay inside the municipality, in the database by construction: a record's reference
 * to a user, centre, citizen, enrolment, group, meeting, assessment or volunteer is the foreign key
 * (municipality_id, <column>) → parent (municipality_id, id), so the referenced row must exist AND
 * belong to the record's own municipality. No service can forget it, and the database owner sees the
 * same rule. (Foreign-key checks bypass row-level security, so this holds whatever the policies say.)
 *
 * Each constraint is registered with the API field it guards and the rule the 400 names
 * (common/errors/database-errors.ts); the tenant interceptor logs the refusal.
 */
export function SameMunicipality(
  parent: () => ObjectType<unknown>,
  property: string,
  options: { name: string; what: string; onDelete?: 'RESTRICT' | 'CASCADE'; field?: string; municipality?: string },
): ClassDecorator {
  const field = options.field ?? property;
  registerReferenceRule(options.name, field, `${field} must name ${options.what} of your municipality`);
  return ForeignKey(parent, [options.municipality ?? 'municipalityId', property] as const, ['municipalityId', 'id'] as const, {
    name: options.name,
    onDelete: options.onDelete ?? 'RESTRICT',
  });
}

/**
 * A programme reference: national (no municipality) or a local programme of the record's own
 * municipality. A key cannot say "NULL or equal", so a trigger does (ProgrammeReferencesStayInMunicipality).
 */
export function registerProgrammeRule(constraint: string, field: string): void {
  registerReferenceRule(constraint, field, `${field} must name a national programme or one of your municipality`);
}

/** What a same-municipality foreign key points at: (municipality_id, id) is unique on the parent. */
export function ReferencedByMunicipality(table: string): ClassDecorator {
  return Unique(`${table}_municipality_id_id_unique`, ['municipalityId', 'id']);
}
