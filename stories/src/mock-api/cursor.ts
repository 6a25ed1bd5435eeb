import { fieldProblem } from '@billingone/settings-core/implementation';
import { base64urlDecode, base64urlEncode } from './encoding.js';

/** An opaque paging cursor over the sort key of the last row (the server's `encodeCursor`). */
export function encodeCursor(values: readonly string[]): string {
  return base64urlEncode(JSON.stringify(values));
}

/** The sort key of a cursor; 422 on `cursor` (`invalid_cursor`) when it was not made by `encodeCursor` with `arity` strings. */
export function decodeCursor(cursor: string, arity: number): string[] {
  try {
    const values = JSON.parse(base64urlDecode(cursor)) as unknown;
    if (Array.isArray(values) && values.length === arity && values.every((value) => typeof value === 'string')) return values as string[];
  } catch {
    // fall through
  }
  throw fieldProblem('cursor', 'This cursor is not valid. Start again from the first page.', 'invalid_cursor');
}

/** A cursor `[isoTime, id]` whose time must parse, as the server checks for time-ordered lists. */
export function decodeTimeCursor(cursor: string): { at: number; id: string } {
  const [at, id] = decodeCursor(cursor, 2) as [string, string];
  const time = Date.parse(at);
  if (Number.isNaN(time)) throw fieldProblem('cursor', 'This cursor is not valid. Start again from the first page.', 'invalid_cursor');
  return { at: time, id };
}

/** Code-unit order, the order of the reference database's `C` collation. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
