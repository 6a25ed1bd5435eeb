import { ProviderError, type ProviderName } from './errors.js';

/** The part of `fetch` the provider clients use; tests pass `(url, init) => app.request(url, init)`. */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** Waits `ms` milliseconds; rejects when `signal` aborts. Injected so tests do not wait for real. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface RetryPolicy {
  /** How many times one request is retried after a 429 or a 5xx. */
  maxRetries: number;
  /** A 429 asking for a longer wait than this fails at once with `rate_limited`. */
  maxWaitSeconds: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 3, maxWaitSeconds: 60 };
export const DEFAULT_TIMEOUT_MS = 15_000;

export const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/**
 * `Retry-After` is either delta-seconds or an HTTP-date (RFC 9110 §10.2.3).
 * Returns whole seconds (at least 0), or undefined when the header is absent or unreadable.
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  // An HTTP-date names the day and month ("Tue, 24 Nov 2026 09:00:45 GMT"); anything without
  // letters ("-5") is neither form, even where Date.parse would read a year into it.
  const date = /[A-Za-z]/.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

export interface SendOptions {
  provider: ProviderName;
  fetch: FetchLike;
  timeoutMs: number;
  signal?: AbortSignal;
}

/** One HTTP exchange; network failures and timeouts become `provider_unavailable`. */
export async function send(url: string, init: RequestInit, options: SendOptions): Promise<Response> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  try {
    return await options.fetch(url, { ...init, signal });
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason;
    const timedOut = timeout.aborted;
    throw new ProviderError(
      timedOut
        ? `${label(options.provider)} did not answer within ${options.timeoutMs} ms.`
        : `${label(options.provider)} could not be reached.`,
      { provider: options.provider, reason: 'provider_unavailable', cause: error },
    );
  }
}

export interface RetryOptions extends SendOptions {
  retry: RetryPolicy;
  sleep: Sleep;
  /**
   * Retry after a 5xx (default true). Turn it off for requests that must not be sent twice: a 5xx
   * does not say the provider did not act on the first one (e.g. spending a single-use refresh
   * token). A 429 is still retried: the provider refused the request without acting on it.
   */
  retryServerErrors?: boolean;
}

/**
 * Sends a request and retries it after a 429 (waiting `Retry-After`, bounded by the policy) or a
 * 5xx (backing off 1 s, 2 s, 4 s..., unless `retryServerErrors` is false). Any other answer is
 * returned to the caller as it is.
 */
export async function sendWithRetry(
  url: string,
  init: RequestInit,
  options: RetryOptions,
): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    const response = await send(url, init, options);
    const retriesLeft = attempt < options.retry.maxRetries;
    if (response.status === 429) {
      const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after')) ?? 1;
      if (!retriesLeft || retryAfterSeconds > options.retry.maxWaitSeconds) {
        await response.body?.cancel();
        throw rateLimited(options.provider, retryAfterSeconds);
      }
      await response.body?.cancel();
      await options.sleep(retryAfterSeconds * 1000, options.signal);
      continue;
    }
    if (response.status >= 500) {
      if (!retriesLeft || options.retryServerErrors === false) throw await unavailable(options.provider, response);
      await response.body?.cancel();
      await options.sleep(1000 * 2 ** attempt, options.signal);
      continue;
    }
    return response;
  }
}

export function rateLimited(provider: ProviderName, retryAfterSeconds: number): ProviderError {
  return new ProviderError(
    `${label(provider)} is rate limiting requests; try again in ${retryAfterSeconds} s.`,
    { provider, reason: 'rate_limited', status: 429, retryAfterSeconds },
  );
}

export async function unavailable(provider: ProviderName, response: Response): Promise<ProviderError> {
  await response.body?.cancel();
  return new ProviderError(`${label(provider)} answered HTTP ${response.status}.`, {
    provider,
    reason: 'provider_unavailable',
    status: response.status,
  });
}

/** Reads a JSON body; a body that is not JSON is an `invalid_response`. */
export async function readJson(provider: ProviderName, response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const type = response.headers.get('content-type') ?? 'no content type';
    throw new ProviderError(
      `${label(provider)} answered HTTP ${response.status} with a body that is not JSON (${type}).`,
      { provider, reason: 'invalid_response', status: response.status, cause: error },
    );
  }
}

/** Reads a JSON error body if there is one; never throws. */
export async function readErrorBody(response: Response): Promise<Record<string, unknown>> {
  try {
    const value: unknown = JSON.parse(await response.text());
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

export function label(provider: ProviderName): string {
  return provider === 'pax8' ? 'Pax8' : 'Xero';
}
