import type * as z from 'zod/mini';
import type { FieldError } from '../schemas/common.js';

export type SchemaCheck<T> = { ok: true; data: T } | { ok: false; fieldErrors: FieldError[] };

/** Validate `value` with `schema`, turning issues into field errors with dotted paths. */
export function checkWithSchema<S extends z.ZodMiniType>(schema: S, value: unknown): SchemaCheck<z.output<S>> {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, data: result.data };
  return {
    ok: false,
    fieldErrors: result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
  };
}

/** Field errors without those for `path` (a field the user just changed). */
export function withoutFieldError(fieldErrors: FieldError[], path: string): FieldError[] {
  return fieldErrors.some((error) => error.path === path) ? fieldErrors.filter((error) => error.path !== path) : fieldErrors;
}
