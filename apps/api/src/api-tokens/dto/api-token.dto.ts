import { API_TOKEN_PURPOSE_MAX } from '@outcomes/contracts';
import type { ApiTokenInput, ApiTokenScopeEntry } from '@outcomes/contracts';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsString, Length, Max, MaxLength, Min } from 'class-validator';
import { trim } from '../../common/dto-transforms';

/** A new personal API token: what it is for, how long it lives, and which of the user's permissions it carries. */
export class CreateApiTokenDto implements ApiTokenInput {
  @Transform(trim)
  @IsString({ message: 'purpose must be text saying what the token is for' })
  @Length(1, API_TOKEN_PURPOSE_MAX, { message: `purpose must say what the token is for, 1 to ${API_TOKEN_PURPOSE_MAX} characters` })
  purpose!: string;

  @IsInt({ message: 'expiresInDays must be a whole number of days' })
  @Min(1, { message: 'expiresInDays must be at least 1' })
  @Max(365, { message: 'expiresInDays must be at most 365 (a year)' })
  expiresInDays!: number;

  @IsArray({ message: 'scope must be a list of permissions such as "export-jobs:create"' })
  @ArrayMinSize(1, { message: 'scope must name at least one permission' })
  @ArrayMaxSize(200, { message: 'scope must name at most 200 permissions' })
  @IsString({ each: true, message: 'scope must be a list of permissions such as "export-jobs:create"' })
  @MaxLength(60, { each: true, message: 'scope entries are at most 60 characters' })
  scope!: ApiTokenScopeEntry[];
}
