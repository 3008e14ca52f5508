import { Module } from '@nestjs/common';
import { CitizensModule } from '../citizens/citizens.module';
import { ConsentsController } from './consents.controller';
import { ConsentsService } from './consents.service';

@Module({ imports: [CitizensModule], controllers: [ConsentsController], providers: [ConsentsService] })
export class ConsentsModule {}
