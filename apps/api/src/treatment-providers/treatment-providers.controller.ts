import { Body, Controller, Delete, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Permission } from '../auth/auth.decorators';
import { sendPage } from '../common/crud/send-page';
import { ListQueryDto } from '../common/list-query/list-query.dto';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { CreateTreatmentProviderDto, UpdateTreatmentProviderDto } from './dto/treatment-provider.dto';
import type { TreatmentProviderEntity } from './treatment-provider.entity';
import { TreatmentProvidersService } from './treatment-providers.service';

@ApiTags('treatment-providers')
@Controller('treatment-providers')
export class TreatmentProvidersController {
  constructor(private readonly service: TreatmentProvidersService) {}

  @Get()
  @Permission('treatment-providers', 'list')
  @ApiOperation({ summary: 'The national register of approved private treatment providers (react-admin simple-rest: sort, range, filter)' })
  async list(@Query() query: ListQueryDto, @Res({ passthrough: true }) res: Response): Promise<TreatmentProviderEntity[]> {
    return sendPage(res, 'treatment-providers', await this.service.list(query));
  }

  @Get(':id')
  @Permission('treatment-providers', 'read')
  get(@Param('id', ParseIdPipe) id: string): Promise<TreatmentProviderEntity> {
    return this.service.get(id);
  }

  @Post()
  @Permission('treatment-providers', 'create')
  @ApiOperation({ summary: 'The national operator adds an approved provider' })
  create(@Body() body: CreateTreatmentProviderDto): Promise<TreatmentProviderEntity> {
    return this.service.create(body);
  }

  @Put(':id')
  @Permission('treatment-providers', 'update')
  @ApiOperation({ summary: 'Replace; send the version you read, a stale one answers 409' })
  update(@Param('id', ParseIdPipe) id: string, @Body() body: UpdateTreatmentProviderDto): Promise<TreatmentProviderEntity> {
    return this.service.update(id, body);
  }

  @Delete(':id')
  @Permission('treatment-providers', 'delete')
  @ApiOperation({ summary: 'Delete a provider no referral names (else 409 STILL_REFERENCED: end its approval instead)' })
  remove(@Param('id', ParseIdPipe) id: string): Promise<TreatmentProviderEntity> {
    return this.service.remove(id);
  }
}
