import { Body, Controller, Delete, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CoordinatorDashboard, Facilitation, Volunteer } from '@outcomes/contracts';
import type { Response } from 'express';
import { Permission } from '../auth/auth.decorators';
import { sendPage } from '../common/crud/send-page';
import { ListQueryDto } from '../common/list-query/list-query.dto';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { CreateFacilitationDto, CreateOrganisationDto, CreateTrainingDto, CreateVolunteerDto, UpdateOrganisationDto, UpdateTrainingDto, UpdateVolunteerDto } from './dto/volunteer.dto';
import { OrganisationsService } from './organisations.service';
import { TrainingsService } from './trainings.service';
import type { OrganisationEntity, TrainingEntity } from './volunteer.entity';
import { VolunteersService } from './volunteers.service';

@ApiTags('organisations')
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly service: OrganisationsService) {}

  @Get()
  @Permission('organisations', 'list')
  async list(@Query() query: ListQueryDto, @Res({ passthrough: true }) res: Response): Promise<OrganisationEntity[]> {
    return sendPage(res, 'organisations', await this.service.list(query));
  }

  @Get(':id')
  @Permission('organisations', 'read')
  get(@Param('id', ParseIdPipe) id: string): Promise<OrganisationEntity> {
    return this.service.get(id);
  }

  @Post()
  @Permission('organisations', 'create')
  create(@Body() body: CreateOrganisationDto): Promise<OrganisationEntity> {
    return this.service.create(body);
  }

  @Put(':id')
  @Permission('organisations', 'update')
  update(@Param('id', ParseIdPipe) id: string, @Body() body: UpdateOrganisationDto): Promise<OrganisationEntity> {
    return this.service.update(id, body);
  }

  /**
   * Your municipality joins an organisation another municipality registered: the only way a
   * municipality is added to an organisation besides its own creator's, and it adds only yours.
   */
  @Post(':id/join')
  @Permission('organisations', 'update')
  @ApiOperation({ summary: 'Join an organisation another municipality registered: adds your own municipality, never another' })
  join(@Param('id', ParseIdPipe) id: string): Promise<OrganisationEntity> {
    return this.service.join(id);
  }
}

@ApiTags('volunteers')
@Controller('volunteers')
export class VolunteersController {
  constructor(private readonly service: VolunteersService) {}

  @Get()
  @Permission('volunteers', 'list')
  @ApiOperation({ summary: 'Volunteers of your municipality; filter by organisationId, status' })
  async list(@Query() query: ListQueryDto, @Res({ passthrough: true }) res: Response): Promise<Volunteer[]> {
    return sendPage(res, 'volunteers', await this.service.list(query));
  }

  @Get(':id')
  @Permission('volunteers', 'read')
  get(@Param('id', ParseIdPipe) id: string): Promise<Volunteer> {
    return this.service.get(id);
  }

  @Post()
  @Permission('volunteers', 'create')
  create(@Body() body: CreateVolunteerDto): Promise<Volunteer> {
    return this.service.create(body);
  }

  @Put(':id')
  @Permission('volunteers', 'update')
  @ApiOperation({ summary: 'Replace; status left ends every group assignment today' })
  update(@Param('id', ParseIdPipe) id: string, @Body() body: UpdateVolunteerDto): Promise<Volunteer> {
    return this.service.update(id, body);
  }
}

@ApiTags('trainings')
@Controller('trainings')
export class TrainingsController {
  constructor(private readonly service: TrainingsService) {}

  @Get()
  @Permission('trainings', 'list')
  async list(@Query() query: ListQueryDto, @Res({ passthrough: true }) res: Response): Promise<TrainingEntity[]> {
    return sendPage(res, 'trainings', await this.service.list(query));
  }

  @Get(':id')
  @Permission('trainings', 'read')
  get(@Param('id', ParseIdPipe) id: string): Promise<TrainingEntity> {
    return this.service.get(id);
  }

  @Post()
  @Permission('trainings', 'create')
  @ApiOperation({ summary: 'Record a completed training (never in the future); SMART facilitator training makes a volunteer trained while valid' })
  create(@Body() body: CreateTrainingDto): Promise<TrainingEntity> {
    return this.service.create(body);
  }

  @Put(':id')
  @Permission('trainings', 'update')
  update(@Param('id', ParseIdPipe) id: string, @Body() body: UpdateTrainingDto): Promise<TrainingEntity> {
    return this.service.update(id, body as UpdateTrainingDto & CreateTrainingDto);
  }

  @Delete(':id')
  @Permission('trainings', 'delete')
  remove(@Param('id', ParseIdPipe) id: string): Promise<TrainingEntity> {
    return this.service.remove(id);
  }
}

@ApiTags('groups')
@Controller('groups')
export class FacilitationsController {
  constructor(private readonly service: VolunteersService) {}

  @Get(':id/facilitators')
  @Permission('groups', 'read')
  list(@Param('id', ParseIdPipe) id: string): Promise<Facilitation[]> {
    return this.service.facilitations(id);
  }

  @Post(':id/facilitators')
  @Permission('groups', 'update')
  @ApiOperation({ summary: "Assign a volunteer of the group's municipality as facilitator or co-facilitator (not one who left)" })
  assign(@Param('id', ParseIdPipe) id: string, @Body() body: CreateFacilitationDto): Promise<Facilitation> {
    return this.service.assign(id, body);
  }

  @Delete(':id/facilitators/:facilitationId')
  @Permission('groups', 'update')
  @ApiOperation({ summary: 'End an assignment today' })
  end(@Param('id', ParseIdPipe) id: string, @Param('facilitationId', ParseIdPipe) facilitationId: string): Promise<Facilitation> {
    return this.service.endAssignment(id, facilitationId);
  }
}

@ApiTags('coordinator-dashboard')
@Controller('coordinator-dashboard')
export class CoordinatorDashboardController {
  constructor(private readonly service: VolunteersService) {}

  @Get()
  @Permission('coordinator-dashboard', 'list')
  @ApiOperation({ summary: 'Groups × facilitators with flags, trainings expiring within 60 days, volunteer hours per organisation and month' })
  dashboard(): Promise<CoordinatorDashboard> {
    return this.service.dashboard();
  }
}
