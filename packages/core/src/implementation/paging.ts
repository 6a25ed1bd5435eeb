import { base64urlDecode, base64urlEncode } from './base64url.js';
import { fieldProblem } from './problem.js';

/**
 * One page of a keyset-paged list. `rows` are the rows after the cursor in list order (all of
 * them, or at least `limit + 1` when a page follows): the page is the first `limit`, and
 * `nextCursor` is `cursorAfter` of its last row when more rows follow, `null` otherwise.
 */
export function keysetPage<Row>(rows: readonly Row[], limit: number, cursorAfter: (last: Row) => string): { page: Row[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { page, nextCursor: rows.length > limit && last !== undefined ? cursorAfter(last) : null };
}

const invalidCursor = () => fieldProblem('cursor', 'This cursor is not valid. Start again from the first page.', 'invalid_cursor');

/** An opaque paging cursor over the sort key of a page's last row. */
export function encodeCursor(values: readonly string[]): string {
  return base64urlEncode(JSON.stringify(values));
}

/** The sort key of a cursor; 422 on `cursor` (`invalid_cursor`) when it was not made by `encodeCursor` with `arity` strings. */
export function decodeCursor(cursor: string, arity: number): string[] {
  try {
    const values = JSON.parse(base64urlDecode(cursor)) as unknown;
    if (Array.isArray(values) && values.length === arity && values.every((value) => typeof value === 'string')) return values as string[];
  } catch {
    // not base64url, not UTF-8 or not JSON: refused below
  }
  throw invalidCursor();
}

/**
 * The sort key of a cursor over a newest-first list, `[isoTime, id]`, with the time in epoch
 * milliseconds; 422 on `cursor` unless the time parses.
 */
export function decodeTimeCursor(cursor: string): { at: number; id: string } {
  const [time, id] = decodeCursor(cursor, 2) as [string, string];
  const at = Date.parse(time);
  if (Number.isNaN(at)) throw invalidCursor();
  return { at, id };
}
