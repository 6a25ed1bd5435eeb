import { fieldProblem } from './problem.js';

/** A UTC timestamp as PostgreSQL writes it in JSON: `2026-11-24T09:00:00.123456+00:00`. */
const utcJsonTimestamp = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?\+00:00$/;

/**
 * A timestamp column as the API's ISO string (`2026-11-24T09:00:00.123Z`). UTC strings from JSON
 * rows are rewritten without a Date (parsing them is slow in V8, and a page has a hundred).
 */
export function iso(value: Date | string): string {
  if (typeof value === 'string') {
    const utc = utcJsonTimestamp.exec(value);
    if (utc) return `${utc[1]}.${(utc[2] ?? '').padEnd(3, '0').slice(0, 3)}Z`;
  }
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

export function isoOrNull(value: Date | string | null | undefined): string | null {
  return value === null || value === undefined ? null : iso(value);
}

/** An opaque paging cursor over the sort key of the last row. */
export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** The sort key of a cursor; 422 on `cursor` when it was not made by `encodeCursor` with `arity` string values. */
export function decodeCursor(cursor: string, arity: number): string[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(values) && values.length === arity && values.every((value) => typeof value === 'string')) return values as string[];
  } catch {
    // fall through
  }
  throw fieldProblem('cursor', 'This cursor is not valid. Start again from the first page.', 'invalid_cursor');
}

/** `%` and `_` (and the escape itself) matched literally in a LIKE pattern. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
