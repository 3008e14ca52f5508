import { Body, Controller, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Permission } from '../auth/auth.decorators';
import { sendPage } from '../common/crud/send-page';
import { ListQueryDto } from '../common/list-query/list-query.dto';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { CreateUserDto, UpdateUserDto } from './dto/user.dto';
import type { UserEntity } from './user.entity';
import { UsersService } from './users.service';

/** Users are never deleted (the access log names them); deactivate instead. */
@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly service: UsersService) {}

  @Get()
  @Permission('users', 'list')
  @ApiOperation({ summary: 'Users of your municipality' })
  async list(@Query() query: ListQueryDto, @Res({ passthrough: true }) res: Response): Promise<UserEntity[]> {
    return sendPage(res, 'users', await this.service.list(query));
  }

  @Get(':id')
  @Permission('users', 'read')
  get(@Param('id', ParseIdPipe) id: string): Promise<UserEntity> {
    return this.service.get(id);
  }

  @Post()
  @Permission('users', 'create')
  @ApiOperation({ summary: 'Create a user in your municipality (password: 12+ characters, not a common one)' })
  create(@Body() body: CreateUserDto): Promise<UserEntity> {
    return this.service.create(body);
  }

  @Put(':id')
  @Permission('users', 'update')
  @ApiOperation({ summary: 'Replace; deactivation, a new role or a new password end the user’s sessions' })
  update(@Param('id', ParseIdPipe) id: string, @Body() body: UpdateUserDto): Promise<UserEntity> {
    return this.service.update(id, body);
  }
}
