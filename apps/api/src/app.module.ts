import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from './config/config';
import { APP_CONFIG, APP_DATABASE_URL } from './config/config';
import { ConstraintRegistry } from './database/constraint-registry';
import { dataSourceOptions } from './startup/data-source-options';
import { AssessmentsModule } from './assessments/assessments.module';
import { ApiTokensModule } from './api-tokens/api-tokens.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CitizensModule } from './citizens/citizens.module';
import { ConsentsModule } from './consents/consents.module';
import { CitizenMergesModule } from './citizen-merges/citizen-merges.module';
import { CryptoModule } from './common/crypto/crypto.module';
import { EnrolmentsModule } from './enrolments/enrolments.module';
import { CaseRequestsModule } from './case-requests/case-requests.module';
import { ReferralsModule } from './referrals/referrals.module';
import { RegisterModule } from './register/register.module';
import { RetentionModule } from './retention/retention.module';
import { CitizenAccessReportsModule } from './citizen-access-reports/citizen-access-reports.module';
import { EmergencyAccessModule } from './emergency-access/emergency-access.module';
import { HandoversModule } from './handovers/handovers.module';
import { ExportsModule } from './exports/exports.module';
import { ImportsModule } from './imports/imports.module';
import { GrantsModule } from './grants/grants.module';
import { GroupsModule } from './groups/groups.module';
import { HealthModule } from './health/health.module';
import { MunicipalitiesModule } from './municipalities/municipalities.module';
import { OutcomesModule } from './outcomes/outcomes.module';
import { OutreachModule } from './outreach/outreach.module';
import { ProgrammesModule } from './programmes/programmes.module';
import { TreatmentProvidersModule } from './treatment-providers/treatment-providers.module';
import { SessionsModule } from './sessions/sessions.module';
import { TreatmentPlansModule } from './treatment-plans/treatment-plans.module';
import { TenancyModule } from './tenancy/tenancy.module';
import { UsersModule } from './users/users.module';
import { VolunteersModule } from './volunteers/volunteers.module';

@Module({})
export class AppModule {
  /** The database URL is known only after start-up has found or started PostgreSQL. */
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot({ ...dataSourceOptions(databaseUrl), retryAttempts: 0 }),
        TenancyModule,
        CryptoModule,
        AuditModule,
        AuthModule.forRoot(config),
        HealthModule,
        MunicipalitiesModule,
        ProgrammesModule,
        TreatmentProvidersModule,
        UsersModule.register(GrantsModule),
        GrantsModule,
        CitizensModule,
        ConsentsModule,
        CitizenMergesModule,
        EnrolmentsModule,
        CaseRequestsModule,
        ReferralsModule,
        RegisterModule,
        RetentionModule,
        CitizenAccessReportsModule,
        EmergencyAccessModule,
        HandoversModule,
        SessionsModule,
        TreatmentPlansModule,
        GroupsModule.register(VolunteersModule),
        OutreachModule,
        AssessmentsModule,
        VolunteersModule,
        OutcomesModule,
        ExportsModule,
        ImportsModule,
        ApiTokensModule,
      ],
      providers: [{ provide: APP_CONFIG, useValue: config }, { provide: APP_DATABASE_URL, useValue: databaseUrl }, ConstraintRegistry],
      exports: [APP_CONFIG, APP_DATABASE_URL],
    };
  }
}
