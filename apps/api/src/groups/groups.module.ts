import { Module } from '@nestjs/common';
import { GroupMeetingsController, GroupsController } from './groups.controller';
import { GroupsService } from './groups.service';
import { VolunteersModule } from '../volunteers/volunteers.module';

@Module({ imports: [VolunteersModule], controllers: [GroupsController, GroupMeetingsController], providers: [GroupsService] })
export class GroupsModule {}
