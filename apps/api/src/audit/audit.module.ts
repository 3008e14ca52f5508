import { Global, Module } from '@nestjs/common';
import { AccessLogController } from './access-log.controller';
import { AccessLogService } from './access-log.service';
import { AccessLogWriter } from './access-log.writer';
import { Audit } from './audit.service';

@Global()
@Module({
  controllers: [AccessLogController],
  providers: [AccessLogWriter, AccessLogService, Audit],
  exports: [AccessLogWriter, AccessLogService, Audit],
})
export class AuditModule {}
