import { EXPORT_DATASETS, EXPORT_FORMATS, EXPORT_LABEL_LANGUAGES, EXPORT_MIN_K } from '@outcomes/contracts';
import type { ExportDataset, ExportFormat, ExportLabelLanguage } from '@outcomes/contracts';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDateString, IsIn, IsInt, IsString, IsUUID, Length, Max, Min, ValidateIf } from 'class-validator';
import { trim } from '../../common/dto-transforms';

/** Beyond this a project's files would hold little but suppressed values. */
export const EXPORT_MAX_K = 100;

const DATE = { message: '$property must be a date YYYY-MM-DD' };

export class CreateExportProjectDto {
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  name!: string;

  /** Why the data is needed: the access log and the admins who granted the municipalities read it. */
  @Transform(trim)
  @IsString()
  @Length(10, 2000, { message: 'purpose must say why the data is needed, in 10 to 2000 characters' })
  purpose!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(98)
  @IsUUID('all', { each: true, message: 'each value in municipalityIds must be a UUID' })
  municipalityIds!: string[];

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'each value in programmeIds must be a UUID' })
  programmeIds!: string[];

  @IsDateString({ strict: true }, DATE)
  @Length(10, 10, DATE)
  periodFrom!: string;

  @IsDateString({ strict: true }, DATE)
  @Length(10, 10, DATE)
  periodTo!: string;

  /** 5 when left out (on an update: unchanged); 11 is the precedent for wider release. */
  @ValidateIf((o: CreateExportProjectDto) => o.k !== undefined)
  @IsInt({ message: 'k must be a whole number' })
  @Min(EXPORT_MIN_K, { message: `k must be at least ${EXPORT_MIN_K}` })
  @Max(EXPORT_MAX_K, { message: `k must be at most ${EXPORT_MAX_K}` })
  k?: number;
}

export class UpdateExportProjectDto extends CreateExportProjectDto {
  @IsInt()
  @Min(1)
  version!: number;
}

export class CreateExportJobDto {
  @IsUUID('all', { message: 'projectId must be a UUID' })
  projectId!: string;

  @IsIn(EXPORT_DATASETS, { message: `dataset must be one of: ${EXPORT_DATASETS.join(', ')}` })
  dataset!: ExportDataset;

  @IsIn(EXPORT_FORMATS, { message: `format must be one of: ${EXPORT_FORMATS.join(', ')}` })
  format!: ExportFormat;
}

/** The labels' language of a syntax file: Danish or English (the codebook has both). */
export class SyntaxQueryDto {
  @IsIn(EXPORT_LABEL_LANGUAGES, { message: `lang must be one of: ${EXPORT_LABEL_LANGUAGES.join(', ')}` })
  lang!: ExportLabelLanguage;
}
