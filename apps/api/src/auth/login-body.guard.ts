import { Injectable } from '@nestjs/common';
import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Request } from 'express';
import { ApiException } from '../common/errors/api.exception';
import { flattenValidationErrors } from '../common/errors/validation-errors';
import { LoginDto } from './dto/login.dto';

/** Passport reads the body before Nest's pipes run: check it first, so bad input is a 400 naming the field. */
@Injectable()
export class LoginBodyGuard implements CanActivate {
  async canActivate(context: ExecutionContext): Promise<boolean> {
    const body: unknown = context.switchToHttp().getRequest<Request>().body;
    const dto = plainToInstance(LoginDto, typeof body === 'object' && body !== null ? body : {});
    const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0) throw ApiException.validation(flattenValidationErrors(errors));
    return true;
  }
}
