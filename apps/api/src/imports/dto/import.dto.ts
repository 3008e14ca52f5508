import { IMPORT_KINDS, IMPORT_MODES } from '@outcomes/contracts';
import type { ImportDryRunInput, ImportKind, ImportMapping, ImportMode, ImportRunInput } from '@outcomes/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsObject, IsOptional, Max, Min } from 'class-validator';

export class UploadQueryDto {
  @IsIn(IMPORT_KINDS, { message: `kind must be one of ${IMPORT_KINDS.join(', ')}` })
  kind!: ImportKind;
}

export class DryRunDto implements ImportDryRunInput {
  /** The file's column → the product's field; each field from one column only. */
  @IsObject({ message: 'mapping must be an object of column names and field names' })
  mapping!: ImportMapping;
}

export class RunDto implements ImportRunInput {
  @IsIn(IMPORT_MODES, { message: `mode must be one of ${IMPORT_MODES.join(', ')}` })
  mode!: ImportMode;
}

const int = ({ value }: { value: unknown }): unknown => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);

export class ResultsQueryDto {
  @IsOptional()
  @Transform(int)
  @IsInt({ message: 'offset must be a whole number' })
  @Min(0, { message: 'offset must be 0 or more' })
  offset?: number;

  @IsOptional()
  @Transform(int)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(500, { message: 'limit must be at most 500' })
  limit?: number;

  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'errorsOnly must be true or false' })
  errorsOnly?: boolean;
}
