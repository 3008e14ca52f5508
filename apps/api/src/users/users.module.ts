import { Module } from '@nestjs/common';
import { GrantsModule } from '../grants/grants.module';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({ imports: [GrantsModule], controllers: [UsersController], providers: [UsersService] })
export class UsersModule {}
