import { Body, Controller, Get, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { EXPORT_SYNTAX_FORMATS } from '@outcomes/contracts';
import type { ExportJob, ExportProject, ExportSyntaxFormat } from '@outcomes/contracts';
import type { Request, Response } from 'express';
import { Permission, SecondTransaction } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { sendPage } from '../common/crud/send-page';
import { ListQueryDto } from '../common/list-query/list-query.dto';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { clientAddress } from '../tenancy/request-info';
import { TenantTransaction } from '../tenancy/tenant-transaction.service';
import { CreateExportJobDto, CreateExportProjectDto, SyntaxQueryDto, UpdateExportProjectDto } from './dto/export.dto';
import type { ExportProjectEntity } from './export.entities';
import { ExportJobsService, fileName } from './export-jobs.service';
import { ExportProjectsService } from './export-projects.service';
import { ApiException } from '../common/errors/api.exception';

const project = (p: ExportProjectEntity): ExportProject => {
  const { pseudonymKeyEncrypted: _key, pseudonymKeySalt: _salt, municipality: _m, createdAt, updatedAt, ...rest } = p;
  return { ...rest, createdAt: createdAt.toISOString(), updatedAt: updatedAt.toISOString() };
};

@ApiTags('export-projects')
@Controller('export-projects')
export class ExportProjectsController {
  constructor(private readonly service: ExportProjectsService) {}

  @Get()
  @Permission('export-projects', 'list')
  @ApiOperation({ summary: 'Your export projects' })
  async list(@Query() query: ListQueryDto, @Res({ passthrough: true }) res: Response): Promise<ExportProject[]> {
    const page = await this.service.list(query);
    return sendPage(res, 'export-projects', { ...page, rows: page.rows.map(project) });
  }

  @Get(':id')
  @Permission('export-projects', 'read')
  async get(@Param('id', ParseIdPipe) id: string): Promise<ExportProject> {
    return project(await this.service.get(id));
  }

  @Post()
  @Permission('export-projects', 'create')
  @ApiOperation({ summary: 'A project over your own and granted municipalities (403 naming any other), with its own pseudonym key' })
  async create(@Body() body: CreateExportProjectDto): Promise<ExportProject> {
    return project(await this.service.create(body));
  }

  @Put(':id')
  @Permission('export-projects', 'update')
  async update(@Param('id', ParseIdPipe) id: string, @Body() body: UpdateExportProjectDto): Promise<ExportProject> {
    return project(await this.service.update(id, body));
  }
}

@ApiTags('export-jobs')
@Controller('export-jobs')
export class ExportJobsController {
  constructor(
    private readonly service: ExportJobsService,
    private readonly tenant: TenantTransaction,
  ) {}

  @Get()
  @Permission('export-jobs', 'list')
  @ApiOperation({ summary: 'Your exports; filter by projectId, status' })
  async list(@Query() query: ListQueryDto, @Res({ passthrough: true }) res: Response): Promise<ExportJob[]> {
    return sendPage(res, 'export-jobs', await this.service.list(query));
  }

  @Get(':id')
  @Permission('export-jobs', 'read')
  @ApiOperation({ summary: 'One export with its progress (0-100) and status' })
  get(@Param('id', ParseIdPipe) id: string): Promise<ExportJob> {
    return this.service.get(id);
  }

  @Post()
  @Permission('export-jobs', 'create')
  @ApiOperation({ summary: 'Start an export: 201 with the new job, or 200 with the one already queued or running for the project' })
  async create(@Body() body: CreateExportJobDto, @Res({ passthrough: true }) res: Response): Promise<ExportJob> {
    const { job, created } = await this.service.request(body);
    res.status(created ? 201 : 200);
    return job;
  }

  @Get(':id/download')
  @Permission('export-jobs', 'read')
  @SecondTransaction()
  @ApiOperation({ summary: 'The finished file (CSV or XLSX); 409 before it is done, 410 after it expired. Access-logged with its row count.' })
  async download(@Param('id', ParseIdPipe) id: string, @Req() req: Request & { user: AuthUser }, @Res() res: Response): Promise<void> {
    await this.service.download(id, res, (job) =>
      this.tenant.run(req.user, clientAddress(req), async (ctx) => {
        ctx.accesses.push({
          action: 'export',
          resource: 'export-jobs',
          recordId: job.id,
          criterion: `download: ${fileName(job)} rows=${job.rowCount ?? 0} project=${job.projectId}`,
          outcome: 'ok',
        });
      }),
    );
  }

  @Get(':id/syntax/:format')
  @Permission('export-jobs', 'read')
  @SecondTransaction()
  @ApiOperation({
    summary:
      'For a finished CSV export: an R, Stata or SPSS syntax file that reads it with the codebook’s types, variable labels and value labels (lang da or en). ' +
      'Refused as the download is (409 before it is done or for an XLSX export, 410 after it expired); access-logged as a download of the CSV.',
  })
  async syntax(
    @Param('id', ParseIdPipe) id: string,
    @Param('format') format: string,
    @Query() query: SyntaxQueryDto,
    @Req() req: Request & { user: AuthUser },
    @Res() res: Response,
  ): Promise<void> {
    if (!(EXPORT_SYNTAX_FORMATS as readonly string[]).includes(format)) throw ApiException.validation({ format: `format must be one of: ${EXPORT_SYNTAX_FORMATS.join(', ')}` });
    const file = await this.service.syntax(id, format as ExportSyntaxFormat, query.lang, (job, syntaxFileName) =>
      this.tenant.run(req.user, clientAddress(req), async (ctx) => {
        ctx.accesses.push({
          action: 'export',
          resource: 'export-jobs',
          recordId: job.id,
          criterion: `syntax: ${syntaxFileName} for ${fileName(job)} project=${job.projectId}`,
          outcome: 'ok',
        });
      }),
    );
    res.status(200);
    // text/plain: a browser shows it rather than running anything; the name says which program opens it.
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
    res.setHeader('Cache-Control', 'no-store');
    res.send(file.text);
  }
}
