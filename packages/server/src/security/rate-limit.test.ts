import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limit.js';

function clockAt(start: number) {
  let now = start;
  return { clock: () => new Date(now), advance: (ms: number) => { now += ms; } };
}

describe('createRateLimiter', () => {
  it('allows up to the limit per window, then answers retryAfterSeconds', () => {
    const time = clockAt(Date.parse('2026-11-24T09:00:00Z'));
    const limiter = createRateLimiter({ limit: 3, windowSeconds: 60, clock: time.clock });
    expect(limiter.consume('k')).toEqual({ allowed: true, remaining: 2, retryAfterSeconds: 0 });
    limiter.consume('k');
    expect(limiter.consume('k').remaining).toBe(0);
    time.advance(15_500);
    expect(limiter.consume('k')).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 45 });
    time.advance(44_500);
    expect(limiter.consume('k').allowed).toBe(true);
  });

  it('keeps keys apart and forgets a key on reset', () => {
    const time = clockAt(0);
    const limiter = createRateLimiter({ limit: 1, windowSeconds: 10, clock: time.clock });
    expect(limiter.consume('a').allowed).toBe(true);
    expect(limiter.consume('b').allowed).toBe(true);
    expect(limiter.consume('a').allowed).toBe(false);
    limiter.reset('a');
    expect(limiter.consume('a').allowed).toBe(true);
  });

  it('never answers less than one second to wait', () => {
    const time = clockAt(0);
    const limiter = createRateLimiter({ limit: 1, windowSeconds: 1, clock: time.clock });
    limiter.consume('k');
    time.advance(999);
    expect(limiter.consume('k').retryAfterSeconds).toBe(1);
  });

  it('bounds the number of tracked keys', () => {
    const time = clockAt(0);
    const limiter = createRateLimiter({ limit: 1, windowSeconds: 60, clock: time.clock, maxKeys: 2 });
    limiter.consume('a');
    limiter.consume('b');
    limiter.consume('c');
    limiter.consume('d');
    // 'a' was dropped as the oldest, so it starts a fresh window.
    expect(limiter.consume('a').allowed).toBe(true);
  });

  it('refuses nonsense configuration', () => {
    expect(() => createRateLimiter({ limit: 0, windowSeconds: 1 })).toThrow(RangeError);
    expect(() => createRateLimiter({ limit: 1, windowSeconds: 0 })).toThrow(RangeError);
  });
});
