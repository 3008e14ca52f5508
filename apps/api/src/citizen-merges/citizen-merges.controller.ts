import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CitizenMerge, CitizenMergePreview } from '@outcomes/contracts';
import { Permission } from '../auth/auth.decorators';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { CitizenMergesService } from './citizen-merges.service';
import { CitizenMergePreviewDto, CitizenMergesQueryDto, CreateCitizenMergeDto, UndoCitizenMergeDto } from './dto/citizen-merge.dto';

/**
 * Merging a record without a CPR number into the record with it, and undoing that (issue 22). Each
 * answer's access-log row is written by the service, naming both citizens.
 */
@ApiTags('citizen-merges')
@Controller('citizen-merges')
export class CitizenMergesController {
  constructor(private readonly service: CitizenMergesService) {}

  @Get()
  @Permission('citizen-merges', 'list')
  @ApiOperation({ summary: 'The merges into a citizen or of it (?citizenId=), newest first, with whether each can still be undone' })
  list(@Query() query: CitizenMergesQueryDto): Promise<CitizenMerge[]> {
    return this.service.list(query.citizenId);
  }

  @Post('preview')
  @HttpCode(200)
  @Permission('citizen-merges', 'create')
  @ApiOperation({ summary: 'The record a CPR number (in the body, never a URL) finds, and how many rows of each table a merge into it would move; refused as the merge would be' })
  preview(@Body() body: CitizenMergePreviewDto): Promise<CitizenMergePreview> {
    return this.service.preview(body.sourceId, body.targetCpr);
  }

  @Post()
  @Permission('citizen-merges', 'create')
  @ApiOperation({ summary: 'Merge a citizen without a CPR number into one with it: every row moves, the record is kept merged away; both with CPR numbers answer 409' })
  merge(@Body() body: CreateCitizenMergeDto): Promise<CitizenMerge> {
    return this.service.merge(body);
  }

  @Post(':id/undo')
  @HttpCode(200)
  @Permission('citizen-merges', 'update')
  @ApiOperation({ summary: 'Undo a merge within the municipality’s period: exactly the rows that moved go back, the merged-away record returns' })
  undo(@Param('id', ParseIdPipe) id: string, @Body() body: UndoCitizenMergeDto): Promise<CitizenMerge> {
    return this.service.undo(id, body);
  }
}
