import { Module } from '@nestjs/common';
import { EvaluatorGrantsController } from './evaluator-grants.controller';
import { EvaluatorGrantsService } from './evaluator-grants.service';

/** Grants of a municipality's data to other municipalities' evaluators, made by the data owner. */
@Module({ controllers: [EvaluatorGrantsController], providers: [EvaluatorGrantsService], exports: [EvaluatorGrantsService] })
export class GrantsModule {}
