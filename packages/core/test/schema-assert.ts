import { expect } from 'vitest';
import * as z from 'zod/mini';

/** The issues a schema reports for a value (empty when it parses). */
export function issuesOf(schema: z.ZodMiniType, value: unknown): z.core.$ZodIssue[] {
  const result = z.safeParse(schema, value);
  return result.success ? [] : result.error.issues;
}

/** Asserts the value parses, and returns the parsed output. */
export function expectValid<S extends z.ZodMiniType>(schema: S, value: unknown): z.output<S> {
  const result = z.safeParse(schema, value);
  if (!result.success) {
    const found = result.error.issues.map((issue) => `${JSON.stringify(issue.path)}: ${issue.message}`).join('; ');
    throw new Error(`expected ${JSON.stringify(value)} to be valid, got ${found}`);
  }
  return result.data;
}

/**
 * Asserts the value is refused with an issue at exactly `path` (and, when given, a message matching `message`),
 * and that no issue is reported elsewhere.
 */
export function expectIssue(schema: z.ZodMiniType, value: unknown, path: PropertyKey[], message?: RegExp): void {
  const issues = issuesOf(schema, value);
  expect(issues.length, `expected ${JSON.stringify(value)} to be refused`).toBeGreaterThan(0);
  expect(issues.map((issue) => issue.path)).toEqual(issues.map(() => path));
  if (message) expect(issues.map((issue) => issue.message).join(' | ')).toMatch(message);
}
