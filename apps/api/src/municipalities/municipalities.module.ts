import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CentreEntity } from './centre.entity';
import { CentresController } from './centres.controller';
import { CentresService } from './centres.service';
import { MunicipalitiesController } from './municipalities.controller';
import { MunicipalitiesService } from './municipalities.service';
import { MunicipalityEntity } from './municipality.entity';

/** Municipalities (kommuner) and the treatment centres that belong to them. */
@Module({
  imports: [TypeOrmModule.forFeature([MunicipalityEntity, CentreEntity])],
  controllers: [MunicipalitiesController, CentresController],
  providers: [MunicipalitiesService, CentresService],
})
export class MunicipalitiesModule {}
