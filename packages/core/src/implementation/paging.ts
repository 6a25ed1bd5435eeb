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
