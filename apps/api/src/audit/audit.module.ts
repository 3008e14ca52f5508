import { Global, Module } from '@nestjs/common';
import { AccessLogAnchors } from './access-log-anchors.service';
import { AccessLogController } from './access-log.controller';
import { AccessLogService } from './access-log.service';
import { AccessLogWriter } from './access-log.writer';

@Global()
@Module({
  controllers: [AccessLogController],
  providers: [AccessLogWriter, AccessLogService, AccessLogAnchors],
  exports: [AccessLogWriter, AccessLogService, AccessLogAnchors],
})
export class AuditModule {}
