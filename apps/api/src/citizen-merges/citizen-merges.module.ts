import { Module } from '@nestjs/common';
import { CitizenMergesController } from './citizen-merges.controller';
import { CitizenMergesService } from './citizen-merges.service';

@Module({ controllers: [CitizenMergesController], providers: [CitizenMergesService] })
export class CitizenMergesModule {}
