import { Module } from '@nestjs/common';
import { GroupMeetingsController, GroupsController } from './groups.controller';
import { GroupsService } from './groups.service';

@Module({ controllers: [GroupsController, GroupMeetingsController], providers: [GroupsService] })
export class GroupsModule {}
