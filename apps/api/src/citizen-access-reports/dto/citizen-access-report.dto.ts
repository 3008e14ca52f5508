import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CitizenAccessReportRequest } from '@outcomes/contracts';
import { IsDateString, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';

const DATE = { message: '$property must be a date YYYY-MM-DD' };

/**
 * Who the report is about, in the body (never a URL): a CPR number, matched exactly through its keyed
 * hash, or, for a citizen without one, the record's id (decision 94). Exactly one of the two.
 */
export class CitizenAccessReportDto implements CitizenAccessReportRequest {
  @ApiPropertyOptional({ description: 'The CPR number, DDMMYYSSSS or DDMMYY-SSSS' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  cpr?: string;

  @ApiPropertyOptional({ description: "For a citizen without a CPR number: the record's id (staff read it on the citizen's page; the access log's citizen search finds it by name)" })
  @IsOptional()
  @IsUUID('all', { message: 'citizenId must be a UUID' })
  citizenId?: string;

  @ApiProperty({ description: "The day the citizen's request was received (YYYY-MM-DD, not after today); the answer is due one month later (GDPR art. 12(3))" })
  @IsDateString({ strict: true }, DATE)
  @Length(10, 10, DATE)
  requestedOn!: string;
}
