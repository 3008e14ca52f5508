import { ApiPropertyOptional } from '@nestjs/swagger';
import type { RawListQuery } from '@outcomes/contracts';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** The three query parameters of react-admin's simple-rest lists; each is JSON, parsed by parseListQuery. */
export class ListQueryDto implements RawListQuery {
  @ApiPropertyOptional({ example: '["name","ASC"]', description: 'JSON array [field, "ASC"|"DESC"]' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  sort?: string;

  @ApiPropertyOptional({ example: '[0,24]', description: 'JSON array [start, end], inclusive, at most 500 records' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  range?: string;

  @ApiPropertyOptional({ example: '{"q":"aarhus"}', description:
      'JSON object: q (search), id arrays, field equality, field_gte / field_lte. A bare day (YYYY-MM-DD) on a date-time field is a Danish day: _gte from its first instant, _lte to its last, alone the whole day',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  filter?: string;
}
