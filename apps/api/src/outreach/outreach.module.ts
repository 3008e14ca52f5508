import { Module } from '@nestjs/common';
import { CitizensModule } from '../citizens/citizens.module';
import { OutreachController } from './outreach.controller';
import { OutreachService } from './outreach.service';

@Module({ imports: [CitizensModule], controllers: [OutreachController], providers: [OutreachService] })
export class OutreachModule {}
