import { Injectable } from '@nestjs/common';
import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import { ApiException } from './errors/api.exception';
import { textProblem } from './well-formed-text';

/** DTOs nest three levels at most (a body, an array, its items); 16 leaves room and stops abuse. */
export const MAX_INPUT_DEPTH = 16;

/**
 * Runs before the ValidationPipe on bodies, queries and route parameters, and answers 400 naming the
 * field for input no DTO rule can describe: nesting deeper than MAX_INPUT_DEPTH (class-transformer
 * recurses through any value and overflowed the stack on a 5,000-deep array: a 500, found by the
 * bad-input suite) and strings PostgreSQL cannot store. Iterative, so the check itself cannot overflow.
 */
@Injectable()
export class WellFormedInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    if (metadata.type === 'body' && Array.isArray(value) && metadata.metatype && metadata.metatype !== Array) {
      // A DTO body sent as a JSON array was answered with errors naming "0", "1", … (found by the bad-input suite).
      throw ApiException.validation({ body: 'must be a JSON object' });
    }
    // `path` is the dotted path for messages; `top` the top-level key (keys may themselves hold dots).
    const whole = metadata.type === 'param' ? (metadata.data ?? 'id') : 'body';
    const stack: { value: unknown; path: string | null; top: string | null; depth: number }[] = [{ value, path: null, top: null, depth: 0 }];
    const errors: Record<string, string> = {};
    while (stack.length > 0 && Object.keys(errors).length < 10) {
      const { value: node, path, top, depth } = stack.pop() as (typeof stack)[number];
      if (typeof node === 'string') {
        const problem = textProblem(node);
        if (problem) errors[path ?? whole] = problem;
        continue;
      }
      if (typeof node !== 'object' || node === null) continue;
      if (depth >= MAX_INPUT_DEPTH) {
        // Name the field where it started, not a path thousands of segments long.
        errors[top ?? whole] = `must not be nested more than ${MAX_INPUT_DEPTH} levels deep`;
        continue;
      }
      for (const [key, child] of Object.entries(node)) {
        const keyProblem = textProblem(key);
        if (keyProblem) {
          errors[path ?? whole] = `property names ${keyProblem}`;
          continue;
        }
        stack.push({ value: child, path: path === null ? key : `${path}.${key}`, top: top ?? key, depth: depth + 1 });
      }
    }
    if (Object.keys(errors).length > 0) throw ApiException.validation(errors);
    return value;
  }
}
