import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { LegalHold, RetentionOverview, RetentionRun } from '@outcomes/contracts';
import type { Response } from 'express';
import { Permission } from '../auth/auth.decorators';
import { ApiException } from '../common/errors/api.exception';
import { sendPage } from '../common/crud/send-page';
import { ListQueryDto } from '../common/list-query/list-query.dto';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { EraseCitizenDto, LiftLegalHoldDto, PlaceLegalHoldDto, RunRetentionDto } from './dto/retention.dto';
import { RetentionService } from './retention.service';

@ApiTags('retention')
@Controller('retention')
export class RetentionController {
  constructor(private readonly service: RetentionService) {}

  @Get()
  @Permission('retention', 'list')
  @ApiOperation({ summary: 'The dry run: the citizens (ids, dates, rows per table; no names) the next run erases, the settings in force and the latest runs' })
  overview(): Promise<RetentionOverview> {
    return this.service.overview();
  }

  @Post('runs')
  @HttpCode(201)
  @Permission('retention', 'create')
  @ApiOperation({
    summary:
      'Run retention now in your municipality: erases exactly what the dry run lists, when it still lists the `expectedCount` the admin confirmed (else 409 COUNT_CHANGED naming expectedCount, nothing erased); each erased citizen is written to the access log',
  })
  async run(@Body() body: RunRetentionDto): Promise<RetentionRun> {
    const run = await this.service.run('admin', body.expectedCount);
    if (!run) throw new ApiException(409, 'VERSION_CONFLICT', 'A retention run of your municipality is running already; try again when it has finished');
    return run;
  }

  @Post('erasures')
  @HttpCode(201)
  @Permission('retention', 'create')
  @ApiOperation({ summary: 'Erase one due citizen now; 409 LEGAL_HOLD under a legal hold, 409 NOT_DUE when not due' })
  erase(@Body() body: EraseCitizenDto): Promise<RetentionRun> {
    return this.service.erase(body);
  }
}

@ApiTags('legal-holds')
@Controller('legal-holds')
export class LegalHoldsController {
  constructor(private readonly service: RetentionService) {}

  @Get()
  @Permission('legal-holds', 'list')
  @ApiOperation({ summary: "Legal holds, in force and lifted; filter by citizenId" })
  async list(@Query() query: ListQueryDto, @Res({ passthrough: true }) res: Response): Promise<LegalHold[]> {
    return sendPage(res, 'legal-holds', await this.service.listHolds(query));
  }

  @Get(':id')
  @Permission('legal-holds', 'read')
  get(@Param('id', ParseIdPipe) id: string): Promise<LegalHold> {
    return this.service.getHold(id);
  }

  @Post()
  @Permission('legal-holds', 'create')
  @ApiOperation({ summary: 'Place a legal hold on a citizen, with the reason: retention erases nothing of theirs until it is lifted' })
  place(@Body() body: PlaceLegalHoldDto): Promise<LegalHold> {
    return this.service.placeHold(body);
  }

  @Put(':id')
  @Permission('legal-holds', 'update')
  @ApiOperation({ summary: 'Lift the hold (liftReason, version); it stays on record as lifted' })
  lift(@Param('id', ParseIdPipe) id: string, @Body() body: LiftLegalHoldDto): Promise<LegalHold> {
    return this.service.liftHold(id, body);
  }
}
