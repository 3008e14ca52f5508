import { IsUUID, ValidateIf } from 'class-validator';

// In a *.dto.ts file so that the OpenAPI plugin documents the query parameters.
/** An optional filter: left out, or given empty (`?centreId=`), it filters nothing. */
const given = (_: object, value: unknown): boolean => value !== undefined && value !== '';

/** The plan-review worklist's filters, the same as the worklist's other lines ("Mine borgere", a centre). */
export class PlanReviewQueryDto {
  @ValidateIf(given)
  @IsUUID('all', { message: 'centreId must be a UUID' })
  centreId?: string;

  /** "Mine borgere": only enrolments this staff member is responsible for. */
  @ValidateIf(given)
  @IsUUID('all', { message: 'staffUserId must be a UUID' })
  staffUserId?: string;
}
