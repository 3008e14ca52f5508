import { Module } from '@nestjs/common';
import { EvaluatorGrantsController } from './evaluator-grants.controller';
import { ROLE_ENDED } from '../users/role-ended';
import { EvaluatorGrantsService } from './evaluator-grants.service';

/** Grants of a municipality's data to other municipalities' evaluators, made by the data owner. */
@Module({
  controllers: [EvaluatorGrantsController],
  providers: [EvaluatorGrantsService, { provide: ROLE_ENDED, useExisting: EvaluatorGrantsService }],
  exports: [EvaluatorGrantsService, ROLE_ENDED],
})
export class GrantsModule {}
