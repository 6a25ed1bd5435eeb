import { describe, expect, it } from 'vitest';
import { assertIfMatch, etagOf } from './etag.js';
import { ProblemError } from './problem.js';

describe('ETags', () => {
  it('do not depend on key order and change with the content', () => {
    expect(etagOf({ a: 1, b: [1, { c: 2, d: 3 }] })).toBe(etagOf({ b: [1, { d: 3, c: 2 }], a: 1 }));
    expect(etagOf({ a: 1 })).not.toBe(etagOf({ a: 2 }));
  });


  it('answer 428 without If-Match and 412 when stale', () => {
    const status = (fn: () => void) => {
      try {
        fn();
        return 200;
      } catch (error) {
        return (error as ProblemError).status;
      }
    };
    expect(status(() => assertIfMatch(undefined, { a: 1 }))).toBe(428);
    expect(status(() => assertIfMatch(etagOf({ a: 0 }), { a: 1 }))).toBe(412);
    expect(status(() => assertIfMatch(etagOf({ a: 1 }), { a: 1 }))).toBe(200);
  });
});
