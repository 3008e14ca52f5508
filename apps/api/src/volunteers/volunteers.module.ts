import { Module } from '@nestjs/common';
import { OrganisationsService } from './organisations.service';
import { TrainingsService } from './trainings.service';
import { CoordinatorDashboardController, FacilitationsController, OrganisationsController, TrainingsController, VolunteersController } from './volunteers.controller';
import { MEETING_FACILITATORS } from '../groups/meeting-facilitators';
import { VolunteersService } from './volunteers.service';

/** Voluntary organisations, volunteers, their training and their facilitation of SMART groups. */
@Module({
  controllers: [OrganisationsController, VolunteersController, TrainingsController, FacilitationsController, CoordinatorDashboardController],
  providers: [OrganisationsService, VolunteersService, TrainingsService, { provide: MEETING_FACILITATORS, useExisting: VolunteersService }],
  exports: [MEETING_FACILITATORS],
})
export class VolunteersModule {}
