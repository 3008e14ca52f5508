import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { GuaranteeFigures } from '@outcomes/contracts';
import { Permission } from '../auth/auth.decorators';
import { CaseRequestsService } from './case-requests.service';
import { FiguresQueryDto } from './dto/figures-query.dto';

/**
 * The treatment guarantee's figures: counts and a median for the requests of a period, of the
 * caller's own municipality. Its own resource, so that the municipality's management (admin) sees
 * them without any right to the requests themselves (docs/decisions.md 78).
 */
@ApiTags('case-requests')
@Controller('guarantee-figures')
export class GuaranteeFiguresController {
  constructor(private readonly service: CaseRequestsService) {}

  @Get()
  @Permission('guarantee-figures', 'list')
  @ApiOperation({ summary: "The treatment guarantee's figures for the requests of a period (by request date) of your municipality: share started within the guarantee, median days, counts; no personal data" })
  figures(@Query() query: FiguresQueryDto): Promise<GuaranteeFigures> {
    return this.service.figures(query.from, query.to);
  }
}
