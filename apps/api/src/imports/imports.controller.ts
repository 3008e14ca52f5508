import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ImportJob, ImportRowResult } from '@outcomes/contracts';
import type { Request, Response } from 'express';
import { Permission } from '../auth/auth.decorators';
import { sendPage } from '../common/crud/send-page';
import { ListQueryDto } from '../common/list-query/list-query.dto';
import { ParseIdPipe } from '../common/parse-id.pipe';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config';
import { DryRunDto, ResultsQueryDto, RunDto, UploadQueryDto } from './dto/import.dto';
import { readUpload } from './import-upload';
import { ImportsService } from './imports.service';

@ApiTags('imports')
@Controller('imports')
export class ImportsController {
  constructor(
    private readonly service: ImportsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Permission('imports', 'list')
  @ApiOperation({ summary: 'Your own imports, newest first' })
  async list(@Query() query: ListQueryDto, @Res({ passthrough: true }) res: Response): Promise<ImportJob[]> {
    return sendPage(res, 'imports', await this.service.list(query));
  }

  @Post()
  @Permission('imports', 'create')
  @ApiOperation({
    summary:
      'Upload a CSV (UTF-8, comma or semicolon) or XLSX file as the body (application/octet-stream) with ?kind=citizens|enrolments|sessions|assessments. ' +
      'Its format is read from its content; 400 for anything else, 413 naming IMPORT_MAX_BYTES for a larger file. Answers the columns and the mapping to start from (your saved one for the kind).',
  })
  async upload(@Query() query: UploadQueryDto, @Req() req: Request): Promise<ImportJob> {
    return this.service.upload(query.kind, await readUpload(req, this.config.importMaxBytes));
  }

  @Get(':id')
  @Permission('imports', 'read')
  @ApiOperation({ summary: 'One import: status, phase, progress (0-100), counts' })
  get(@Param('id', ParseIdPipe) id: string): Promise<ImportJob> {
    return this.service.get(id);
  }

  @Get(':id/results')
  @Permission('imports', 'read')
  @ApiOperation({ summary: 'The per-row results of the dry run or the import: row, action, record, errors (row, column, rule in English and Danish)' })
  async results(@Param('id', ParseIdPipe) id: string, @Query() query: ResultsQueryDto): Promise<{ total: number; rows: ImportRowResult[] }> {
    return this.service.results(id, query.offset ?? 0, query.limit ?? 100, query.errorsOnly ?? false);
  }

  @Post(':id/dry-run')
  @Permission('imports', 'update')
  @ApiOperation({ summary: 'Check the mapping (400: a field mapped twice, a required one missing, an unknown column) and start the dry run; the mapping is saved for your next import of the kind' })
  dryRun(@Param('id', ParseIdPipe) id: string, @Body() body: DryRunDto): Promise<ImportJob> {
    return this.service.dryRun(id, body.mapping);
  }

  @Post(':id/run')
  @Permission('imports', 'update')
  @ApiOperation({ summary: 'Import a checked file: mode valid-rows imports every row that passes; all-or-nothing imports nothing when a row fails' })
  run(@Param('id', ParseIdPipe) id: string, @Body() body: RunDto): Promise<ImportJob> {
    return this.service.run(id, body.mode);
  }
}
