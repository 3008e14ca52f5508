import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from './config/config';
import { APP_CONFIG } from './config/config';
import { dataSourceOptions } from './database/data-source-options';
import { HealthModule } from './health/health.module';
import { MunicipalitiesModule } from './municipalities/municipalities.module';
import { ProgrammesModule } from './programmes/programmes.module';

@Module({})
export class AppModule {
  /** The database URL is known only after start-up has found or started PostgreSQL. */
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot({ ...dataSourceOptions(databaseUrl), retryAttempts: 0 }),
        HealthModule,
        MunicipalitiesModule,
        ProgrammesModule,
      ],
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
