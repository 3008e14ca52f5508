import { Module } from '@nestjs/common';
import { SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';
import { NoteVersions } from '../notes/note-versions.service';

@Module({ controllers: [SessionsController], providers: [SessionsService, NoteVersions], exports: [SessionsService] })
export class SessionsModule {}
