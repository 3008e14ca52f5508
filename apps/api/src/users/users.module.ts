import { Module } from '@nestjs/common';
import type { DynamicModule, Type } from '@nestjs/common';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/** A municipality's users, made and changed by its admin. */
@Module({})
export class UsersModule {
  /** `roleEnded`: the module that provides ROLE_ENDED (the grants module). */
  static register(roleEnded: Type): DynamicModule {
    return { module: UsersModule, imports: [roleEnded], controllers: [UsersController], providers: [UsersService] };
  }
}
