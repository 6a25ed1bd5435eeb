import { describe, expect, it } from 'vitest';
import { canonicalJson, etagMatches } from './etag.js';
import { mulberry32 } from './random.js';

describe('canonicalJson', () => {
  it('gives the same text whatever the key order, leaving undefined members out', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: undefined } })).toBe('{"a":{"d":[1,{"x":1,"y":2}]},"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
    expect(canonicalJson({ at: new Date(Date.UTC(2026, 10, 24)) })).toBe('{"at":"2026-11-24T00:00:00.000Z"}');
    expect(canonicalJson(undefined)).toBe('null');
  });
});

describe('etagMatches', () => {
  it('accepts the tag itself, one of a list, a weak form and *; nothing else', () => {
    expect(etagMatches('"abc"', '"abc"')).toBe(true);
    expect(etagMatches('"x", "abc"', '"abc"')).toBe(true);
    expect(etagMatches('W/"abc"', '"abc"')).toBe(true);
    expect(etagMatches('*', '"abc"')).toBe(true);
    expect(etagMatches('"abd"', '"abc"')).toBe(false);
    expect(etagMatches('abc', '"abc"')).toBe(false);
  });
});

describe('mulberry32', () => {
  it('repeats its sequence for a seed, differs between seeds, and stays in [0, 1)', () => {
    const take = (seed: number) => Array.from({ length: 1000 }, mulberry32(seed));
    expect(take(20261124)).toEqual(take(20261124));
    expect(take(1)).not.toEqual(take(2));
    expect(take(7).every((value) => value >= 0 && value < 1)).toBe(true);
    expect(mulberry32(1)()).toBeCloseTo(0.6270739405881613, 12);
  });
});
