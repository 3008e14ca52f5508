import { Controller, Get, Param, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RegisterEndStatus, RegisterReadiness } from '@outcomes/contracts';
import { Permission, SignedIn } from '../auth/auth.decorators';
import { ExtractParamsDto } from './dto/register.dto';
import { RegisterService } from './register.service';

@ApiTags('register')
@Controller('register')
export class RegisterController {
  constructor(private readonly service: RegisterService) {}

  /** National reference data, no personal data: every signed-in user may read it (the end form's select). */
  @Get('end-statuses')
  @SignedIn()
  @ApiOperation({ summary: "The register's end-status code list: code, Danish and English label, the group it is published in" })
  endStatuses(): Promise<RegisterEndStatus[]> {
    return this.service.endStatuses();
  }

  @Get('readiness')
  @Permission('register', 'list')
  @ApiOperation({ summary: "The municipality's courses that cannot be reported as they are, with what each lacks; and those left out (no valid CPR number), with why" })
  readiness(): Promise<RegisterReadiness> {
    return this.service.readiness();
  }

  @Get('extracts/:month')
  @Permission('register', 'read')
  @ApiOperation({ summary: "The month's events (request, start, end) as CSV for the register (docs/register.md); due by the 15th of the next month. Holds CPR numbers: logged with every citizen" })
  async extract(@Param() params: ExtractParamsDto): Promise<StreamableFile> {
    const { csv } = await this.service.extract(params.month);
    const body = Buffer.from(csv, 'utf8');
    return new StreamableFile(body, { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="stofmisbrugsdatabasen-${params.month}.csv"`, length: body.length });
  }
}
