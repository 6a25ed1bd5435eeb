import { describe, expect, it } from 'vitest';
import { ProviderError } from './errors.js';
import { formatXeroModifiedSince, parseXeroDate, parseXeroDay, parseXeroUtcTimestamp } from './xero-dates.js';

describe('Xero dates', () => {
  it('reads /Date(ms+zone)/ as a UTC instant; the zone does not shift it', () => {
    expect(parseXeroDate('/Date(1732406400000+0000)/')).toBe('2024-11-24T00:00:00.000Z');
    expect(parseXeroDate('/Date(1518685950940+1300)/')).toBe('2018-02-15T09:12:30.940Z');
    expect(parseXeroDate('/Date(1518685950940-0500)/')).toBe('2018-02-15T09:12:30.940Z');
    expect(parseXeroDate('/Date(1732406400000)/')).toBe('2024-11-24T00:00:00.000Z');
    expect(parseXeroDate('/Date(-86400000+0000)/')).toBe('1969-12-31T00:00:00.000Z');
  });

  it('reads calendar dates as YYYY-MM-DD', () => {
    expect(parseXeroDay('/Date(1767225600000+0000)/')).toBe('2026-01-01');
  });

  it('refuses anything else with an invalid_response error that quotes the value', () => {
    for (const bad of ['2024-11-24', '/Date(abc)/', 'Date(1732406400000)', '/Date(1732406400000+00)/', '']) {
      let caught: unknown;
      try {
        parseXeroDate(bad);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ProviderError);
      expect(caught).toMatchObject({ reason: 'invalid_response', provider: 'xero' });
      expect((caught as Error).message).toContain(`"${bad}"`);
    }
    expect(() => parseXeroDate('/Date(99999999999999999+0000)/')).toThrow(/out of range/);
  });

  it('reads identity timestamps (UTC, no zone, seven fractional digits)', () => {
    expect(parseXeroUtcTimestamp('2019-07-09T23:40:30.1833130')).toBe('2019-07-09T23:40:30.183Z');
    expect(parseXeroUtcTimestamp('2019-07-09T23:40:30')).toBe('2019-07-09T23:40:30.000Z');
    expect(parseXeroUtcTimestamp('2019-07-09T23:40:30.5Z')).toBe('2019-07-09T23:40:30.500Z');
    expect(() => parseXeroUtcTimestamp('09/07/2019')).toThrow(ProviderError);
  });

  it('writes If-Modified-Since as UTC yyyy-mm-ddThh:mm:ss, cutting milliseconds', () => {
    expect(formatXeroModifiedSince(new Date('2026-11-24T09:30:15.999Z'))).toBe('2026-11-24T09:30:15');
    expect(formatXeroModifiedSince('2026-11-24T10:30:15+01:00')).toBe('2026-11-24T09:30:15');
    expect(() => formatXeroModifiedSince('last week')).toThrow(/modifiedSince must be a valid date/);
  });
});
