import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { HealthStatus } from '@outcomes/contracts';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators';
import { pingDatabase } from './health.queries';

const PROBE_TIMEOUT_MS = 1000;

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({ summary: '200 when the API and its database are up; 503 (with the reason) when the database is down' })
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthStatus> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        pingDatabase(this.dataSource),
        new Promise((_resolve, reject) => {
          timer = setTimeout(() => reject(new Error('timeout')), PROBE_TIMEOUT_MS);
        }),
      ]);
      return { status: 'ok', database: 'up' };
    } catch (error) {
      res.status(503);
      const reason = error instanceof Error && error.message === 'timeout' ? 'no answer within 1 s' : 'cannot connect';
      return { status: 'unavailable', database: 'down', reason };
    } finally {
      clearTimeout(timer);
    }
  }
}
