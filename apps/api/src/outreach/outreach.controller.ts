import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { OutreachContact } from '@outcomes/contracts';
import type { Response } from 'express';
import { Permission } from '../auth/auth.decorators';
import { sendPage } from '../common/crud/send-page';
import { ListQueryDto } from '../common/list-query/list-query.dto';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { CreateOutreachContactDto, LinkAliasDto, UpdateOutreachContactDto } from './dto/outreach-contact.dto';
import { OutreachService } from './outreach.service';

@ApiTags('outreach-contacts')
@Controller('outreach-contacts')
export class OutreachController {
  constructor(private readonly service: OutreachService) {}

  @Get()
  @Permission('outreach-contacts', 'list')
  @ApiOperation({ summary: 'Outreach contacts; filter by citizenId, staffUserId, placeType, contactType, contactAt_gte/_lte' })
  async list(@Query() query: ListQueryDto, @Res({ passthrough: true }) res: Response): Promise<OutreachContact[]> {
    return sendPage(res, 'outreach-contacts', await this.service.list(query));
  }

  @Post('link')
  @HttpCode(200)
  @Permission('outreach-contacts', 'update')
  @ApiOperation({ summary: 'Link every contact with an alias to a registered citizen of your municipality' })
  link(@Body() body: LinkAliasDto): Promise<{ citizenId: string; moved: number }> {
    return this.service.linkAlias(body.alias, body.citizenId);
  }

  @Get(':id')
  @Permission('outreach-contacts', 'read')
  get(@Param('id', ParseIdPipe) id: string): Promise<OutreachContact> {
    return this.service.get(id);
  }

  @Post()
  @Permission('outreach-contacts', 'create')
  @ApiOperation({ summary: 'Log a contact with a citizen (citizenId) or an anonymous person (alias)' })
  create(@Body() body: CreateOutreachContactDto): Promise<OutreachContact> {
    return this.service.create(body);
  }

  @Put(':id')
  @Permission('outreach-contacts', 'update')
  update(@Param('id', ParseIdPipe) id: string, @Body() body: UpdateOutreachContactDto): Promise<OutreachContact> {
    return this.service.update(id, body);
  }
}
