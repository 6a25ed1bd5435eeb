/**
 * In-process fixed-window rate limiter keyed by string (e.g. `mfa:<token>` or `signin:<ip>`).
 * Each key may `consume` up to `limit` times per window of `windowSeconds`; past that the answer
 * says how many seconds until the window resets (for `Retry-After`). The clock is injectable for
 * tests. Expired windows are pruned as keys are touched, so memory stays bounded by live keys.
 */
export interface RateLimitDecision {
  allowed: boolean;
  /** Attempts left in the current window after this one. */
  remaining: number;
  /** Seconds until the window resets (0 when allowed). */
  retryAfterSeconds: number;
}

export interface RateLimiter {
  consume(key: string, cost?: number): RateLimitDecision;
  /** Forget a key (e.g. after a successful sign-in). */
  reset(key: string): void;
}

export interface RateLimiterOptions {
  limit: number;
  windowSeconds: number;
  clock?: () => Date;
  /** Upper bound on tracked keys; the oldest windows are dropped first past it. */
  maxKeys?: number;
}

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { limit, windowSeconds } = options;
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError('limit must be a positive integer.');
  if (!(windowSeconds > 0)) throw new RangeError('windowSeconds must be positive.');
  const clock = options.clock ?? (() => new Date());
  const maxKeys = options.maxKeys ?? 100_000;
  const windowMs = windowSeconds * 1000;
  // Map keeps insertion order: the first entries are the oldest windows.
  const windows = new Map<string, { startedAt: number; count: number }>();

  function prune(now: number) {
    for (const [key, entry] of windows) {
      if (now - entry.startedAt < windowMs && windows.size <= maxKeys) break;
      windows.delete(key);
    }
  }

  return {
    consume(key, cost = 1) {
      const now = clock().getTime();
      prune(now);
      let entry = windows.get(key);
      if (!entry || now - entry.startedAt >= windowMs) {
        windows.delete(key);
        entry = { startedAt: now, count: 0 };
        windows.set(key, entry);
      }
      if (entry.count + cost > limit) {
        const retryAfterSeconds = Math.max(1, Math.ceil((entry.startedAt + windowMs - now) / 1000));
        return { allowed: false, remaining: Math.max(0, limit - entry.count), retryAfterSeconds };
      }
      entry.count += cost;
      return { allowed: true, remaining: limit - entry.count, retryAfterSeconds: 0 };
    },
    reset(key) {
      windows.delete(key);
    },
  };
}
