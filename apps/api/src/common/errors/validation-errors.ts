import type { ValidationError } from 'class-validator';
import { ApiException } from './api.exception';

/** Flattens class-validator's tree into { 'field.sub': 'first broken rule' }. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const first = Object.values(error.constraints ?? {})[0];
    if (first) out[path] = first;
    if (error.children?.length) Object.assign(out, flattenValidationErrors(error.children, path));
  }
  return out;
}

/** For the global ValidationPipe: every bad field named, with its rule. */
export function validationExceptionFactory(errors: ValidationError[]): ApiException {
  return ApiException.validation(flattenValidationErrors(errors));
}
