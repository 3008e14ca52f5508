import { Matches } from 'class-validator';

// In a *.dto.ts file so that the OpenAPI plugin documents the path parameter.
export class ExtractParamsDto {
  /** The month whose events the extract holds. */
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be a month YYYY-MM' })
  month!: string;
}
