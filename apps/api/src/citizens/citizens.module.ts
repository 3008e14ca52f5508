import { Module } from '@nestjs/common';
import { CitizensController } from './citizens.controller';
import { CitizensService } from './citizens.service';
import { TimelineService } from './timeline.service';

@Module({ controllers: [CitizensController], providers: [CitizensService, TimelineService], exports: [CitizensService] })
export class CitizensModule {}
