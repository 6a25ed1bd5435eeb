import { fieldProblem } from './problem.js';

/** A timestamp column as the API's ISO string. */
export function iso(value: Date | string): string {
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
