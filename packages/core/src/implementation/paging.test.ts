import { describe, expect, it } from 'vitest';
import { keysetPage } from './paging.js';

const rows = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
const cursorAfter = (last: { id: string }) => `after:${last.id}`;

describe('keysetPage', () => {
  it('keeps the first `limit` rows and points the cursor after the last of them when more follow', () => {
    expect(keysetPage(rows, 2, cursorAfter)).toEqual({ page: [{ id: 'a' }, { id: 'b' }], nextCursor: 'after:b' });
  });

  it('has no cursor on the last page', () => {
    expect(keysetPage(rows, 3, cursorAfter)).toEqual({ page: rows, nextCursor: null });
    expect(keysetPage(rows, 5, cursorAfter)).toEqual({ page: rows, nextCursor: null });
    expect(keysetPage([], 2, cursorAfter)).toEqual({ page: [], nextCursor: null });
  });

  it('has no cursor for an empty page', () => {
    expect(keysetPage(rows, 0, cursorAfter)).toEqual({ page: [], nextCursor: null });
  });
});
