import { Body, Controller, Delete, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Permission } from '../auth/auth.decorators';
import { sendPage } from '../common/crud/send-page';
import { ListQueryDto } from '../common/list-query/list-query.dto';
import { ParseIdPipe } from '../common/parse-id.pipe';
import type { CentreEntity } from './centre.entity';
import { CreateCentreDto, UpdateCentreDto } from './dto/centre.dto';
import { CentresService } from './centres.service';

@ApiTags('centres')
@Controller('centres')
export class CentresController {
  constructor(private readonly service: CentresService) {}

  @Get()
  @Permission('centres', 'list')
  @ApiOperation({ summary: 'List centres (react-admin simple-rest: sort, range, filter; total in Content-Range)' })
  async list(@Query() query: ListQueryDto, @Res({ passthrough: true }) res: Response): Promise<CentreEntity[]> {
    return sendPage(res, 'centres', await this.service.list(query));
  }

  @Get(':id')
  @Permission('centres', 'read')
  get(@Param('id', ParseIdPipe) id: string): Promise<CentreEntity> {
    return this.service.get(id);
  }

  @Post()
  @Permission('centres', 'create')
  create(@Body() body: CreateCentreDto): Promise<CentreEntity> {
    return this.service.create(body);
  }

  @Put(':id')
  @Permission('centres', 'update')
  @ApiOperation({ summary: 'Replace; send the version you read, a stale one answers 409' })
  update(@Param('id', ParseIdPipe) id: string, @Body() body: UpdateCentreDto): Promise<CentreEntity> {
    return this.service.update(id, body);
  }

  @Delete(':id')
  @Permission('centres', 'delete')
  @ApiOperation({ summary: 'Delete; answers the deleted record' })
  remove(@Param('id', ParseIdPipe) id: string): Promise<CentreEntity> {
    return this.service.remove(id);
  }
}
