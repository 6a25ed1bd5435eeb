import { describe, expect, it } from 'vitest';
import { iso } from './json.js';

describe('iso', () => {
  it('writes timestamps from JSON rows exactly as a Date would, to the millisecond', () => {
    for (const text of [
      '2026-11-24T09:00:00+00:00',
      '2026-11-24T09:00:00.1+00:00',
      '2026-11-24T09:00:00.12+00:00',
      '2026-11-24T09:00:00.123+00:00',
      '2026-11-24T09:00:00.123456+00:00',
      '2026-11-24T23:59:59.999999+00:00',
      '2026-11-24T10:00:00.5+01:00',
    ]) {
      expect(iso(text), text).toBe(new Date(text).toISOString());
    }
    expect(iso('2026-11-24T09:00:00.123456+00:00')).toBe('2026-11-24T09:00:00.123Z');
    expect(iso('2026-11-24T10:00:00.5+01:00')).toBe('2026-11-24T09:00:00.500Z');
  });

  it('writes Dates as ISO strings', () => {
    expect(iso(new Date(Date.UTC(2026, 10, 24, 9)))).toBe('2026-11-24T09:00:00.000Z');
  });
});
