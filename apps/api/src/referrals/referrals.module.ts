import { Module } from '@nestjs/common';
import { CitizensModule } from '../citizens/citizens.module';
import { EnrolmentsModule } from '../enrolments/enrolments.module';
import { ReferralsController } from './referrals.controller';
import { ReferralsService } from './referrals.service';

@Module({ imports: [CitizensModule, EnrolmentsModule], controllers: [ReferralsController], providers: [ReferralsService] })
export class ReferralsModule {}
