import { IsOptional, IsUUID } from 'class-validator';

// In a *.dto.ts file so that the OpenAPI plugin documents the query parameters.
/** The plan-review worklist's filters, the same as the worklist's other lines ("Mine borgere", a centre). */
export class PlanReviewQueryDto {
  @IsOptional()
  @IsUUID('all', { message: 'centreId must be a UUID' })
  centreId?: string;

  /** "Mine borgere": only enrolments this staff member is responsible for. */
  @IsOptional()
  @IsUUID('all', { message: 'staffUserId must be a UUID' })
  staffUserId?: string;
}
