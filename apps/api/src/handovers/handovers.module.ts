import { Module } from '@nestjs/common';
import { CitizensModule } from '../citizens/citizens.module';
import { EnrolmentsModule } from '../enrolments/enrolments.module';
import { HandoversController } from './handovers.controller';
import { HandoversService } from './handovers.service';

@Module({ imports: [CitizensModule, EnrolmentsModule], controllers: [HandoversController], providers: [HandoversService] })
export class HandoversModule {}
