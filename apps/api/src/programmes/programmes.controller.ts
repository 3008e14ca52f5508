import { Body, Controller, Delete, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Permission } from '../auth/auth.decorators';
import { sendPage } from '../common/crud/send-page';
import { ListQueryDto } from '../common/list-query/list-query.dto';
import { ParseIdPipe } from '../common/parse-id.pipe';
import type { ProgrammeEntity } from './programme.entity';
import { CreateProgrammeDto, UpdateProgrammeDto } from './dto/programme.dto';
import { ProgrammesService } from './programmes.service';

@ApiTags('programmes')
@Controller('programmes')
export class ProgrammesController {
  constructor(private readonly service: ProgrammesService) {}

  @Get()
  @Permission('programmes', 'list')
  @ApiOperation({ summary: 'List programmes (react-admin simple-rest: sort, range, filter; total in Content-Range)' })
  async list(@Query() query: ListQueryDto, @Res({ passthrough: true }) res: Response): Promise<ProgrammeEntity[]> {
    return sendPage(res, 'programmes', await this.service.list(query));
  }

  @Get(':id')
  @Permission('programmes', 'read')
  get(@Param('id', ParseIdPipe) id: string): Promise<ProgrammeEntity> {
    return this.service.get(id);
  }

  @Post()
  @Permission('programmes', 'create')
  create(@Body() body: CreateProgrammeDto): Promise<ProgrammeEntity> {
    return this.service.create(body);
  }

  @Put(':id')
  @Permission('programmes', 'update')
  @ApiOperation({ summary: 'Replace; send the version you read, a stale one answers 409' })
  update(@Param('id', ParseIdPipe) id: string, @Body() body: UpdateProgrammeDto): Promise<ProgrammeEntity> {
    return this.service.update(id, body);
  }

  @Delete(':id')
  @Permission('programmes', 'delete')
  @ApiOperation({ summary: 'Delete; answers the deleted record' })
  remove(@Param('id', ParseIdPipe) id: string): Promise<ProgrammeEntity> {
    return this.service.remove(id);
  }
}
