import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsDateString, IsInt, IsOptional, IsString, Length, Max, MaxLength, Min, MinLength } from 'class-validator';
import { trim } from '../../common/dto-transforms';

const DATE = { message: '$property must be a date YYYY-MM-DD' };
const trimEach = ({ value }: { value: unknown }): unknown => (Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value);

/** POST /enrolments/:id/treatment-plan: the first plan, made with the citizen (§ 101 stk. 8). */
export class CreateTreatmentPlanDto {
  @Transform(trimEach)
  @IsArray({ message: 'goals must be a list of goals' })
  @ArrayMinSize(1, { message: 'a plan without a goal: goals needs at least one goal' })
  @ArrayMaxSize(20, { message: 'goals may hold at most 20 goals' })
  @IsString({ each: true, message: 'each goal must be text' })
  @MinLength(1, { each: true, message: 'a goal must not be empty' })
  @MaxLength(1000, { each: true, message: 'a goal must be at most 1000 characters' })
  goals!: string[];

  @Transform(trimEach)
  @IsArray({ message: 'actions must be a list of actions' })
  @ArrayMaxSize(30, { message: 'actions may hold at most 30 actions' })
  @IsString({ each: true, message: 'each action must be text' })
  @MinLength(1, { each: true, message: 'an action must not be empty' })
  @MaxLength(1000, { each: true, message: 'an action must be at most 1000 characters' })
  actions!: string[];

  @IsInt({ message: 'expectedDurationWeeks must be a whole number of weeks' })
  @Min(1, { message: 'expectedDurationWeeks must be at least 1' })
  @Max(520, { message: 'expectedDurationWeeks must be at most 520 (10 years)' })
  expectedDurationWeeks!: number;

  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'citizenResources must be text' })
  @MaxLength(4000, { message: 'citizenResources must be at most 4000 characters' })
  citizenResources?: string | null;

  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'otherActors must be text' })
  @MaxLength(4000, { message: 'otherActors must be at most 4000 characters' })
  otherActors?: string | null;

  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'responsible must be text' })
  @MaxLength(4000, { message: 'responsible must be at most 4000 characters' })
  responsible?: string | null;

  @IsBoolean({ message: 'madeWithCitizen must be true or false' })
  madeWithCitizen!: boolean;

  @IsOptional()
  @IsDateString({ strict: true }, DATE)
  @Length(10, 10, DATE)
  madeWithCitizenOn?: string | null;

  @IsDateString({ strict: true }, DATE)
  @Length(10, 10, DATE)
  reviewDate!: string;
}

/** PUT /enrolments/:id/treatment-plan: a revision, based on the one loaded, with why. */
export class ReviseTreatmentPlanDto extends CreateTreatmentPlanDto {
  @IsInt({ message: 'basedOnRevision must be the revision you loaded' })
  @Min(1, { message: 'basedOnRevision must be the revision you loaded' })
  basedOnRevision!: number;

  @Transform(trim)
  @IsString({ message: 'revisionReason must be text' })
  @MinLength(3, { message: 'revisionReason is required: say why the plan is revised (at least 3 characters)' })
  @MaxLength(2000, { message: 'revisionReason must be at most 2000 characters' })
  revisionReason!: string;
}
