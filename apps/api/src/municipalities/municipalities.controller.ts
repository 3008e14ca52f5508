import { Body, Controller, Delete, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Permission } from '../auth/auth.decorators';
import { sendPage } from '../common/crud/send-page';
import { ListQueryDto } from '../common/list-query/list-query.dto';
import { ParseIdPipe } from '../common/parse-id.pipe';
import type { MunicipalityEntity } from './municipality.entity';
import { CreateMunicipalityDto, UpdateMunicipalityDto } from './dto/municipality.dto';
import { MunicipalitiesService } from './municipalities.service';

@ApiTags('municipalities')
@Controller('municipalities')
export class MunicipalitiesController {
  constructor(private readonly service: MunicipalitiesService) {}

  @Get()
  @Permission('municipalities', 'list')
  @ApiOperation({ summary: 'List municipalities (react-admin simple-rest: sort, range, filter; total in Content-Range)' })
  async list(@Query() query: ListQueryDto, @Res({ passthrough: true }) res: Response): Promise<MunicipalityEntity[]> {
    return sendPage(res, 'municipalities', await this.service.list(query));
  }

  @Get(':id')
  @Permission('municipalities', 'read')
  get(@Param('id', ParseIdPipe) id: string): Promise<MunicipalityEntity> {
    return this.service.get(id);
  }

  @Post()
  @Permission('municipalities', 'create')
  create(@Body() body: CreateMunicipalityDto): Promise<MunicipalityEntity> {
    return this.service.create(body);
  }

  @Put(':id')
  @Permission('municipalities', 'update')
  @ApiOperation({ summary: 'Replace; send the version you read, a stale one answers 409' })
  update(@Param('id', ParseIdPipe) id: string, @Body() body: UpdateMunicipalityDto): Promise<MunicipalityEntity> {
    return this.service.update(id, body);
  }

  @Delete(':id')
  @Permission('municipalities', 'delete')
  @ApiOperation({ summary: 'Delete; answers the deleted record' })
  remove(@Param('id', ParseIdPipe) id: string): Promise<MunicipalityEntity> {
    return this.service.remove(id);
  }
}
