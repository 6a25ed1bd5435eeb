import type { MiddlewareHandler } from 'hono';

/** One request the simulator answered, for tests that check what a client called. */
export interface RecordedRequest {
  method: string;
  /** Path and query string, e.g. `/v1/companies?page=0&size=1`. */
  path: string;
  status: number;
}

/** Appends every answered request to `log` (method, path with query, status). */
export function recordRequests(log: RecordedRequest[]): MiddlewareHandler {
  return async (c, next) => {
    const url = new URL(c.req.url);
    const entry: RecordedRequest = { method: c.req.method, path: url.pathname + url.search, status: 0 };
    log.push(entry);
    await next();
    entry.status = c.res.status;
  };
}

/** Delays every answer by `latencyMs()` milliseconds (0 = none). */
export function addLatency(latencyMs: () => number): MiddlewareHandler {
  return async (_c, next) => {
    const ms = latencyMs();
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
    await next();
  };
}

/** The token of an `Authorization: Bearer …` header, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

/** The client ID and secret of an `Authorization: Basic …` header, or undefined. */
export function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return {
    id: decodeURIComponent(decoded.slice(0, colon)),
    secret: decodeURIComponent(decoded.slice(colon + 1)),
  };
}

/**
 * The 5xx status a `failWith5xx` switch asks for: `true` means 503, a number is used as it is
 * (it must be 500–599).
 */
export function outageStatus(value: boolean | number | undefined): number | undefined {
  if (value === undefined || value === false) return undefined;
  if (value === true) return 503;
  if (!Number.isInteger(value) || value < 500 || value > 599) {
    throw new RangeError(`failWith5xx must be true or a status from 500 to 599, got ${value}`);
  }
  return value;
}

/** A one-shot 429: the `atRequest`-th counted request after the switch is set is refused, once. */
export interface RateLimitOnce {
  atRequest: number;
  retryAfterSeconds: number;
}

export function checkRateLimitOnce(value: RateLimitOnce | undefined, name: string): void {
  if (value === undefined) return;
  if (!Number.isInteger(value.atRequest) || value.atRequest < 1) {
    throw new RangeError(`${name}.atRequest must be an integer of at least 1, got ${value.atRequest}`);
  }
  if (!Number.isInteger(value.retryAfterSeconds) || value.retryAfterSeconds < 0) {
    throw new RangeError(
      `${name}.retryAfterSeconds must be a whole number of seconds, got ${value.retryAfterSeconds}`,
    );
  }
}
