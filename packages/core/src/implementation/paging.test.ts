import { describe, expect, it } from 'vitest';
import { ProblemError } from './problem.js';
import { decodeCursor, decodeTimeCursor, encodeCursor, keysetPage } from './paging.js';

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

/** The problem a call throws, or `null`. */
function thrown(call: () => unknown): ProblemError | null {
  try {
    call();
    return null;
  } catch (error) {
    if (error instanceof ProblemError) return error;
    throw error;
  }
}

describe('cursors', () => {
  it('carry a sort key there and back, any text included, as URL-safe base64 without padding', () => {
    const key = ['Zoë 100% “quoted” / ✓', 'mem_1'];
    const cursor = encodeCursor(key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, 2)).toEqual(key);
  });

  it('read a time cursor as epoch milliseconds and an id', () => {
    expect(decodeTimeCursor(encodeCursor(['2026-11-24T09:00:00.123Z', 'aud_9']))).toEqual({ at: Date.UTC(2026, 10, 24, 9, 0, 0, 123), id: 'aud_9' });
  });

  it.each([
    ['not base64url', () => decodeCursor('a+b/c=', 2)],
    ['not JSON', () => decodeCursor(encodeCursor(['x']).slice(2), 1)],
    ['bytes that are not UTF-8', () => decodeCursor('_w', 1)],
    ['another arity', () => decodeCursor(encodeCursor(['a', 'b']), 3)],
    ['values that are not strings', () => decodeCursor(btoa(JSON.stringify([1, 2])), 2)],
    ['a time that is not a time', () => decodeTimeCursor(encodeCursor(['yesterday-ish', 'aud_1']))],
  ])('are refused as 422 on `cursor` when %s', (_, call) => {
    const problem = thrown(call);
    expect(problem?.status).toBe(422);
    expect(problem?.fieldErrors).toEqual([{ path: 'cursor', message: 'This cursor is not valid. Start again from the first page.', code: 'invalid_cursor' }]);
  });
});
