import { Module } from '@nestjs/common';
import type { DynamicModule, Type } from '@nestjs/common';
import { GroupMeetingsController, GroupsController } from './groups.controller';
import { GroupsService } from './groups.service';

/** Groups, courses, their meetings and attendance. */
@Module({})
export class GroupsModule {
  /** `facilitators`: the module that provides MEETING_FACILITATORS (the volunteers module). */
  static register(facilitators: Type): DynamicModule {
    return { module: GroupsModule, imports: [facilitators], controllers: [GroupsController, GroupMeetingsController], providers: [GroupsService] };
  }
}
