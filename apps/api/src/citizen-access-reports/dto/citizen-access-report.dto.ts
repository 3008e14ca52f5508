import { ApiPropertyOptional } from '@nestjs/swagger';
import type { CitizenAccessReportRequest } from '@outcomes/contracts';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

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
}
