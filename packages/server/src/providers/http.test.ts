import { describe, expect, it } from 'vitest';
import { parseRetryAfter, realSleep } from './http.js';

describe('parseRetryAfter', () => {
  const now = Date.UTC(2026, 10, 24, 9, 0, 0);

  it('reads delta-seconds', () => {
    expect(parseRetryAfter('30', now)).toBe(30);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });

  it('reads an HTTP-date as the seconds until then, never negative', () => {
    expect(parseRetryAfter('Tue, 24 Nov 2026 09:00:45 GMT', now)).toBe(45);
    expect(parseRetryAfter('Tue, 24 Nov 2026 08:00:00 GMT', now)).toBe(0);
  });

  it('gives undefined for a missing or unreadable header', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
  });
});

describe('realSleep', () => {
  it('waits, and stops early with the abort reason', async () => {
    const started = performance.now();
    await realSleep(20);
    expect(performance.now() - started).toBeGreaterThanOrEqual(15);
    const controller = new AbortController();
    const pending = realSleep(10_000, controller.signal);
    controller.abort(new Error('stopped'));
    await expect(pending).rejects.toThrow('stopped');
  });
});
