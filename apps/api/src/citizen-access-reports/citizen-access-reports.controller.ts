import { Body, Controller, HttpCode, Post, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CitizenAccessReport } from '@outcomes/contracts';
import { Permission } from '../auth/auth.decorators';
import { ApiException } from '../common/errors/api.exception';
import { accessReportPdf } from './access-report-pdf';
import { CitizenAccessReportsService } from './citizen-access-reports.service';
import { CitizenAccessReportDto } from './dto/citizen-access-report.dto';

/** Exactly one of the two ways to name the citizen: both or neither is a 400 naming `cpr`. */
function oneCitizen(body: CitizenAccessReportDto): CitizenAccessReportDto {
  if ((body.cpr === undefined) === (body.citizenId === undefined)) {
    throw ApiException.validation({ cpr: 'give either cpr or citizenId (for a citizen without a CPR number), not both' });
  }
  return body;
}

@ApiTags('citizen-access-reports')
@Controller('citizen-access-reports')
export class CitizenAccessReportsController {
  constructor(private readonly service: CitizenAccessReportsService) {}

  @Post()
  @HttpCode(200)
  @Permission('citizen-access-reports', 'list')
  @ApiOperation({
    summary:
      "The citizen's own access (GDPR art. 15): every record held about the citizen and every logged look-up (when, what, why, role, municipality; never who), as JSON (docs/citizen-access-report.md). The citizen by CPR number or record id in the body; logged as an export",
  })
  report(@Body() body: CitizenAccessReportDto): Promise<CitizenAccessReport> {
    return this.service.report(oneCitizen(body), 'json');
  }

  @Post('pdf')
  @HttpCode(200)
  @Permission('citizen-access-reports', 'list')
  @ApiOperation({ summary: 'The same report as a Danish PDF for the citizen; logged as an export' })
  async pdf(@Body() body: CitizenAccessReportDto): Promise<StreamableFile> {
    const report = await this.service.report(oneCitizen(body), 'pdf');
    const pdf = await accessReportPdf(report);
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: `attachment; filename="indsigt-${report.producedOn}.pdf"`, length: pdf.length });
  }
}
