import { Global, Module } from '@nestjs/common';
import { AccessLogController } from './access-log.controller';
import { AccessLogService } from './access-log.service';
import { AccessLogWriter } from './access-log.writer';

@Global()
@Module({
  controllers: [AccessLogController],
  providers: [AccessLogWriter, AccessLogService],
  exports: [AccessLogWriter, AccessLogService],
})
export class AuditModule {}
