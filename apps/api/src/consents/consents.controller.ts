import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CitizenConsents } from '@outcomes/contracts';
import { Permission } from '../auth/auth.decorators';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ConsentsService } from './consents.service';
import { CreateConsentEntryDto } from './dto/consent.dto';

/**
 * A citizen's consents by purpose, under the citizen's own permissions and access log (like the
 * timeline): reading them is reading the citizen, recording an entry is changing the citizen (decision 89).
 */
@ApiTags('citizens')
@Controller('citizens')
export class ConsentsController {
  constructor(private readonly service: ConsentsService) {}

  @Get(':id/consents')
  @Permission('citizens', 'read')
  @ApiOperation({ summary: "Each purpose's current consent (given, refused, withdrawn or not asked) and the whole history, newest first" })
  consents(@Param('id', ParseIdPipe) id: string): Promise<CitizenConsents> {
    return this.service.consents(id);
  }

  @Post(':id/consents')
  @Permission('citizens', 'update')
  @ApiOperation({ summary: 'Record a consent given or refused, or withdraw one given: a new entry; nothing is edited or deleted' })
  record(@Param('id', ParseIdPipe) id: string, @Body() body: CreateConsentEntryDto): Promise<CitizenConsents> {
    return this.service.record(id, body);
  }
}
